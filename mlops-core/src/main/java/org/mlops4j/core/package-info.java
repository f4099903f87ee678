/**
 * What every package of mlops-core builds on: configuration ({@link org.mlops4j.core.MlopsConfig},
 * {@link org.mlops4j.core.MlopsProperties}) and the exception tree rooted at {@link org.mlops4j.core.MlopsException}.
 * It uses no other package of mlops4j but {@code spi.support} (to print values in messages); the entry point that
 * builds on everything else is {@link org.mlops4j.core.runtime.Mlops}.
 */
package org.mlops4j.core;
