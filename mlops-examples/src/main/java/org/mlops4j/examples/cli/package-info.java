/**
 * The {@code mlops} command-line tool ({@link org.mlops4j.examples.cli.MlopsCommand}), built as the executable jar
 * {@code mlops-examples/target/mlops.jar}: {@code demo}, {@code pipeline run data|training|inference|monitoring},
 * {@code train}, {@code runs search}, {@code models list|transition|alias}, {@code drift}, {@code profile},
 * {@code validate} and {@code generate}, each with {@code --help}; exit codes in
 * {@link org.mlops4j.examples.cli.ExitCodes}.
 */
package org.mlops4j.examples.cli;
