package org.mlops4j.server.rest.client;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.file.FileTrackingStore;

/**
 * Runs the contract tests that write artifacts against the {@code http:} store only when {@link TrackingServer} has MLflow's
 * {@code mlflow-artifacts} endpoints, which it gains in a separate change: until then a probe of a real server
 * answers {@code ENDPOINT_NOT_FOUND} (or the UI's page) and those tests are reported as skipped, with the reason. {@link HttpArtifactsIT}
 * runs regardless and fails without the endpoints.
 */
final class ArtifactEndpoints implements ExecutionCondition {

    /** The contract tests that write artifacts: the store contract's own, and two multi-process ones. */
    private static final Set<String> ARTIFACT_TESTS = Set.of("writesListsAndOpensArtifacts",
            "twoProcessesWriteTheSameStoreAtOnce", "aProcessKilledInTheMiddleOfWritesLeavesAReadableStore");
    private static Boolean served;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().filter(m -> ARTIFACT_TESTS.contains(m.getName())).isEmpty()) {
            return ConditionEvaluationResult.enabled("not an artifact test");
        }
        return served() ? ConditionEvaluationResult.enabled("the server has the mlflow-artifacts endpoints")
                : ConditionEvaluationResult.disabled("TrackingServer has no mlflow-artifacts endpoints yet (no "
                        + "artifactsDestination, or no JSON answer at /api/2.0/mlflow-artifacts/); HttpArtifactsIT covers artifacts through http:");
    }

    private static synchronized boolean served() {
        if (served == null) {
            served = probe();
        }
        return served;
    }

    private static boolean probe() {
        try {
            Path folder = Files.createTempDirectory("mlops-artifact-probe");
            TrackingServer.Builder builder = TrackingServer.builder().port(0);
            try (TrackingClient tracking = TrackingClient.of(FileTrackingStore.open(folder.resolve("mlruns")))) {
                builder.trackingClient(tracking);
                if (!ServerFixture.proxyArtifacts(builder, folder.resolve("proxied"))) {
                    return false;
                }
                try (TrackingServer server = builder.start()) {
                    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url()
                            .resolve("/api/2.0/mlflow-artifacts/artifacts/0/missing.txt")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    boolean json = answer.headers().firstValue("Content-Type").orElse("")
                            .startsWith("application/json");
                    return json && !answer.body().contains("ENDPOINT_NOT_FOUND");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot probe a tracking server for its artifact endpoints", e);
        }
    }
}
