/**
 * MLflow's own file store ({@code ./mlruns} with {@code meta.yaml} files, as MLflow 1.x, 2.x and 3.x and PyCaret
 * through MLflow write it), read in place: {@link org.mlops4j.tracking.mlflow.MlflowFileStore} for experiments and
 * runs, {@link org.mlops4j.tracking.mlflow.MlflowFileRegistry} for the registry in {@code models/}. The {@code file:}
 * providers open them for a folder in MLflow's layout. Opened read-write, the store writes experiments and runs
 * ({@code MlflowFileWriter}) and the registry its models and versions ({@code MlflowRegistryWriter}) in that layout.
 * The layout rules each class follows are in its javadoc, with the MLflow source they come from.
 *
 * <p>MLflow's SQL databases (SQLite, PostgreSQL) open through the {@code jdbc:} providers when they hold MLflow's
 * schema ({@link org.mlops4j.tracking.mlflow.MlflowDatabases}): {@link org.mlops4j.tracking.mlflow.MlflowSqlStore}
 * and {@link org.mlops4j.tracking.mlflow.MlflowSqlRegistry} read them in place, and write experiments, runs, metrics,
 * params, tags, artifacts (to local artifact folders) and the registry as MLflow's {@code SqlAlchemyStore}s do, at the
 * schema revisions from {@code 89d4b8295536} to {@code acf3f17fdcc7}; other revisions are read-only.
 * {@link org.mlops4j.tracking.mlflow.MlflowDatabases#createEmpty} makes a new database in MLflow's schema.
 */
package org.mlops4j.tracking.mlflow;
