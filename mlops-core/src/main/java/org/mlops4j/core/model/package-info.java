/**
 * Models on Tribuo: feature encoding, training, comparison and tuning, evaluation, packaging and serving.
 */
package org.mlops4j.core.model;
