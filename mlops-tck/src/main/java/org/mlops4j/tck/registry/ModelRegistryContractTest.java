package org.mlops4j.tck.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.ColumnSpec;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.ExtraColumnPolicy;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelAlreadyExistsException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;

/**
 * The behaviour every {@link ModelRegistry} store must show. Each store's test extends this class and says where a
 * fresh, empty store is; the registry is opened through provider discovery, as a host would open it.
 *
 * <p>A plugin author implements {@link #newStoreLocation()}; the location's scheme must be served by a
 * {@code ModelRegistryProvider} registered in {@code META-INF/services} on the test class path. For a multi-process
 * check of a registry, {@link WriterProcesses} starts {@link RegistryWriterProcess} and
 * {@link SharedModelsWriterProcess} JVMs with this JVM's class path.
 */
public abstract class ModelRegistryContractTest {

    private static final Schema SCHEMA = Schema.builder()
            .column(ColumnSpec.builder("age").type(ColumnType.NUMERIC).nullable(false).range(0, 120).build())
            .column(ColumnSpec.builder("city_tier").type(ColumnType.CATEGORICAL).allowedValues(List.of("1", "2", "3"))
                    .build())
            .extraColumns(ExtraColumnPolicy.DROP)
            .build();

    private final List<ModelRegistry> opened = new ArrayList<>();
    private URI location;
    protected ModelRegistry registry;

    /** @return the location of a new, empty store (called once per test) */
    protected abstract URI newStoreLocation() throws Exception;

    @BeforeEach
    void openFreshStore() throws Exception {
        location = newStoreLocation();
        registry = open();
    }

    @AfterEach
    void closeEverything() {
        opened.forEach(ModelRegistry::close);
    }

    /** @return another registry instance on the same store, as a second component or process would open it */
    protected ModelRegistry open() {
        Mlops mlops = Mlops.builder().build();
        ModelRegistry r = mlops.modelRegistryProvider(location).open(location, mlops.config());
        opened.add(r);
        return r;
    }

    protected URI location() {
        return location;
    }

    private static NewModelVersion version(String name, String runId) {
        return NewModelVersion.builder(name, "runs:/" + runId + "/model").inputSchema(SCHEMA).build();
    }

    // ---- registered models ------------------------------------------------------------------------------------

    @Test
    void createsAModelWithDescriptionAndTagsAndFindsIt() {
        RegisteredModel created = registry.createModel("lead-scoring", "Scores leads", Map.of("team", "growth"));
        assertEquals("lead-scoring", created.name());
        assertEquals("Scores leads", created.description());
        assertEquals(Map.of("team", "growth"), created.tags());
        assertEquals(Map.of(), created.aliases());
        assertFalse(created.updatedAt().isBefore(created.createdAt()));
        assertEquals(Optional.of(created), registry.findModel("lead-scoring"));
        assertEquals(created, open().getModel("lead-scoring"));
    }

    @Test
    void refusesToCreateAModelTwice() {
        registry.createModel("m");
        ModelAlreadyExistsException e = assertThrows(ModelAlreadyExistsException.class,
                () -> registry.createModel("m"));
        assertTrue(e.getMessage().contains("'m'"), e.getMessage());
    }

