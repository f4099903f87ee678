/**
 * The entry point ({@link org.mlops4j.core.Mlops}), configuration ({@link org.mlops4j.core.MlopsConfig},
 * {@link org.mlops4j.core.MlopsProperties}) and the exception tree rooted at {@link org.mlops4j.core.MlopsException}.
 */
package org.mlops4j.core;
