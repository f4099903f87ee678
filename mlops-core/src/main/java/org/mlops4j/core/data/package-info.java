/**
 * Immutable, typed, columnar tables ({@link org.mlops4j.core.data.Table}) and their input and output.
 *
 * <p>Columns are numeric (primitive doubles with a null mask), categorical (dictionary-encoded), boolean, timestamp
 * and text. Null is explicit in every type.
 */
package org.mlops4j.core.data;
