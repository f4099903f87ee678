package org.mlops4j.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.rest.RestHttp.Answer;

/**
 * MLflow's REST API over one kind of store (subclasses choose it), through real HTTP calls of the JDK's client: the
 * experiment, run and registry calls, their JSON and MLflow's errors. One server over one store serves every test of a
 * class; each test works on names of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RestApiContract {

    TrackingClient tracking;
    ModelRegistry registry;
    TrackingServer server;
    RestHttp http;

    /** @return a tracking client over a fresh store under {@code folder} */
    protected abstract TrackingClient openTracking(Path folder);

    /** @return a registry over a fresh store under {@code folder} */
    protected abstract ModelRegistry openRegistry(Path folder);

    @BeforeAll
    void start(@TempDir Path folder) {
        tracking = openTracking(folder);
        registry = openRegistry(folder);
        server = TrackingServer.builder().trackingClient(tracking).modelRegistry(registry).port(0).start();
        http = new RestHttp(server.url());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        registry.close();
        tracking.close();
    }

    // ---- experiments -------------------------------------------------------------------------------------------

    @Test
    void createsAnExperimentAndGetsItByIdAndByName() {
        Answer created = http.post("experiments/create", Map.of("name", "lead-scoring",
                "tags", List.of(Map.of("key", "team", "value", "growth"))));
        assertEquals(200, created.status(), created.body().toString());
        assertTrue(created.contentType().startsWith("application/json"));
        String id = created.body().get("experiment_id").asText();
        assertTrue(created.body().get("experiment_id").isTextual(), "experiment ids are strings");

        JsonNode byId = http.get("experiments/get", Map.of("experiment_id", id)).body().get("experiment");
        assertEquals("lead-scoring", byId.get("name").asText());
        assertEquals("active", byId.get("lifecycle_stage").asText());
        assertTrue(byId.get("creation_time").isNumber(), "int64 fields are JSON numbers: " + byId);
        assertEquals("growth", tag(byId.get("tags"), "team"));
        assertFalse(byId.get("artifact_location").asText().isEmpty());

        JsonNode byName = http.get("experiments/get-by-name", Map.of("experiment_name", "lead-scoring")).body();
        assertEquals(id, byName.get("experiment").get("experiment_id").asText());
        assertEquals(tracking.getExperiment(id).orElseThrow().name(), "lead-scoring");
    }

    @Test
    void answersResourceAlreadyExistsForASecondExperimentOfTheSameName() {
        http.post("experiments/create", Map.of("name", "twice"));
        Answer again = http.post("experiments/create", Map.of("name", "twice"));
        assertEquals(400, again.status());
        assertEquals("RESOURCE_ALREADY_EXISTS", again.errorCode());
        assertFalse(again.body().get("message").asText().isEmpty());
    }

    @Test
    void answersResourceDoesNotExistForAMissingExperimentOrRun() {
        Answer experiment = http.get("experiments/get", Map.of("experiment_id", "424242"));
        assertEquals(404, experiment.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", experiment.errorCode());
        Answer byName = http.get("experiments/get-by-name", Map.of("experiment_name", "nowhere"));
        assertEquals(404, byName.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", byName.errorCode());
        Answer run = http.get("runs/get", Map.of("run_id", "0123456789abcdef0123456789abcdef"));
        assertEquals(404, run.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", run.errorCode());
        Answer logged = http.post("runs/log-metric", Map.of("run_id", "0123456789abcdef0123456789abcdef",
                "key", "m", "value", 1, "timestamp", 1L));
        assertEquals(404, logged.status(), logged.body().toString());
        assertEquals("RESOURCE_DOES_NOT_EXIST", logged.errorCode());
    }

    @Test
    void answersInvalidParameterValueForAMissingOrInvalidName() {
        Answer missing = http.post("experiments/create", Map.of());
        assertEquals(400, missing.status());
        assertEquals("INVALID_PARAMETER_VALUE", missing.errorCode());
        Answer tooLong = http.post("experiments/create", Map.of("name", "x".repeat(600)));
        assertEquals(400, tooLong.status());
        assertEquals("INVALID_PARAMETER_VALUE", tooLong.errorCode(), tooLong.body().toString());
    }

    @Test
    void searchesExperimentsByNameWithOrderAndPages() {
        for (String name : List.of("exp-b", "exp-d", "other", "exp-a", "exp-c")) {
            http.post("experiments/create", Map.of("name", name));
        }
        List<String> names = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            JsonNode page = http.post("experiments/search", Map.of("filter", "name LIKE 'exp-%'",
                    "order_by", List.of("name DESC"), "max_results", 2, "page_token", token)).body();
            page.get("experiments").forEach(e -> names.add(e.get("name").asText()));
            token = page.path("next_page_token").asText("");
            pages++;
        } while (!token.isEmpty());
        assertEquals(List.of("exp-d", "exp-c", "exp-b", "exp-a"), names);
        assertEquals(2, pages);

        JsonNode byGet = http.get("experiments/search", Map.of("filter", "name = 'other'", "max_results", "5"))
                .body();
        assertEquals(1, byGet.get("experiments").size());
        Answer bad = http.post("experiments/search", Map.of("filter", "colour = 'red'"));
        assertEquals("INVALID_PARAMETER_VALUE", bad.errorCode());
    }

    @Test
    void renamesDeletesAndRestoresAnExperimentAndSetsItsTags() {
        String id = http.post("experiments/create", Map.of("name", "draft")).body().get("experiment_id").asText();
        assertEquals(200, http.post("experiments/update", Map.of("experiment_id", id, "new_name", "final")).status());
        assertEquals(200, http.post("experiments/set-experiment-tag", Map.of("experiment_id", id, "key", "owner",
                "value", "ana")).status());
        JsonNode experiment = http.get("experiments/get", Map.of("experiment_id", id)).body().get("experiment");
        assertEquals("final", experiment.get("name").asText());
        assertEquals("ana", tag(experiment.get("tags"), "owner"));

        assertEquals(200, http.post("experiments/delete", Map.of("experiment_id", id)).status());
        JsonNode deleted = http.post("experiments/search", Map.of("view_type", "DELETED_ONLY")).body();
        assertEquals(List.of("final"), names(deleted.get("experiments")));
        assertEquals("deleted", http.get("experiments/get", Map.of("experiment_id", id)).body().get("experiment")
                .get("lifecycle_stage").asText());
        assertEquals(200, http.post("experiments/restore", Map.of("experiment_id", id)).status());
        assertTrue(tracking.getExperiment(id).orElseThrow().isActive());
    }

    // ---- runs --------------------------------------------------------------------------------------------------

    @Test
    void createsGetsUpdatesDeletesAndRestoresARun() {
        String experiment = experiment("runs");
        JsonNode created = http.post("runs/create", Map.of("experiment_id", experiment, "run_name", "first",
                "user_id", "ana", "start_time", 1_700_000_000_000L,
                "tags", List.of(Map.of("key", "stage", "value", "dev")))).body().get("run");
        String runId = created.get("info").get("run_id").asText();
        assertEquals(runId, created.get("info").get("run_uuid").asText());
        assertEquals("RUNNING", created.get("info").get("status").asText());
        assertEquals(1_700_000_000_000L, created.get("info").get("start_time").asLong());
        assertEquals("first", created.get("info").get("run_name").asText());
        assertEquals("dev", tag(created.get("data").get("tags"), "stage"));

        JsonNode updated = http.post("runs/update", Map.of("run_id", runId, "status", "FINISHED",
                "end_time", 1_700_000_360_000L, "run_name", "renamed")).body().get("run_info");
        assertEquals("FINISHED", updated.get("status").asText());
        assertEquals(1_700_000_360_000L, updated.get("end_time").asLong());
        assertEquals("renamed", updated.get("run_name").asText());
        Run stored = tracking.getRun(runId).orElseThrow();
        assertEquals("renamed", stored.info().runName());

        assertEquals(200, http.post("runs/delete", Map.of("run_id", runId)).status());
        assertEquals("deleted", http.get("runs/get", Map.of("run_id", runId)).body().get("run").get("info")
                .get("lifecycle_stage").asText());
        assertEquals(200, http.post("runs/restore", Map.of("run_id", runId)).status());
        assertTrue(tracking.getRun(runId).orElseThrow().info().isActive());
    }

    @Test
    void logsMetricsParamsAndTagsAndAnswersTheMetricHistory() {
        String runId = run(experiment("logging"), "r");
        for (int step = 0; step < 3; step++) {
            Answer logged = http.post("runs/log-metric", Map.of("run_id", runId, "key", "loss",
                    "value", 1.0 / (step + 1), "timestamp", 1_700_000_000_000L + step, "step", step));
            assertEquals(200, logged.status(), logged.body().toString());
        }
        assertEquals(200, http.post("runs/log-parameter", Map.of("run_id", runId, "key", "lr", "value", "0.1"))
                .status());
        assertEquals(200, http.post("runs/set-tag", Map.of("run_id", runId, "key", "note", "value", "x")).status());
        assertEquals(200, http.post("runs/set-tag", Map.of("run_id", runId, "key", "keep", "value", "y")).status());
        assertEquals(200, http.post("runs/delete-tag", Map.of("run_id", runId, "key", "note")).status());

        JsonNode data = http.get("runs/get", Map.of("run_id", runId)).body().get("run").get("data");
        assertEquals("0.1", tag(data.get("params"), "lr"));
        assertEquals("y", tag(data.get("tags"), "keep"));
        assertEquals("", tag(data.get("tags"), "note"));
        JsonNode latest = data.get("metrics").get(0);
        assertEquals(1.0 / 3, latest.get("value").asDouble(), 1e-12);
        assertEquals(2, latest.get("step").asLong());

        JsonNode history = http.get("metrics/get-history", Map.of("run_id", runId, "metric_key", "loss")).body();
        assertEquals(3, history.get("metrics").size());
        List<Long> steps = new ArrayList<>();
        history.get("metrics").forEach(m -> steps.add(m.get("step").asLong()));
        assertEquals(List.of(0L, 1L, 2L), steps.stream().sorted().toList());
        assertEquals(3, tracking.getMetricHistory(runId, "loss").size());
    }

    @Test
    void logsABatchOfAThousandValuesAndRefusesOneMore() {
        String runId = run(experiment("batch"), "b");
        List<Map<String, Object>> metrics = IntStream.range(0, 998).<Map<String, Object>>mapToObj(i -> Map.of(
                "key", "m", "value", i, "timestamp", 1_700_000_000_000L + i, "step", i)).toList();
        Answer logged = http.post("runs/log-batch", Map.of("run_id", runId, "metrics", metrics,
                "params", List.of(Map.of("key", "depth", "value", "6")),
                "tags", List.of(Map.of("key", "kind", "value", "batch"))));
        assertEquals(200, logged.status(), logged.body().toString());
        assertEquals(998, tracking.getMetricHistory(runId, "m").size());
        assertEquals("6", tracking.getRun(runId).orElseThrow().data().params().get("depth"));

        List<Map<String, Object>> tooMany = new ArrayList<>(metrics);
        tooMany.add(Map.of("key", "m", "value", 1, "timestamp", 1L, "step", 998));
        Answer refused = http.post("runs/log-batch", Map.of("run_id", runId, "metrics", tooMany,
                "params", List.of(Map.of("key", "depth", "value", "6")),
                "tags", List.of(Map.of("key", "kind", "value", "batch"))));
        assertEquals(400, refused.status());
        assertEquals("INVALID_PARAMETER_VALUE", refused.errorCode());
        List<Map<String, Object>> params = IntStream.range(0, 101).<Map<String, Object>>mapToObj(i -> Map.of(
                "key", "p" + i, "value", "v")).toList();
        assertEquals("INVALID_PARAMETER_VALUE", http.post("runs/log-batch", Map.of("run_id", runId,
                "params", params)).errorCode());
        assertEquals(998, tracking.getMetricHistory(runId, "m").size(), "a refused batch logs nothing");
    }

    @Test
    void refusesKeysTheStoresRefuse() {
        String runId = run(experiment("keys"), "k");
        Answer escaping = http.post("runs/log-parameter", Map.of("run_id", runId, "key", "../../etc/x",
                "value", "1"));
        assertEquals(400, escaping.status());
        assertEquals("INVALID_PARAMETER_VALUE", escaping.errorCode());
        Answer noTimestamp = http.post("runs/log-metric", Map.of("run_id", runId, "key", "m", "value", 1));
        assertEquals("INVALID_PARAMETER_VALUE", noTimestamp.errorCode());
    }

    @Test
    void searchesRunsWithMlflowsFilterOrderAndPageTokens() {
        String experiment = experiment("search");
        double[] accuracies = {0.3, 0.9, 0.6, 0.8, 0.1};
        for (int i = 0; i < accuracies.length; i++) {
            String runId = run(experiment, "run-" + i);
            http.post("runs/log-batch", Map.of("run_id", runId, "metrics", List.of(Map.of("key", "acc",
                    "value", accuracies[i], "timestamp", 1L, "step", 0)),
                    "params", List.of(Map.of("key", "model", "value", i % 2 == 0 ? "rf" : "lr"))));
        }
        List<Double> found = new ArrayList<>();
        String token = "";
        do {
            Answer page = http.post("runs/search", Map.of("experiment_ids", List.of(experiment),
                    "filter", "metrics.acc > 0.2", "order_by", List.of("metrics.acc DESC"), "max_results", 2,
                    "page_token", token));
            assertEquals(200, page.status(), page.body().toString());
            page.body().get("runs").forEach(r -> found.add(r.get("data").get("metrics").get(0).get("value")
                    .asDouble()));
            token = page.body().path("next_page_token").asText("");
        } while (!token.isEmpty());
        assertEquals(List.of(0.9, 0.8, 0.6, 0.3), found);

        JsonNode rf = http.post("runs/search", Map.of("experiment_ids", List.of(experiment),
                "filter", "params.model = 'rf' and attributes.run_name != 'run-0'")).body();
        assertEquals(2, rf.get("runs").size());
        Answer bad = http.post("runs/search", Map.of("experiment_ids", List.of(experiment),
                "filter", "metrics.acc >>> 1"));
        assertEquals(400, bad.status());
        assertEquals("INVALID_PARAMETER_VALUE", bad.errorCode());
    }

    @Test
    void listsARunsArtifactsAndRefusesPathsOutsideItsRoot() {
        String runId = run(experiment("artifacts"), "a");
        tracking.store().writeArtifact(runId, "model/MLmodel", new java.io.ByteArrayInputStream(
                "flavors: {}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        tracking.store().writeArtifact(runId, "report.txt", new java.io.ByteArrayInputStream(new byte[12]));
        JsonNode root = http.get("artifacts/list", Map.of("run_id", runId)).body();
        assertEquals(tracking.getRun(runId).orElseThrow().info().artifactUri(), root.get("root_uri").asText());
        Map<String, JsonNode> files = new java.util.TreeMap<>();
        root.get("files").forEach(f -> files.put(f.get("path").asText(), f));
        assertEquals(List.of("model", "report.txt"), new ArrayList<>(files.keySet()));
        assertTrue(files.get("model").get("is_dir").asBoolean());
        assertEquals(12, files.get("report.txt").get("file_size").asLong());
        JsonNode model = http.get("artifacts/list", Map.of("run_id", runId, "path", "model")).body();
        assertEquals("model/MLmodel", model.get("files").get(0).get("path").asText());
        Answer escaping = http.get("artifacts/list", Map.of("run_id", runId, "path", "../.."));
        assertEquals(400, escaping.status());
        assertEquals("INVALID_PARAMETER_VALUE", escaping.errorCode());
    }

    // ---- model registry ----------------------------------------------------------------------------------------

    @Test
    void createsGetsRenamesUpdatesAndDeletesARegisteredModel() {
        Answer created = http.post("registered-models/create", Map.of("name", "churn-model", "description", "first",
                "tags", List.of(Map.of("key", "team", "value", "growth"))));
        assertEquals(200, created.status(), created.body().toString());
        JsonNode model = created.body().get("registered_model");
        assertEquals("churn-model", model.get("name").asText());
        assertEquals("first", model.get("description").asText());
        assertTrue(model.get("creation_timestamp").isNumber());
        assertEquals("growth", tag(model.get("tags"), "team"));
        assertEquals("RESOURCE_ALREADY_EXISTS", http.post("registered-models/create", Map.of("name",
                "churn-model")).errorCode());

        assertEquals("churn-v2", http.post("registered-models/rename", Map.of("name", "churn-model",
                "new_name", "churn-v2")).body().get("registered_model").get("name").asText());
        assertEquals("second", http.send("PATCH", "registered-models/update", Map.of("name", "churn-v2",
                "description", "second")).body().get("registered_model").get("description").asText());
        assertEquals("second", registry.getModel("churn-v2").description());
        Answer missing = http.get("registered-models/get", Map.of("name", "churn-model"));
        assertEquals(404, missing.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", missing.errorCode());

        assertEquals(200, http.send("DELETE", "registered-models/delete", Map.of("name", "churn-v2")).status());
        assertTrue(registry.findModel("churn-v2").isEmpty());
    }

    @Test
    void registersVersionsTransitionsStagesAndAnswersLatestVersions() {
        String runId = run(experiment("models"), "train");
        http.post("registered-models/create", Map.of("name", "scorer"));
        for (int i = 0; i < 2; i++) {
            Answer version = http.post("model-versions/create", Map.of("name", "scorer",
                    "source", "runs:/" + runId + "/model", "run_id", runId, "description", "v" + (i + 1),
                    "tags", List.of(Map.of("key", "data", "value", "d" + i))));
            assertEquals(200, version.status(), version.body().toString());
            assertEquals(Integer.toString(i + 1), version.body().get("model_version").get("version").asText());
            assertEquals("None", version.body().get("model_version").get("current_stage").asText());
        }
        JsonNode moved = http.post("model-versions/transition-stage", Map.of("name", "scorer", "version", "1",
                "stage", "Production", "archive_existing_versions", false)).body().get("model_version");
        assertEquals("Production", moved.get("current_stage").asText());
        http.post("model-versions/transition-stage", Map.of("name", "scorer", "version", "2", "stage",
                "production", "archive_existing_versions", true));
        assertEquals("Archived", registry.getVersion("scorer", 1).stage().displayName());

        JsonNode latest = http.post("registered-models/get-latest-versions", Map.of("name", "scorer",
                "stages", List.of("Production"))).body().get("model_versions");
        assertEquals(1, latest.size());
        assertEquals("2", latest.get(0).get("version").asText());
        assertEquals(2, http.get("registered-models/get", Map.of("name", "scorer")).body()
                .get("registered_model").get("latest_versions").size());

        JsonNode version = http.get("model-versions/get", Map.of("name", "scorer", "version", "2")).body()
                .get("model_version");
        assertEquals(runId, version.get("run_id").asText());
        assertEquals("d1", tag(version.get("tags"), "data"));
        assertEquals("v2", version.get("description").asText());
        String uri = http.get("model-versions/get-download-uri", Map.of("name", "scorer", "version", "2")).body()
                .get("artifact_uri").asText();
        assertTrue(uri.startsWith(tracking.getRun(runId).orElseThrow().info().artifactUri().replaceAll("/+$", ""))
                && uri.endsWith("/model"), uri);

        assertEquals("INVALID_PARAMETER_VALUE", http.post("model-versions/transition-stage", Map.of("name",
                "scorer", "version", "2", "stage", "Shipped")).errorCode());
        assertEquals("INVALID_PARAMETER_VALUE", http.get("model-versions/get", Map.of("name", "scorer",
                "version", "two")).errorCode());
        Answer noVersion = http.get("model-versions/get", Map.of("name", "scorer", "version", "9"));
        assertEquals(404, noVersion.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", noVersion.errorCode());
        assertEquals("RESOURCE_DOES_NOT_EXIST", http.post("model-versions/create", Map.of("name", "unregistered",
                "source", "runs:/" + runId + "/model")).errorCode());
    }

    @Test
    void setsGetsAndDeletesAliasesAndTagsOfModelsAndVersions() {
        String runId = run(experiment("aliases"), "train");
        http.post("registered-models/create", Map.of("name", "ranker"));
        http.post("model-versions/create", Map.of("name", "ranker", "source", "runs:/" + runId + "/model"));
        assertEquals(200, http.post("registered-models/alias", Map.of("name", "ranker", "alias", "champion",
                "version", "1")).status());
        JsonNode byAlias = http.get("registered-models/alias", Map.of("name", "ranker", "alias", "champion"))
                .body().get("model_version");
        assertEquals("1", byAlias.get("version").asText());
        assertEquals("champion", byAlias.get("aliases").get(0).asText());
        JsonNode aliases = http.get("registered-models/get", Map.of("name", "ranker")).body()
                .get("registered_model").get("aliases");
        assertEquals("champion", aliases.get(0).get("alias").asText());
        assertEquals("1", aliases.get(0).get("version").asText());
        assertEquals(200, http.send("DELETE", "registered-models/alias", Map.of("name", "ranker",
                "alias", "champion")).status());
        assertEquals(404, http.get("registered-models/alias", Map.of("name", "ranker", "alias", "champion"))
                .status());

        http.post("registered-models/set-tag", Map.of("name", "ranker", "key", "owner", "value", "ana"));
        http.post("model-versions/set-tag", Map.of("name", "ranker", "version", "1", "key", "gate",
                "value", "passed"));
        assertEquals("ana", registry.getModel("ranker").tags().get("owner"));
        assertEquals("passed", registry.getVersion("ranker", 1).tags().get("gate"));
        assertEquals(200, http.send("DELETE", "registered-models/delete-tag", Map.of("name", "ranker",
                "key", "owner")).status());
        assertEquals(200, http.send("DELETE", "model-versions/delete-tag", Map.of("name", "ranker",
                "version", "1", "key", "gate")).status());
        assertTrue(registry.getModel("ranker").tags().isEmpty());
        assertTrue(registry.getVersion("ranker", 1).tags().isEmpty());
        assertEquals(200, http.send("DELETE", "model-versions/delete", Map.of("name", "ranker", "version", "1"))
                .status());
        assertTrue(registry.findVersion("ranker", 1).isEmpty());
    }

    @Test
    void searchesRegisteredModelsAndModelVersionsWithFiltersAndPages() {
        String first = run(experiment("search-models"), "a");
        String second = run(tracking.getExperimentByName("search-models").orElseThrow().experimentId(), "b");
        for (String name : List.of("lead-b", "lead-a", "churn", "lead-c")) {
            http.post("registered-models/create", Map.of("name", name));
            http.post("model-versions/create", Map.of("name", name, "source", "runs:/" + first + "/m",
                    "run_id", first));
        }
        http.post("model-versions/create", Map.of("name", "churn", "source", "runs:/" + second + "/m",
                "run_id", second));
        List<String> names = new ArrayList<>();
        String token = "";
        do {
            JsonNode page = http.get("registered-models/search", Map.of("filter", "name LIKE 'lead-%'",
                    "max_results", "2", "page_token", token)).body();
            page.get("registered_models").forEach(m -> names.add(m.get("name").asText()));
            token = page.path("next_page_token").asText("");
        } while (!token.isEmpty());
        assertEquals(List.of("lead-a", "lead-b", "lead-c"), names);

        JsonNode bySecond = http.get("model-versions/search", Map.of("filter", "run_id = '" + second + "'"))
                .body().get("model_versions");
        assertEquals(1, bySecond.size());
        assertEquals("churn", bySecond.get(0).get("name").asText());
        assertEquals("2", bySecond.get(0).get("version").asText());
        assertEquals(2, http.get("model-versions/search", Map.of("filter", "name = 'churn'")).body()
                .get("model_versions").size());
        assertEquals(1, http.get("model-versions/search", Map.of("filter", "run_id IN ('" + second + "', 'x')"
                + " AND name ILIKE 'CHURN'")).body().get("model_versions").size());
        assertEquals("INVALID_PARAMETER_VALUE", http.get("registered-models/search", Map.of("filter",
                "flavour = 'x'")).errorCode());
    }

    @Test
    void ordersModelVersionsByTheClausesGiven() {
        String runId = run(experiment("version-order"), "v");
        http.post("registered-models/create", Map.of("name", "ordered"));
        for (int i = 0; i < 3; i++) {
            http.post("model-versions/create", Map.of("name", "ordered", "source", "runs:/" + runId + "/m" + i));
        }
        List<String> ascending = new ArrayList<>();
        http.get("model-versions/search", Map.of("filter", "name = 'ordered'", "order_by",
                "version_number ASC")).body().get("model_versions").forEach(v -> ascending.add(v.get("version")
                .asText()));
        assertEquals(List.of("1", "2", "3"), ascending);
        List<String> byDefault = new ArrayList<>();
        http.get("model-versions/search", Map.of("filter", "name = 'ordered'")).body().get("model_versions")
                .forEach(v -> byDefault.add(v.get("version").asText()));
        assertEquals(List.of("3", "2", "1"), byDefault);
        assertEquals("INVALID_PARAMETER_VALUE", http.get("model-versions/search", Map.of("order_by", "colour"))
                .errorCode());
    }

    @Test
    void recordsALoggedModelInTheRunsHistoryTagAsMlflowDoes() throws Exception {
        String runId = run(experiment("log-model"), "m");
        for (String path : List.of("model", "model-2")) {
            String model = RestHttp.JSON.writeValueAsString(Map.of("artifact_path", path, "run_id", runId,
                    "utc_time_created", "2026-12-07 22:00:00.000000", "flavors", Map.of("python_function",
                    Map.of("loader_module", "mlflow.sklearn"))));
            Answer logged = http.post("runs/log-model", Map.of("run_id", runId, "model_json", model));
            assertEquals(200, logged.status(), logged.body().toString());
        }
        JsonNode history = RestHttp.JSON.readTree(tracking.getRun(runId).orElseThrow().data().tags()
                .get("mlflow.log-model.history"));
        assertEquals(2, history.size());
        assertEquals("model-2", history.get(1).get("artifact_path").asText());
        Answer incomplete = http.post("runs/log-model", Map.of("run_id", runId, "model_json",
                "{\"artifact_path\": \"m\"}"));
        assertEquals("INVALID_PARAMETER_VALUE", incomplete.errorCode());
        assertTrue(incomplete.body().get("message").asText().contains("flavors"));
        assertEquals("INVALID_PARAMETER_VALUE", http.post("runs/log-model", Map.of("run_id", runId,
                "model_json", "not json")).errorCode());
    }

    @Test
    void answersNotImplementedForDatasetInputsAndChangesNothing() {
        String runId = run(experiment("inputs"), "i");
        Map<String, Object> dataset = Map.of("dataset", Map.of("name", "leads", "digest", "abc123",
                "source_type", "local", "source", "{\"uri\": \"leads.csv\"}"),
                "tags", List.of(Map.of("key", "mlflow.data.context", "value", "training")));
        Answer refused = http.post("runs/log-inputs", Map.of("run_id", runId, "datasets", List.of(dataset)));
        assertEquals(501, refused.status(), refused.body().toString());
        assertEquals("NOT_IMPLEMENTED", refused.errorCode());
        assertTrue(refused.body().get("message").asText().contains("datasets"));
        assertEquals(200, http.post("runs/log-inputs", Map.of("run_id", runId)).status(), "nothing to record");
        assertEquals("INVALID_PARAMETER_VALUE", http.post("runs/log-inputs", Map.of("run_id", runId,
                "datasets", List.of(Map.of("dataset", Map.of("name", "no-digest"))))).errorCode());
        assertEquals("RESOURCE_DOES_NOT_EXIST", http.post("runs/log-inputs", Map.of("run_id",
                "0123456789abcdef0123456789abcdef", "datasets", List.of(dataset))).errorCode());
        assertEquals(0, http.get("runs/get", Map.of("run_id", runId)).body().get("run").get("inputs").size());
    }

    // ---- protocol ----------------------------------------------------------------------------------------------

    @Test
    void answersEndpointNotFoundAndWrongMethodsAsMlflowDoes() {
        Answer unknown = http.post("experiments/frobnicate", Map.of());
        assertEquals(404, unknown.status());
        assertEquals("ENDPOINT_NOT_FOUND", unknown.errorCode());
        Answer wrongMethod = http.get("experiments/create", Map.of("name", "by-get"));
        assertEquals(405, wrongMethod.status());
        assertTrue(tracking.getExperimentByName("by-get").isEmpty());
    }

    @Test
    void refusesBodiesThatAreNotJsonObjects() throws Exception {
        Answer plain = http.send(http.request("experiments/create").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"csrf\"}")).build());
        assertEquals(400, plain.status());
        assertEquals("INVALID_PARAMETER_VALUE", plain.errorCode());
        assertTrue(tracking.getExperimentByName("csrf").isEmpty(), "a form post cannot create anything");
        Answer broken = http.send(http.request("experiments/create").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": ")).build());
        assertEquals(400, broken.status());
        assertEquals("BAD_REQUEST", broken.errorCode());
    }

    @Test
    void acceptsDeleteAndPatchWithoutAContentTypeAsMlflowDoes() throws Exception {
        http.post("registered-models/create", Map.of("name", "untyped"));
        Answer patched = http.send(http.request("registered-models/update").method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"untyped\", \"description\": \"d\"}"))
                .build());
        assertEquals(200, patched.status(), patched.body().toString());
        assertEquals("d", registry.getModel("untyped").description());
        Answer deleted = http.send(http.request("registered-models/delete").method("DELETE",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"untyped\"}")).build());
        assertEquals(200, deleted.status(), deleted.body().toString());
        assertTrue(registry.findModel("untyped").isEmpty());
    }

    @Test
    void servesTheUiBesideTheApi() {
        http.post("experiments/create", Map.of("name", "shown-in-ui"));
        Answer page = http.send(java.net.http.HttpRequest.newBuilder(server.url()).GET().build());
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().asText().contains("shown-in-ui"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    String experiment(String name) {
        return http.post("experiments/create", Map.of("name", name)).body().get("experiment_id").asText();
    }

    String run(String experimentId, String name) {
        return http.post("runs/create", Map.of("experiment_id", experimentId, "run_name", name, "start_time",
                System.currentTimeMillis())).body().get("run").get("info").get("run_id").asText();
    }

    static String tag(JsonNode tags, String key) {
        for (JsonNode tag : tags) {
            if (tag.get("key").asText().equals(key)) {
                return tag.get("value").asText();
            }
        }
        return "";
    }

    static List<String> names(JsonNode experiments) {
        List<String> names = new ArrayList<>();
        experiments.forEach(e -> names.add(e.get("name").asText()));
        return names;
    }
}
