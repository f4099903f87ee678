/**
 * Check suites that gate pipelines, as Evidently's {@code TestSuite}: declarative checks on a reference and a current
 * window (row count, missing values, new categories, values out of the reference's range, column types, drift per
 * column and of the dataset, model quality on labelled windows), each with a {@link org.mlops4j.drift.suite.Condition}
 * and a pass / warn / fail verdict, read from a JSON suite file ({@link org.mlops4j.drift.suite.SuiteFile}) and
 * reported as JSON and HTML ({@link org.mlops4j.drift.suite.SuiteResult}).
 * {@link org.mlops4j.drift.suite.CheckSuite#step} and the {@code check-suite} step type make a suite a pipeline step
 * that stops the steps after it when it fails.
 */
package org.mlops4j.drift.suite;
