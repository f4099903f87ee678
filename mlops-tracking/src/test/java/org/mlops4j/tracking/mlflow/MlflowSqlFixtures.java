package org.mlops4j.tracking.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MLflow databases written by hand in {@code src/test/resources/mlflow-db/} (see its README.md): each script
 * creates one schema revision's tables and fills them with the same PyCaret-like runs and registry. Tests build a
 * fresh database from a script, so nothing reaches the sources.
 */
final class MlflowSqlFixtures {

    /** MLflow 1.x, alembic revision a8c4a736bde6: run names only in tags, no aliases. */
    static final String MLFLOW1 = "mlflow1-a8c4a736bde6.sql";
    /** MLflow 2.x, alembic revision acf3f17fdcc7: run names in runs.name, aliases, experiment times. */
    static final String MLFLOW2 = "mlflow2-acf3f17fdcc7.sql";

    static final String SETUP = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String LOGISTIC = "1b2c3d4e5f60718293a4b5c6d7e8f901";
    static final String FOREST = "2a3b4c5d6e7f80910a1b2c3d4e5f6a7b";
    static final String BOOSTING = "3c4d5e6f708192a3b4c5d6e7f8091a2b";
    static final String EXPLORING = "4d5e6f708192a3b4c5d6e7f8091a2b3c";
    static final String DISCARDED = "5e6f708192a3b4c5d6e7f8091a2b3c4d";

    private MlflowSqlFixtures() {
    }

    /**
     * @param script a script's file name
     * @param folder where to make the database
     * @param extra  statements run after the script (to change the fixture for one test)
     * @return the new SQLite file, {@code mlflow.db}
     */
    static Path sqlite(String script, Path folder, String... extra) throws IOException, SQLException {
        Path file = folder.resolve("mlflow.db");
        load(script, "jdbc:sqlite:" + file, extra);
        return file;
    }

    /**
     * @param script a script's file name
     * @param url    a JDBC URL to an empty database or schema
     * @param extra  statements run after the script
     */
    static void load(String script, String url, String... extra) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement =
                connection.createStatement()) {
            // both drivers run a script of several statements sent as one (SQLite's exec, PostgreSQL's simple query)
            statement.executeUpdate(text(script));
            for (String sql : extra) {
                statement.execute(sql);
            }
        }
    }

    private static String text(String script) throws IOException {
        try (InputStream in = MlflowSqlFixtures.class.getResourceAsStream("/mlflow-db/" + script)) {
            if (in == null) {
                throw new IOException("No fixture script mlflow-db/" + script + " on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