    @Test
    void reportsAMissingModelByName() {
        assertEquals(Optional.empty(), registry.findModel("nope"));
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> registry.getModel("nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertThrows(ModelNotFoundException.class, () -> registry.listVersions("nope"));
        assertThrows(ModelNotFoundException.class, () -> registry.setModelTag("nope", "k", "v"));
        assertThrows(ModelNotFoundException.class, () -> registry.deleteModel("nope"));
    }

    @Test
    void listsModelsByNameAndSearchesWithALikePattern() {
        for (String name : List.of("lead-scoring", "churn", "lead_time", "Lead-old")) {
            registry.createModel(name);
        }
        assertEquals(List.of("Lead-old", "churn", "lead-scoring", "lead_time"),
                registry.listModels().stream().map(RegisteredModel::name).toList());
        assertEquals(List.of("lead-scoring", "lead_time"),
                registry.searchModels("lead%").stream().map(RegisteredModel::name).toList());
        assertEquals(List.of("lead-scoring"),
                registry.searchModels("lead-%").stream().map(RegisteredModel::name).toList());
        assertEquals(List.of("churn"), registry.searchModels("c_urn").stream().map(RegisteredModel::name).toList());
        assertEquals(List.of(), registry.searchModels("x%"));
    }

    @Test
    void setsAndDeletesDescriptionsAndTagsOfModels() {
        registry.createModel("m");
        assertEquals("about m", registry.updateModelDescription("m", "about m").description());
        registry.setModelTag("m", "owner", "ana");
        registry.setModelTag("m", "owner", "bo");
        assertEquals(Map.of("owner", "bo", "domain", "sales"), registry.setModelTag("m", "domain", "sales").tags());
        assertEquals(Map.of("domain", "sales"), registry.deleteModelTag("m", "owner").tags());
        assertEquals(Map.of("domain", "sales"), registry.deleteModelTag("m", "never-set").tags());
        RegisteredModel read = open().getModel("m");
        assertEquals("about m", read.description());
        assertEquals(Map.of("domain", "sales"), read.tags());
    }

    @Test
    void renamesAModelWithItsVersionsAliasesAndTags() {
        registry.createModel("old", "d", Map.of("k", "v"));
        registry.createVersion(version("old", "run1"));
        registry.createVersion(version("old", "run2"));
        registry.setAlias("old", "champion", 2);
        registry.transitionStage("old", 1, ModelStage.PRODUCTION, false);

        RegisteredModel renamed = registry.renameModel("old", "new");

        assertEquals("new", renamed.name());
        assertEquals(Map.of("k", "v"), renamed.tags());
        assertEquals(Map.of("champion", 2), renamed.aliases());
        assertEquals(Optional.empty(), registry.findModel("old"));
        assertEquals(2, registry.resolve("models:/new@champion").version());
        assertEquals(1, registry.resolve("models:/new/Production").version());
        assertEquals(3, registry.createVersion(version("new", "run3")).version());
    }

    @Test
    void refusesToRenameOntoAnExistingModel() {
        registry.createModel("a");
        registry.createModel("b");
        assertThrows(ModelAlreadyExistsException.class, () -> registry.renameModel("a", "b"));
        assertThrows(ModelNotFoundException.class, () -> registry.renameModel("c", "d"));
        assertTrue(registry.findModel("a").isPresent());
    }

    @Test
    void deletesAModelAndLetsTheNameStartAgainAtVersionOne() {
        registry.register(version("m", "run1"));
        registry.register(version("m", "run2"));
        registry.setAlias("m", "champion", 2);
        registry.deleteModel("m");
        assertEquals(Optional.empty(), registry.findModel("m"));
        assertEquals(List.of(), registry.listModels());
        assertEquals(1, registry.register(version("m", "run3")).version());
        assertEquals(Map.of(), registry.getModel("m").aliases());
    }

    // ---- versions ---------------------------------------------------------------------------------------------

    @Test
    void numbersVersionsFromOneAndLinksEachToItsRunAndSchema() throws Exception {
        registry.createModel("m");
        List<Integer> numbers = new ArrayList<>();
        for (String run : List.of("a1b2", "c3d4", "e5f6")) {
            numbers.add(registry.createVersion(version("m", run)).version());
        }
        assertEquals(List.of(1, 2, 3), numbers);
        ModelVersion second = open().getVersion("m", 2);
        assertEquals("runs:/c3d4/model", second.source());
        assertEquals(Optional.of("c3d4"), second.runId());
        assertEquals(ModelStage.NONE, second.stage());
        assertEquals(Optional.of(SCHEMA), second.inputSchema(), "the schema with its types, rules and policies");
        assertEquals(second.createdAt(), second.updatedAt());
        assertEquals("models:/m/2", second.uri().toString());
    }

    @Test
    void keepsDescriptionTagsAndAPlainSourceWithoutARun() {
        registry.createModel("m");
        ModelVersion v = registry.createVersion(NewModelVersion.builder("m", "s3://bucket/models/m/1")
                .description("first").tag("framework", "tribuo").tag("auc", "0.91").build());
        assertEquals(Optional.empty(), v.runId());
        assertEquals(Optional.empty(), v.inputSchema());
        assertEquals(v, registry.getVersion("m", 1));
        assertEquals("first", v.description());
        assertEquals(Map.of("framework", "tribuo", "auc", "0.91"), v.tags());
    }

    @Test
    void keepsAnUntypedSchemaAndTellsVersionsWithAndWithoutOneApart() {
        Schema names = Schema.ofNames("age", "city_tier");
        ModelVersion v = registry.register(NewModelVersion.builder("m", "file:/models/m").inputSchema(names).build());
        ModelVersion none = registry.register(NewModelVersion.builder("m", "file:/models/m2").build());
        assertEquals(Optional.of(names), open().getVersion("m", v.version()).inputSchema());
        assertEquals(Optional.empty(), open().getVersion("m", none.version()).inputSchema());
    }

    @Test
    void takesTheRunIdFromARunsSourceAndRejectsAConflictingOne() {
        registry.createModel("m");
        ModelVersion same = registry.createVersion(NewModelVersion.builder("m", "runs:/r1/model").runId("r1").build());
        assertEquals(Optional.of("r1"), same.runId());
        InvalidRegistryValueException e = assertThrows(InvalidRegistryValueException.class, () ->
                registry.createVersion(NewModelVersion.builder("m", "runs:/r1/model").runId("r2").build()));
        assertTrue(e.getMessage().contains("r1") && e.getMessage().contains("r2"), e.getMessage());
        assertEquals(1, registry.listVersions("m").size());
    }

    @Test
    void rejectsMalformedSources() {
        registry.createModel("m");
        for (String source : List.of("", "  ", "runs:/", "runs:/r1/../../etc/passwd", "runs:/r1/a/./b",
                "runs://r1/model", "runs:/bad id/model")) {
            assertThrows(InvalidRegistryValueException.class,
                    () -> registry.createVersion(NewModelVersion.builder("m", source).build()), source);
        }
        assertEquals(List.of(), registry.listVersions("m"));
    }

    @Test
    void createVersionNeedsTheModelButRegisterCreatesIt() {
        assertThrows(ModelNotFoundException.class, () -> registry.createVersion(version("m", "r1")));
        assertEquals(1, registry.register(version("m", "r1")).version());
        assertEquals(2, registry.register(version("m", "r2")).version());
    }

    @Test
    void resolvesAModelsUriSourceToTheUnderlyingSource() {
        registry.register(version("m", "r1"));
        registry.setAlias("m", "champion", 1);
        ModelVersion copy = registry.register(NewModelVersion.builder("m-copy", "models:/m@champion").build());
        assertEquals("runs:/r1/model", copy.source());
        assertEquals(Optional.of("r1"), copy.runId());
    }

    @Test
    void reportsAMissingVersionWithTheVersionsThatExist() {
        registry.register(version("m", "r1"));
        assertEquals(Optional.empty(), registry.findVersion("m", 2));
        assertEquals(Optional.empty(), registry.findVersion("other", 1));
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
                () -> registry.transitionStage("m", 7, ModelStage.STAGING, false));
        assertTrue(e.getMessage().contains("no version 7"), e.getMessage());
        assertThrows(ModelNotFoundException.class, () -> registry.getVersion("m", 2));
        assertThrows(ModelNotFoundException.class, () -> registry.getVersion("other", 1));
    }

