package org.mlops4j.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * The tracking UI over the {@code ./mlruns} PyCaret wrote through MLflow 2.x (mlops-tracking's fixture store), opened
 * read-only through a {@code file:} URI: experiments with their MLflow names, the nested runs with their statuses and
 * latest metrics, a run's parent, the registry's versions with stages and aliases.
 */
class MlflowStoreTrackingUiTest {

    private static final Path FIXTURE = Path.of(System.getProperty("mlflow.fixtures",
            "../mlops-tracking/src/test/resources/mlflow-stores"), "pycaret-mlflow2");
    private static final String LEADS = "493128577612458123";
    private static final String SETUP = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String LOGISTIC = "1f0e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String FOREST = "2a3b4c5d6e7f80910a1b2c3d4e5f6a7b";
    private static final String BOOSTING = "3c4d5e6f708192a3b4c5d6e7f8091a2b";

    @TempDir
    Path work;

    @Test
    void showsPycaretsRunsAndModelsAsMlflowWroteThem() throws IOException {
        URI location = copyFixture().toUri();
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, location.toString()).build();
        try (TrackingClient tracking = TrackingClient.openReadOnly(mlops, location);
             ModelRegistry registry = mlops.openModelRegistryReadOnly();
             TrackingUiServer server = TrackingUi.builder().trackingClient(tracking).modelRegistry(registry).port(0)
                     .build().start()) {
            UiHttp http = new UiHttp(server.url());
            String experiments = http.get("/").body();
            assertTrue(experiments.contains(">Sandbox</a>") && experiments.contains(">lead-scoring</a>"),
                    experiments);

            HttpResponse<String> runs = http.get("/experiments/" + LEADS);
            assertEquals(200, runs.statusCode());
            assertEquals(List.of(BOOSTING, FOREST, LOGISTIC, SETUP).stream().sorted().toList(),
                    UiHttp.runRows(runs.body()).stream().sorted().toList());
            assertTrue(runs.body().contains("data-metric=\"AUC\">0.79<"), "the latest AUC by MLflow's rule");

            String logistic = http.get("/runs/" + LOGISTIC).body();
            assertTrue(logistic.contains("<h1 id=\"run-name\">Logistic Regression</h1>"), logistic);
            assertTrue(logistic.contains(">" + SETUP + "</a>"), "the parent run of PyCaret's nested run");

            String model = http.get("/models/lead-scoring").body();
            assertTrue(model.contains("Production") && model.contains("champion"), model);
        }
    }

    private Path copyFixture() throws IOException {
        Path mlruns = work.resolve("mlruns");
        try (Stream<Path> walk = Files.walk(FIXTURE)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path copy = mlruns.resolve(FIXTURE.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return mlruns;
    }
}
