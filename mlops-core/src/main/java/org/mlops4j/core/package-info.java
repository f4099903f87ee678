/**
 * What every package of mlops-core builds on: configuration ({@link org.mlops4j.core.MlopsConfig},
 * {@link org.mlops4j.core.MlopsProperties}), the exception tree rooted at {@link org.mlops4j.core.MlopsException} and
 * the one way its messages show a value ({@link org.mlops4j.core.PrintableValue}), and how long work reports
 * its progress ({@link org.mlops4j.core.ProgressListener}). It uses no other package of
 * mlops4j; the entry point that builds on everything else is {@link org.mlops4j.core.runtime.Mlops}.
 */
package org.mlops4j.core;