    @Test
    void setsAndDeletesDescriptionsAndTagsOfVersions() {
        registry.register(version("m", "r1"));
        assertEquals("tuned", registry.updateVersionDescription("m", 1, "tuned").description());
        registry.setVersionTag("m", 1, "validation_status", "pending");
        ModelVersion passed = registry.setVersionTag("m", 1, "validation_status", "passed");
        assertEquals(Map.of("validation_status", "passed"), passed.tags());
        assertFalse(passed.updatedAt().isBefore(passed.createdAt()));
        assertEquals(Map.of(), registry.deleteVersionTag("m", 1, "validation_status").tags());
        assertEquals("tuned", open().getVersion("m", 1).description());
    }

    @Test
    void findsTheVersionsOfARunAcrossModels() {
        registry.register(version("a", "shared"));
        registry.register(version("a", "other"));
        registry.register(version("b", "shared"));
        assertEquals(List.of("a/1", "b/1"), registry.versionsOfRun("shared").stream()
                .map(v -> v.name() + "/" + v.version()).toList());
        assertEquals(List.of(), registry.versionsOfRun("unknown"));
    }

    @Test
    void deletingAVersionRemovesItsAliasesAndNeverReusesItsNumber() {
        for (int i = 1; i <= 3; i++) {
            registry.register(version("m", "r" + i));
        }
        registry.setAlias("m", "champion", 3);
        registry.setAlias("m", "challenger", 2);
        registry.deleteVersion("m", 3);
        assertEquals(List.of(1, 2), registry.listVersions("m").stream().map(ModelVersion::version).toList());
        assertEquals(Map.of("challenger", 2), registry.getModel("m").aliases());
        assertEquals(Optional.empty(), registry.findByAlias("m", "champion"));
        assertEquals(4, registry.register(version("m", "r4")).version());
        assertThrows(ModelNotFoundException.class, () -> registry.deleteVersion("m", 3));
    }

