package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.ViewType;

/**
 * What mlops4j writes into MLflow's file layout, file by file, against what MLflow's {@code FileStore} writes (the
 * fixtures follow it), and read back by the MLflow reader in a fresh, read-only store.
 */
class MlflowFileWritesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String LOGISTIC_META = "493128577612458123/" + MlflowStores.LOGISTIC + "/meta.yaml";

    @TempDir
    Path tempDir;

    @Test
    void aNewStoreHasTheDefaultExperimentAndTrashAsMlflowMakesThem() throws IOException {
        Path root = tempDir.resolve("mlruns");
        MlflowFileStore.create(root.toUri(), root).close();
        JsonNode meta = YAML.readTree(root.resolve("0/meta.yaml").toFile());
        assertEquals(List.of("artifact_location", "creation_time", "experiment_id", "last_update_time",
                "lifecycle_stage", "name"), names(meta));
        assertEquals("0", meta.get("experiment_id").textValue(), "the id is text: '0'");
        assertEquals("Default", meta.get("name").textValue());
        assertEquals(root.toUri().toASCIIString() + "0", meta.get("artifact_location").textValue());
        assertTrue(meta.get("creation_time").isIntegralNumber());
        assertTrue(Files.isDirectory(root.resolve(".trash")));
        assertTrue(Files.readString(root.resolve("0/meta.yaml")).contains("experiment_id: '0'\n"));
    }

    @Test
    void runsAreWrittenFileByFileAsMlflowWritesThem() throws IOException {
        Path root = tempDir.resolve("mlruns");
        Path fixtures = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir.resolve("fixtures"));
        try (MlflowFileStore store = MlflowFileStore.create(root.toUri(), root)) {
            Experiment experiment = store.createExperiment("lead scoring", Map.of("team", "growth"));
            RunInfo info = store.createRun(experiment.experimentId(), "Logistic Regression", "analyst", 1700000300000L,
                    List.of(new RunTag("Source", "pycaret")));
            store.logBatch(info.runId(), List.of(new Metric("AUC", 0.8811, 1700000350000L, 0),
                    new Metric("AUC", 1e-05, 1700000350001L, 1), new Metric("eval/loss", Double.NaN, 1, 2)),
                    List.of(new Param("C", "1.0"), new Param("solver", "lbfgs\n")), List.of(new RunTag("note", "")));
            store.updateRun(info.runId(), RunStatus.FINISHED, OptionalLong.of(1700000360000L));
            Path runDir = root.resolve(experiment.experimentId()).resolve(info.runId());

            JsonNode written = YAML.readTree(runDir.resolve("meta.yaml").toFile());
            JsonNode mlflows = YAML.readTree(fixtures.resolve(LOGISTIC_META).toFile());
            // a rewritten meta.yaml has no deleted_time: _overwrite_run_info writes it only when deleting
            ((com.fasterxml.jackson.databind.node.ObjectNode) mlflows).remove("deleted_time");
            assertEquals(types(mlflows), types(written), "the same keys with the same YAML types as MLflow's");
            assertEquals(3, written.get("status").intValue());
            assertEquals(experiment.experimentId(), written.get("experiment_id").textValue());
            assertEquals(experiment.artifactLocation() + "/" + info.runId() + "/artifacts",
                    written.get("artifact_uri").textValue());
            assertEquals("1700000350000 0.8811 0\n1700000350001 1e-05 1\n",
                    Files.readString(runDir.resolve("metrics/AUC")));
            assertEquals("1 nan 2\n", Files.readString(runDir.resolve("metrics/eval/loss")));
            assertEquals("1.0", Files.readString(runDir.resolve("params/C")), "no newline added");
            assertEquals("lbfgs\n", Files.readString(runDir.resolve("params/solver")));
            assertEquals("Logistic Regression", Files.readString(runDir.resolve("tags/mlflow.runName")));
            assertEquals("", Files.readString(runDir.resolve("tags/note")));
            assertEquals("growth", Files.readString(root.resolve(experiment.experimentId()).resolve("tags/team")));
            for (String folder : List.of("metrics", "params", "artifacts")) {
                assertTrue(Files.isDirectory(runDir.resolve(folder)), folder);
            }

            try (MlflowFileStore reader = new MlflowFileStore(root.toUri(), root)) {
                Run read = reader.getRun(info.runId()).orElseThrow();
                assertEquals(store.getRun(info.runId()).orElseThrow(), read);
                assertEquals(new Metric("AUC", 1e-05, 1700000350001L, 1), read.data().metrics().get("AUC"));
                assertEquals(Map.of("C", "1.0", "solver", "lbfgs\n"), read.data().params());
                assertEquals("pycaret", read.data().tags().get("Source"));
                assertEquals(experiment, reader.getExperiment(experiment.experimentId()).orElseThrow());
            }
        }
    }

    @Test
    void metaYamlIsDumpedByteForByteAsTheFixturesThatFollowPyYaml() throws IOException {
        Path fixtures = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir);
        for (String file : List.of("0/meta.yaml", LOGISTIC_META, "493128577612458123/meta.yaml",
                ".trash/271828/meta.yaml", ".trash/271828/" + MlflowStores.CHURN_BASELINE + "/meta.yaml")) {
            Path path = fixtures.resolve(file);
            assertEquals(Files.readString(path), new String(MetaYaml.dump(fields(YAML.readTree(path.toFile()))),
                    StandardCharsets.UTF_8), file);
        }
    }

    @Test
    void metaYamlQuotesWhatYamlWouldReadAsAnotherTypeAndReadsBackEveryText() throws IOException {
        // as PyYAML 6 dumps them (yaml.dump(..., default_flow_style=False, allow_unicode=True, Dumper=SafeDumper))
        Map<String, String> pyyaml = new LinkedHashMap<>();
        pyyaml.put("0", "'0'");
        pyyaml.put("", "''");
        pyyaml.put("lead scoring", "lead scoring");
        pyyaml.put("file:///tmp/ml runs/0", "file:///tmp/ml runs/0");
        pyyaml.put("file:///home/a/lead%20scoring/mlruns/0", "file:///home/a/lead%20scoring/mlruns/0");
        pyyaml.put("1f0e2d3c4b5a69788796a5b4c3d2e1f0", "1f0e2d3c4b5a69788796a5b4c3d2e1f0");
        pyyaml.put("12:30", "'12:30'");
        pyyaml.put("yes", "'yes'");
        pyyaml.put("null", "'null'");
        pyyaml.put("a: b", "'a: b'");
        pyyaml.put("x #y", "'x #y'");
        pyyaml.put("2024-01-02", "'2024-01-02'");
        pyyaml.put("trailing ", "'trailing '");
        pyyaml.put("@home", "'@home'");
        pyyaml.put("[x]", "'[x]'");
        pyyaml.put("0b101", "'0b101'");
        pyyaml.put("C:/x", "C:/x");
        pyyaml.put("it's", "it's");
        pyyaml.put("-lead", "-lead");
        pyyaml.put("ünïcode", "ünïcode");
        pyyaml.put("tab\there", "\"tab\\there\"");
        pyyaml.put("1e5", "1e5");
        pyyaml.put("123e4567", "123e4567");
        pyyaml.put("a,b", "a,b");
        pyyaml.put("1.5", "'1.5'");
        pyyaml.put("-", "'-'");
        for (Map.Entry<String, String> value : pyyaml.entrySet()) {
            assertEquals("k: " + value.getValue() + "\n", dumped(value.getKey()), value.getKey());
        }
        // PyYAML folds a line break into a single-quoted scalar; a double-quoted one reads back the same
        for (String other : List.of("new\nline", "quote\"d", "back\\slash\u0001")) {
            assertEquals(other, YAML.readTree(dumped(other)).get("k").textValue(), other);
        }
    }

    @Test
    void metricValuesAreWrittenAsPythonWritesFloats() {
        // Python 3: repr(v) for each value
        Map<Double, String> python = new LinkedHashMap<>();
        python.put(0.5, "0.5");
        python.put(100.0, "100.0");
        python.put(1e-05, "1e-05");
        python.put(0.0001, "0.0001");
        python.put(1e16, "1e+16");
        python.put(1234567890123456.0, "1234567890123456.0");
        python.put(123456789012345678.0, "1.2345678901234568e+17");
        python.put(0.1 + 0.2, "0.30000000000000004");
        python.put(-0.0, "-0.0");
        python.put(1e22, "1e+22");
        python.put(1.5e-7, "1.5e-07");
        python.put(5e-324, "5e-324");
        python.put(Double.MAX_VALUE, "1.7976931348623157e+308");
        python.put(12345678.9, "12345678.9");
        python.put(-2.5e-10, "-2.5e-10");
        python.put(1.0 / 3, "0.3333333333333333");
        python.put(Double.NaN, "nan");
        python.put(Double.POSITIVE_INFINITY, "inf");
        python.put(Double.NEGATIVE_INFINITY, "-inf");
        python.forEach((value, text) -> assertEquals(text, MlflowMetricLine.pythonRepr(value), text));
    }

    @Test
    void aBatchWhoseTagCannotBeWrittenTakesBackItsParamsAndMetricsAndItsRetryStoresEachValueOnce()
            throws IOException {
        Path root = tempDir.resolve("mlruns");
        try (MlflowFileStore store = MlflowFileStore.create(root.toUri(), root)) {
            RunInfo info = store.createRun(Experiment.DEFAULT_ID, "io failure", "u", 1, List.of());
            store.logBatch(info.runId(), List.of(new Metric("loss", 0.9, 5, 0)), List.of(), List.of());
            Path blocker = Files.createDirectories(root.resolve("0").resolve(info.runId()).resolve("tags/phase/x"));
            List<Metric> metrics = List.of(new Metric("loss", 0.5, 10, 1), new Metric("acc", 0.7, 10, 0));
            List<Param> params = List.of(new Param("depth", "4"));
            List<RunTag> tags = List.of(new RunTag("phase", "train"));
            assertThrows(TrackingException.class,
                    () -> store.logBatch(info.runId(), metrics, params, tags));
            Run failed = store.getRun(info.runId()).orElseThrow();
            assertTrue(failed.data().params().isEmpty(), "the param was taken back");
            assertEquals(List.of(new Metric("loss", 0.9, 5, 0)), store.getMetricHistory(info.runId(), "loss"));
            assertTrue(store.getMetricHistory(info.runId(), "acc").isEmpty());
            assertFalse(Files.exists(root.resolve("0").resolve(info.runId()).resolve("metrics/acc")));
            Files.delete(blocker);
            Files.delete(blocker.getParent());
            store.logBatch(info.runId(), metrics, params, tags);
            assertEquals(2, store.getMetricHistory(info.runId(), "loss").size(), "each value once");
            assertEquals("train", store.getRun(info.runId()).orElseThrow().data().tags().get("phase"));
        }
    }

    @Test
    void lockAndTemporaryFilesStayWhereMlflowNeverLooks() throws IOException {
        Path root = tempDir.resolve("mlruns");
        try (MlflowFileStore store = MlflowFileStore.create(root.toUri(), root)) {
            String e = store.createExperiment("locks", Map.of("k", "v")).experimentId();
            RunInfo info = store.createRun(e, "r", "u", 1, List.of());
            store.logBatch(info.runId(), List.of(new Metric("m", 1, 1, 0)), List.of(new Param("p", "1")),
                    List.of(new RunTag("t", "x")));
            store.writeArtifact(info.runId(), "a/b.txt", new ByteArrayInputStream(new byte[] {1}));
            store.setExperimentTag(e, "k", "w");
            store.renameExperiment(e, "renamed");
        }
        List<String> rootFiles = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(path).toString();
                if (path.getParent().equals(root)) {
                    rootFiles.add(relative);
                } else {
                    assertFalse(relative.endsWith(".tmp") || relative.endsWith(".lock"), relative);
                }
            }
        }
        assertFalse(rootFiles.isEmpty());
        assertTrue(rootFiles.stream().allMatch(f -> f.matches("\\.mlops4j-(store|runs-\\d\\d)\\.lock")), rootFiles
                .toString());
        // MLflow lists the root's sub-folders as experiments: only experiments, .trash and models are there
        try (Stream<Path> children = Files.list(root)) {
            assertTrue(children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .allMatch(name -> name.equals(".trash") || name.matches("\\d+")));
        }
    }

    @Test
    void aReadOnlyStoreOverAWrittenStoreWritesNoLockAndRefusesWrites() throws IOException {
        Path root = MlflowStores.copy(MlflowStores.MLFLOW1, tempDir);
        Map<String, String> before = MlflowStores.contents(root);
        try (MlflowFileStore store = new MlflowFileStore(root.toUri(), root)) {
            store.listExperiments(ViewType.ALL);
            assertTrue(assertThrows(RuntimeException.class, () -> store.createExperiment("x", Map.of()))
                    .getMessage().contains("opened read-only"));
        }
        assertEquals(before, MlflowStores.contents(root));
    }

    @Test
    void writesIntoAStoreMlflowWroteKeepItReadableAndRespectItsRules() throws IOException {
        Path root = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir);
        try (MlflowFileStore store = new MlflowFileStore(root.toUri(), root, StoreAccess.READ_WRITE)) {
            Run setup = store.getRun(MlflowStores.LOGISTIC).orElseThrow();
            String someParam = setup.data().params().keySet().iterator().next();
            assertThrows(InvalidTrackingInputException.class, () -> store.logBatch(MlflowStores.LOGISTIC, List.of(),
                    List.of(new Param(someParam, setup.data().params().get(someParam) + "x")), List.of()));
            store.logBatch(MlflowStores.LOGISTIC, List.of(new Metric("AUC", 0.99, 1800000000000L, 99)),
                    List.of(new Param(someParam, setup.data().params().get(someParam))),
                    List.of(new RunTag(SystemTags.RUN_NAME, "LR")));
            Run after = store.getRun(MlflowStores.LOGISTIC).orElseThrow();
            assertEquals("LR", after.info().runName());
            assertEquals(0.99, after.data().metric("AUC").orElseThrow());
            assertEquals(setup.data().metrics().keySet(), after.data().metrics().keySet());
            assertThrows(InvalidTrackingInputException.class, () -> store.logBatch(MlflowStores.CHURN_BASELINE,
                    List.of(), List.of(new Param("a", "b")), List.of()), "a run of a deleted experiment");

            String leads = after.info().experimentId();
            store.deleteExperiment(leads);
            assertTrue(Files.isRegularFile(root.resolve(".trash").resolve(leads).resolve("meta.yaml")));
            assertFalse(Files.exists(root.resolve(leads)));
            assertEquals(LifecycleStage.DELETED, store.getRun(MlflowStores.LOGISTIC).orElseThrow().info()
                    .lifecycleStage());
            store.restoreExperiment(leads);
            assertEquals(LifecycleStage.ACTIVE, store.getRun(MlflowStores.LOGISTIC).orElseThrow().info()
                    .lifecycleStage());
            try (InputStream in = new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))) {
                store.writeArtifact(MlflowStores.LOGISTIC, "notes.txt", in);
            }
            assertTrue(Files.isRegularFile(root.resolve(leads).resolve(MlflowStores.LOGISTIC)
                    .resolve("artifacts/notes.txt")), "beside the run, as the recorded folder is not on this machine");
        }
    }

    @Test
    void newFileStoresAndRegistriesAreMadeInMlflowsLayoutUnlessTheLayoutPropertyAsksForOursAndStoresKeepTheirs() {
        Path mlflow = tempDir.resolve("new-mlflow");
        Path ours = tempDir.resolve("new-ours");
        try (TrackingClient tracking = TrackingClient.open(mlops(mlflow, null), mlflow.toUri())) {
            tracking.createExperiment("x");
        }
        assertTrue(Files.isRegularFile(mlflow.resolve("0/meta.yaml")), "the default layout is MLflow's");
        assertFalse(Files.exists(mlflow.resolve("0/meta.json")));
        try (TrackingClient tracking = TrackingClient.open(mlops(ours, "mlops4j"), ours.toUri())) {
            tracking.createExperiment("x");
        }
        assertTrue(Files.isRegularFile(ours.resolve("0/meta.json")), "mlops4j's layout when asked for");
        try (TrackingClient tracking = TrackingClient.open(mlops(ours, null), ours.toUri())) {
            tracking.createExperiment("y");
        }
        assertFalse(Files.exists(ours.resolve("0/meta.yaml")), "a store keeps its layout");
        try (TrackingClient tracking = TrackingClient.open(mlops(mlflow, "mlops4j"), mlflow.toUri())) {
            tracking.createExperiment("y");
        }
        assertFalse(Files.exists(mlflow.resolve("0/meta.json")), "a store keeps its layout");
        Path other = tempDir.resolve("other");
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> TrackingClient.open(mlops(other, "yaml"), other.toUri()));
        assertTrue(bad.getMessage().contains(MlopsProperties.TRACKING_FILE_LAYOUT), bad.getMessage());
        assertFalse(Files.exists(other));
    }

    @Test
    void aNewRegistryIsMadeInMlflowsLayoutBesideTheRunsUnlessOursIsAskedFor() {
        Path mlflow = tempDir.resolve("registry-mlflow");
        try (ModelRegistry registry = mlops(mlflow, null).openModelRegistry()) {
            registry.register(NewModelVersion.builder("m", "runs:/r1/model").build());
        }
        assertTrue(Files.isRegularFile(mlflow.resolve("models/m/version-1/meta.yaml")));
        assertTrue(Files.isRegularFile(mlflow.resolve("0/meta.yaml")), "a whole store, as MLflow makes one");
        try (TrackingClient tracking = TrackingClient.open(mlops(mlflow, null), mlflow.toUri())) {
            assertEquals("Default", tracking.listExperiments(ViewType.ALL).get(0).name());
        }
        Path ours = tempDir.resolve("registry-ours");
        try (ModelRegistry registry = mlops(ours, "mlops4j").openModelRegistry()) {
            registry.register(NewModelVersion.builder("m", "runs:/r1/model").build());
        }
        assertTrue(Files.isRegularFile(ours.resolve("models/m/model.json")));
        try (ModelRegistry registry = mlops(ours, null).openModelRegistry()) {
            assertEquals(2, registry.register(NewModelVersion.builder("m", "runs:/r2/model").build()).version(),
                    "a registry keeps its layout");
        }
        assertFalse(Files.exists(ours.resolve("models/m/meta.yaml")));
    }

    private static Mlops mlops(Path root, String layout) {
        Mlops.Builder builder = Mlops.builder().property(MlopsProperties.TRACKING_URI, root.toUri().toString());
        return layout == null ? builder.build() : builder.property(MlopsProperties.TRACKING_FILE_LAYOUT, layout)
                .build();
    }

    private static String dumped(String value) {
        return new String(MetaYaml.dump(Map.of("k", value)), StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, JsonNodeType> types(JsonNode node) {
        Map<String, JsonNodeType> types = new TreeMap<>();
        node.fields().forEachRemaining(f -> types.put(f.getKey(), f.getValue().getNodeType()));
        return types;
    }

    private static Map<String, Object> fields(JsonNode node) {
        Map<String, Object> fields = new TreeMap<>();
        node.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            fields.put(f.getKey(), v.isNull() ? null : v.isIntegralNumber() ? (Object) v.longValue()
                    : v.isArray() ? List.of() : v.textValue());
        });
        return fields;
    }

}
