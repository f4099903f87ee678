package org.mlops4j.models;

import org.mlops4j.core.data.ColumnType;

/**
 * One column a trained model expects in its input table.
 *
 * @param name the column's name
 * @param type the column's type at training time (text and categorical columns are interchangeable at prediction)
 */
public record InputColumn(String name, ColumnType type) {
}