    // ---- stages -----------------------------------------------------------------------------------------------

    @Test
    void promotingWithArchiveExistingArchivesThePreviousProductionVersions() {
        for (int i = 1; i <= 4; i++) {
            registry.register(version("m", "r" + i));
        }
        registry.transitionStage("m", 1, ModelStage.PRODUCTION, false);
        registry.transitionStage("m", 2, ModelStage.PRODUCTION, false);
        registry.transitionStage("m", 3, ModelStage.STAGING, false);

        ModelVersion promoted = registry.transitionStage("m", 4, ModelStage.PRODUCTION, true);

        assertEquals(ModelStage.PRODUCTION, promoted.stage());
        Map<Integer, ModelStage> stages = open().listVersions("m").stream()
                .collect(Collectors.toMap(ModelVersion::version, ModelVersion::stage));
        assertEquals(Map.of(1, ModelStage.ARCHIVED, 2, ModelStage.ARCHIVED, 3, ModelStage.STAGING,
                4, ModelStage.PRODUCTION), stages);
    }

    @Test
    void promotingWithoutArchivingKeepsOtherVersionsInTheStage() {
        registry.register(version("m", "r1"));
        registry.register(version("m", "r2"));
        registry.transitionStage("m", 1, ModelStage.PRODUCTION, false);
        registry.transitionStage("m", 2, ModelStage.PRODUCTION, false);
        assertEquals(List.of(ModelStage.PRODUCTION, ModelStage.PRODUCTION),
                registry.listVersions("m").stream().map(ModelVersion::stage).toList());
        assertEquals(2, registry.resolve("models:/m/Production").version());
    }

    @Test
    void acceptsStageNamesInAnyCase() {
        registry.register(version("m", "r1"));
        assertEquals(ModelStage.STAGING, registry.transitionStage("m", 1, "staging", false).stage());
        assertEquals(ModelStage.PRODUCTION, registry.transitionStage("m", 1, "PRODUCTION", true).stage());
        assertThrows(InvalidRegistryValueException.class, () -> registry.transitionStage("m", 1, "Shadow", false));
    }

    @Test
    void refusesToArchiveExistingVersionsWhenTheTargetStageIsNotActive() {
        registry.register(version("m", "r1"));
        InvalidRegistryValueException e = assertThrows(InvalidRegistryValueException.class,
                () -> registry.transitionStage("m", 1, ModelStage.ARCHIVED, true));
        assertTrue(e.getMessage().contains("'Archived' is not an active stage"), e.getMessage());
        assertEquals(ModelStage.NONE, registry.getVersion("m", 1).stage());
    }

    @Test
    void givesTheHighestVersionPerStage() {
        for (int i = 1; i <= 5; i++) {
            registry.register(version("m", "r" + i));
        }
        registry.transitionStage("m", 1, ModelStage.PRODUCTION, false);
        registry.transitionStage("m", 3, ModelStage.PRODUCTION, false);
        registry.transitionStage("m", 2, ModelStage.STAGING, false);
        registry.transitionStage("m", 4, ModelStage.ARCHIVED, false);
        assertEquals(List.of("None:5", "Staging:2", "Production:3", "Archived:4"), registry.latestVersions("m",
                List.of()).stream().map(v -> v.stage() + ":" + v.version()).toList());
        assertEquals(List.of("Staging:2", "Production:3"), registry.latestVersions("m",
                List.of(ModelStage.PRODUCTION, ModelStage.STAGING)).stream()
                .map(v -> v.stage() + ":" + v.version()).toList());
    }

    // ---- aliases and URIs -------------------------------------------------------------------------------------

    @Test
    void anAliasPointsAtOneVersionAndMovesWhenSetAgain() {
        registry.register(version("m", "r1"));
        registry.register(version("m", "r2"));
        assertEquals(Set.of("champion"), registry.setAlias("m", "champion", 1).aliases());
        registry.setAlias("m", "champion", 2);
        assertEquals(Set.of(), registry.getVersion("m", 1).aliases());
        assertEquals(Set.of("champion"), registry.getVersion("m", 2).aliases());
        assertEquals(Map.of("champion", 2), open().getModel("m").aliases());
        registry.deleteAlias("m", "champion");
        registry.deleteAlias("m", "champion");
        assertEquals(Optional.empty(), registry.findByAlias("m", "champion"));
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
                () -> registry.getByAlias("m", "champion"));
        assertTrue(e.getMessage().contains("'champion'"), e.getMessage());
        assertThrows(ModelNotFoundException.class, () -> registry.setAlias("m", "champion", 9));
    }

    @Test
    void rejectsReservedAndMalformedAliases() {
        registry.register(version("m", "r1"));
        for (String alias : List.of("latest", "Latest", "v1", "V12", "a b", "$x", "", "a:b", "a".repeat(256))) {
            assertThrows(InvalidRegistryValueException.class, () -> registry.setAlias("m", alias, 1), alias);
        }
        for (String alias : List.of("123", "123v", "v123_temp", "lates", "champion-2", "a".repeat(255))) {
            assertEquals(1, registry.setAlias("m", alias, 1).version(), alias);
        }
    }

    @Test
    void resolvesVersionStageLatestAndAliasUris() {
        for (int i = 1; i <= 3; i++) {
            registry.register(version("lead scoring", "r" + i));
        }
        registry.transitionStage("lead scoring", 2, ModelStage.PRODUCTION, true);
        registry.transitionStage("lead scoring", 1, ModelStage.STAGING, false);
        registry.setAlias("lead scoring", "champion", 1);
        ModelRegistry other = open();
        assertEquals(3, other.resolve("models:/lead scoring/3").version());
        assertEquals(2, other.resolve("models:/lead scoring/Production").version());
        assertEquals(2, other.resolve("models:/lead scoring/production").version());
        assertEquals(1, other.resolve("models:/lead scoring/Staging").version());
        assertEquals(3, other.resolve("models:/lead scoring/latest").version());
        assertEquals(1, other.resolve("models:/lead scoring@champion").version());
        assertEquals("runs:/r1/model", other.resolve("models:/lead scoring@champion").source());
    }

    @Test
    void explainsWhyAUriDoesNotResolve() {
        registry.register(version("m", "r1"));
        assertTrue(assertThrows(ModelNotFoundException.class, () -> registry.resolve("models:/m/Production"))
                .getMessage().contains("no version in stage Production"));
        assertTrue(assertThrows(ModelNotFoundException.class, () -> registry.resolve("models:/m@champion"))
                .getMessage().contains("no alias 'champion'"));
        assertTrue(assertThrows(ModelNotFoundException.class, () -> registry.resolve("models:/m/2"))
                .getMessage().contains("no version 2"));
        assertTrue(assertThrows(ModelNotFoundException.class, () -> registry.resolve("models:/x/latest"))
                .getMessage().contains("'x'"));
        registry.createModel("empty");
        assertThrows(ModelNotFoundException.class, () -> registry.resolve("models:/empty/latest"));
        assertThrows(InvalidRegistryValueException.class, () -> registry.resolve("models:/m"));
    }

    // ---- names ------------------------------------------------------------------------------------------------

    @Test
    void rejectsModelNamesThatCouldEscapeTheStoreOrBreakUris() {
        for (String name : List.of("", "..", ".", "../evil", "a/b", "/abs", "a\\b", "..\\evil", "%2e%2e", " m",
                "m ", "m\u0000", "line\nbreak", ".hidden", "x".repeat(256))) {
            InvalidRegistryValueException e = assertThrows(InvalidRegistryValueException.class,
                    () -> registry.createModel(name), name);
            assertTrue(e.getMessage().contains("Invalid registered model name"), e.getMessage());
            assertThrows(InvalidRegistryValueException.class, () -> registry.findModel(name), name);
            assertThrows(InvalidRegistryValueException.class, () -> registry.register(version(name, "r1")), name);
        }
        assertEquals(List.of(), registry.listModels());
        for (String name : List.of("a", "Ab-5_", "a.b.c", "b.", "a b", "modèle", "team@corp", "x".repeat(255))) {
            assertEquals(name, registry.createModel(name).name());
        }
    }

    @Test
    void rejectsTagsThatBreakTheRules() {
        registry.createModel("m");
        assertThrows(InvalidRegistryValueException.class, () -> registry.setModelTag("m", "", "v"));
        assertThrows(InvalidRegistryValueException.class, () -> registry.setModelTag("m", "k".repeat(251), "v"));
        assertThrows(InvalidRegistryValueException.class, () -> registry.setModelTag("m", "a$b", "v"));
        assertThrows(InvalidRegistryValueException.class, () -> registry.setModelTag("m", "k", "v".repeat(5001)));
        assertEquals("v".repeat(5000), registry.setModelTag("m", "k".repeat(250), "v".repeat(5000)).tags()
                .get("k".repeat(250)));
        assertEquals("x", registry.setModelTag("m", "mlflow.user/name: a-b", "x").tags().get("mlflow.user/name: a-b"));
    }

    // ---- concurrency ------------------------------------------------------------------------------------------

    @Test
    void eightThreadsRegisteringVersionsOfOneModelGetNumbersOneToNWithoutGapsOrDuplicates() throws Exception {
        int threads = 8;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                ModelRegistry own = t % 2 == 0 ? registry : open();
                String writer = "t" + t;
                Callable<List<Integer>> task = () -> {
                    start.await();
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(own.register(NewModelVersion.builder("shared", "runs:/" + writer + "x" + i + "/m")
                                .tag("writer", writer).build()).version());
                    }
                    return mine;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                List<Integer> mine = result.get(120, TimeUnit.SECONDS);
                assertEquals(mine.stream().sorted().toList(), mine, "a writer's own numbers only grow");
                all.addAll(mine);
            }
            Collections.sort(all);
            assertEquals(IntStream.rangeClosed(1, threads * perThread).boxed().toList(), all);
        } finally {
            pool.shutdownNow();
        }
        List<ModelVersion> stored = open().listVersions("shared");
        assertEquals(threads * perThread, stored.size());
        for (ModelVersion v : stored) {
            String writer = v.tags().get("writer");
            assertTrue(v.source().startsWith("runs:/" + writer + "x"), v.toString());
        }
    }
}
