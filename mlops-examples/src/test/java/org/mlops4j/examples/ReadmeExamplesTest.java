package org.mlops4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.ColumnSpec;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.ExtraColumnPolicy;
import org.mlops4j.core.data.JdbcDatabase;
import org.mlops4j.core.data.JdbcWriteMode;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TableSplit;
import org.mlops4j.core.data.ValidationReport;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.RetryPolicy;
import org.mlops4j.core.pipeline.Step;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.DriftDetectorProvider;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingPipelineListener;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.policy.DriftMonitor;
import org.mlops4j.drift.profile.ProfileReport;
import org.mlops4j.drift.profile.TableProfile;
import org.mlops4j.examples.leadscoring.LeadDrift;
import org.mlops4j.examples.leadscoring.LeadGenerator;
import org.mlops4j.models.ChampionChallenger;
import org.mlops4j.models.CompareOptions;
import org.mlops4j.models.Leaderboard;
import org.mlops4j.models.LoggedModel;
import org.mlops4j.models.EvaluationMetric;
import org.mlops4j.models.ModelEvaluation;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.PromotionDecision;
import org.mlops4j.models.TrackingModelingListener;
import org.mlops4j.models.TrainedModel;

/**
 * The code shown in README.md, run for real: if an example there stops compiling or working, this test says so. Keep
 * the two in step: each test here is one README section.
 */
class ReadmeExamplesTest {

    @TempDir
    Path work;

    private Path leadsCsv(int rows, long seed, LeadDrift... drift) {
        Path csv = work.resolve("leads-" + seed + ".csv");
        LeadGenerator.Builder generator = LeadGenerator.builder().seed(seed).rows(rows);
        for (LeadDrift d : drift) {
            generator.drift(d);
        }
        generator.build().write(csv);
        return csv;
    }

    @Test
    void tablesSchemasAndDatabases() throws Exception {
        Path csv = leadsCsv(2_000, 1);
        // --- README: Tables, schemas, CSV and JDBC
        Table leads = CsvReader.builder()
                .columnType("referred_lead", ColumnType.NUMERIC)
                .build()
                .read(csv);
        Schema schema = Schema.builder()                        // checks two of the 45 columns
                .column(ColumnSpec.builder("total_leads_droppped").type(ColumnType.NUMERIC).min(0).max(100).build())
                .column(ColumnSpec.builder("first_platform_c").type(ColumnType.CATEGORICAL).nullable(false).build())
                .extraColumns(ExtraColumnPolicy.IGNORE)
                .build();
        ValidationReport report = schema.validate(leads);
        report.writeQuarantine(work.resolve("quarantine.csv"));     // rejected rows with _row and _reason
        JdbcDatabase db = JdbcDatabase.of("jdbc:sqlite:" + work.resolve("leads.db"));
        db.writeTable(report.validRows(), "loaded_data", JdbcWriteMode.REPLACE);
        Table back = db.readTable("loaded_data");
        TableSplit split = back.randomSplit(0.8, 42);
        // ---
        assertEquals(45, leads.columnCount());
        assertEquals(List.of(), report.tableProblems(), "the 43 unchecked columns are no problem");
        long badRows = java.util.stream.IntStream.range(0, leads.rowCount()).filter(i ->
                leads.numeric("total_leads_droppped").isNull(i) ? false
                        : leads.numeric("total_leads_droppped").getDouble(i) < 0
                        || leads.numeric("total_leads_droppped").getDouble(i) > 100
                        || leads.column("first_platform_c").isNull(i)).count();
        assertEquals(badRows, report.rejectedRowCount(), "exactly the rows that break a rule are rejected");
        assertEquals(2_000 - badRows, report.validRowCount());
        assertTrue(report.validRowCount() > 1_900, "most generated leads are valid: " + report.summary());
        assertEquals(report.validRowCount(), back.rowCount());
        assertEquals(45, back.columnCount(), "the unchecked columns are kept");
        assertEquals(report.rejectedRowCount() + 1, Files.readAllLines(work.resolve("quarantine.csv")).size());
        assertEquals(Math.round(0.8 * back.rowCount()), split.first().rowCount());
        assertEquals(back.rowCount(), split.first().rowCount() + split.second().rowCount());

        ValidationReport strict = Schema.builder().column(ColumnSpec.builder("first_platform_c").build()).build()
                .validate(leads);
        assertEquals(0, strict.validRowCount(), "without IGNORE the 44 other columns fail the table, as the README "
                + "says: " + strict.summary());
    }

    private Table modelInput(int rows, long seed) {
        return CsvReader.builder().build().read(leadsCsv(rows, seed))
                .select("total_leads_droppped", "referred_lead", "first_platform_c", "first_utm_medium_c",
                        "first_utm_source_c", "app_complete_flag");
    }

    @Test
    void trackCompareRegisterAndServe() {
        Table modelInput = modelInput(3_000, 2);
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, work.resolve("mlruns").toString())
                .build();
        // --- README: Experiments, model comparison and the registry
        try (TrackingClient tracking = TrackingClient.open(mlops);
                ModelRegistry registry = mlops.openModelRegistry()) {
            ModelTracking models = ModelTracking.of(tracking, registry);
            try (ActiveRun run = tracking.startRun("lead-scoring", "compare")) {
                ModelingSetup setup = ModelingSetup.builder(modelInput, "app_complete_flag")
                        .folds(3).seed(42)
                        .listener(TrackingModelingListener.under(run))      // each candidate a nested run
                        .build();
                Leaderboard board = setup.compareModels(CompareOptions.defaults()
                        .include("lr", "dt", "nb", "dummy").sortBy(EvaluationMetric.AUC));
                System.out.println(board.toText());
                TrainedModel best = setup.finalizeModel(setup.createModel(board.best().orElseThrow().family()));
                LoggedModel logged = models.logModel(run, best, modelInput);  // provenance + data fingerprint
                ModelVersion version = models.register(logged, "lead-scoring");
                registry.transitionStage("lead-scoring", version.version(), ModelStage.PRODUCTION, true);
                run.end();                      // FINISHED; a block left without end() (a throw) ends the run FAILED
            }
            TrainedModel production = models.load("models:/lead-scoring/Production");
            Predictions predictions = production.predictor().predict(modelInput.drop("app_complete_flag"));
            // ---
            assertEquals(modelInput.rowCount(), predictions.size());
            assertTrue(predictions.failures().isEmpty());
            ModelVersion first = registry.getVersion("lead-scoring", 1);
            assertEquals(ModelStage.PRODUCTION, first.stage());
            assertTrue(List.of("lr", "dt", "nb", "dummy").contains(production.family()), production.family());
            assertTrue(production.evaluate(modelInput).get(EvaluationMetric.AUC) > 0.6,
                    "the registered model separates the classes of its own training rows");
            assertTrue(first.inputSchema().orElseThrow().columnNames().contains("first_platform_c"));

            TableSplit split = modelInput.randomSplit(0.8, 42);
            // --- README: Experiments, model comparison and the registry (a run with a void body)
            String runId = tracking.record("lead-scoring", "split", run -> {
                run.logParam("seed", "42");
                run.logMetric("training_rows", split.first().rowCount());
                run.logMetric("test_rows", split.second().rowCount());
            });
            // ---
            org.mlops4j.core.tracking.Run recorded = tracking.getRun(runId).orElseThrow();
            assertEquals(org.mlops4j.core.tracking.RunStatus.FINISHED, recorded.info().status());
            assertEquals(2_400.0, recorded.data().metrics().get("training_rows").value());
            assertEquals(600.0, recorded.data().metrics().get("test_rows").value());

            ModelVersion candidate;
            try (ActiveRun run = tracking.startRun("lead-scoring", "challenger")) {
                ModelingSetup setup = ModelingSetup.builder(modelInput, "app_complete_flag").folds(3).seed(7).build();
                candidate = models.register(models.logModel(run, setup.createModel("nb").model(), modelInput),
                        "lead-scoring");
                run.end();
            }
            Table heldOutRows = modelInput(400, 9);
            // --- README: Experiments, model comparison and the registry (promotion gate)
            PromotionDecision decision = ChampionChallenger.of(models, registry).metric(EvaluationMetric.AUC).minImprovement(0.002)
                    .challenge("lead-scoring", candidate.version(), heldOutRows);
            System.out.println(decision.summary());
            // ---
            assertEquals(candidate.version(), decision.candidateVersion());
            assertEquals(1, decision.championVersion().getAsInt());
            assertEquals(decision.promoted() ? ModelStage.PRODUCTION : ModelStage.NONE,
                    registry.getVersion("lead-scoring", candidate.version()).stage());
            assertTrue(decision.summary().startsWith("Version " + candidate.version() + ": held-out AUC"),
                    decision.summary());

            String compareRun = registry.getVersion("lead-scoring", 1).runId().orElseThrow();
            // --- README: ModelTracking, one place (register a model a run logged earlier)
            ModelVersion again = models.register(models.loggedModel(compareRun, "model"), "lead-scoring-copy");
            // ---
            assertEquals(1, again.version());
            assertEquals("runs:/" + compareRun + "/model", again.source());
            assertEquals(registry.getVersion("lead-scoring", 1).inputSchema(), again.inputSchema());

            try (ActiveRun run = tracking.startRun("lead-scoring", "evaluation")) {
                ModelingSetup setup = ModelingSetup.builder(modelInput, "app_complete_flag").folds(3).seed(42).build();
                // --- README: Experiments, model comparison and the registry (evaluation)
                ModelEvaluation evaluation = setup.evaluation(setup.createModel("lr").model());  // on the test split
                models.logEvaluation(run, evaluation);  // run artifacts evaluation.json (data), evaluation.html (SVG)
                System.out.println(evaluation.classification().orElseThrow().rocCurves().get(0).auc());
                // ---
                run.end();
                assertEquals(List.of("evaluation.html", "evaluation.json"),
                        tracking.listArtifacts(run.id(), "").stream().map(a -> a.path())
                                .filter(p -> p.startsWith("evaluation")).sorted().toList());
                assertEquals(setup.holdoutRows().rowCount(), evaluation.rows());
            }
        }
    }

    @Test
    void pipelinesWithRetriesRecordedAsRuns() {
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, work.resolve("mlruns").toString())
                .build();
        Path csv = leadsCsv(500, 3);
        // --- README: Pipelines
        Pipeline pipeline = Pipeline.builder("data")
                .step(Step.named("load").outputs("raw")
                        .run(ctx -> StepResult.of("raw", CsvReader.builder().build().read(csv))))
                .step(Step.named("clean").inputs("raw").outputs("clean").retry(RetryPolicy.retries(2))
                        .run(ctx -> StepResult.of("clean", ctx.input("raw", Table.class).drop("city_mapped"))))
                .build();
        try (TrackingClient tracking = TrackingClient.open(mlops);
                PipelineRunner runner = PipelineRunner.builder()
                        .listener(TrackingPipelineListener.of(tracking))   // a run per pipeline, nested step runs
                        .build()) {
            PipelineRun run = runner.run(pipeline);
            // ---
            assertEquals(PipelineState.SUCCEEDED, run.state());
            Table clean = run.output("clean", Table.class).orElseThrow();
            assertEquals(500, clean.rowCount());
            assertFalse(clean.hasColumn("city_mapped"));
            assertEquals(44, clean.columnCount());
            assertEquals(3, tracking.searchAllRuns(org.mlops4j.core.tracking.SearchRequest.builder(
                    tracking.getExperimentByName(TrackingPipelineListener.DEFAULT_EXPERIMENT).orElseThrow()
                            .experimentId()).build()).size(), "a run for the pipeline and one per step");
        }
    }

    @Test
    void pluginsAreFoundAndReported() {
        // --- README: Plugins
        Mlops mlops = Mlops.builder()
                .property(MlopsProperties.TRACKING_URI, "jdbc:sqlite:runs.db")
                .build();
        System.out.println(mlops.discoveryReport().describe());  // per provider: class, version, jar
        DriftDetectorProvider ks = mlops.providers(DriftDetectorProvider.class).get("ks");
        // ---
        assertEquals("ks", ks.name());
        assertTrue(mlops.discoveryReport().describe().contains("ks"), mlops.discoveryReport().describe());
        assertEquals("jdbc:sqlite:runs.db", mlops.trackingUri().toString());
    }

    /**
     * The README's one import block names every mlops4j class that the snippets this test runs use, and each is a
     * class that exists: a reader who copies a snippet and the block gets code that compiles.
     */
    @Test
    void theReadmesImportBlockCoversEverySnippet() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String api = readme.substring(readme.indexOf("## The API in short"), readme.indexOf("## Serving models"));
        List<String> blocks = new java.util.ArrayList<>();
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```java\n(.*?)```",
                java.util.regex.Pattern.DOTALL).matcher(api);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        String imports = blocks.get(0);
        java.util.Set<String> imported = new java.util.TreeSet<>();
        for (String line : imports.strip().split("\n")) {
            assertTrue(line.matches("import org\\.mlops4j\\.[\\w.]+;"), line);
            String name = line.substring("import ".length(), line.length() - 1);
            Class.forName(name);  // exists
            imported.add(name.substring(name.lastIndexOf('.') + 1));
        }
        String source = Files.readString(Path.of("src", "test", "java", "org", "mlops4j", "examples",
                "ReadmeExamplesTest.java"));
        java.util.Set<String> known = new java.util.TreeSet<>();
        java.util.regex.Matcher ours = java.util.regex.Pattern.compile("import (org\\.mlops4j\\.[\\w.]+);")
                .matcher(source);
        while (ours.find()) {
            known.add(ours.group(1).substring(ours.group(1).lastIndexOf('.') + 1));
        }
        List.of(org.mlops4j.core.MlopsConfig.class, org.mlops4j.core.tracking.TrackingStore.class,
                        org.mlops4j.server.ui.TrackingUi.class, org.mlops4j.server.ui.TrackingUiServer.class,
                        org.mlops4j.tck.tracking.TrackingStoreContractTest.class)   // snippets compiled, not run here
                .forEach(shown -> known.add(shown.getSimpleName()));
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (String snippet : blocks.subList(1, blocks.size())) {
            java.util.regex.Matcher word = java.util.regex.Pattern.compile("\\b[A-Z]\\w+\\b").matcher(snippet);
            while (word.find()) {
                if (known.contains(word.group()) && !imported.contains(word.group())) {
                    missing.add(word.group());
                }
            }
        }
        assertEquals(java.util.Set.of(), missing, "classes the README's snippets use but its import block lacks");
    }

    @Test
    void driftProfilesAndThePolicy() {
        Table reference = CsvReader.builder().build().read(leadsCsv(5_000, 4));
        Table current = CsvReader.builder().build().read(
                leadsCsv(5_000, 5, LeadDrift.moveMass("first_platform_c", 12)));
        List<String> columns = List.of("total_leads_droppped", "referred_lead", "first_platform_c",
                "first_utm_medium_c", "first_utm_source_c");
        // --- README: Drift, profiles and the action policy
        DriftReport report = DataDrift.builder().build().run(reference.select(columns), current.select(columns));
        System.out.println(report.toJson());                       // Evidently's shape
        ProfileReport profile = ProfileReport.of(TableProfile.of(reference), "Training data");
        profile.writeHtml(work.resolve("profile.html"));
        DriftMonitor monitor = DriftMonitor.builder()
                .hooks(ActionHooks.builder()
                        .pipeline("retrain", () -> System.out.println("retraining"))
                        .callback("escalate", decision -> System.out.println("paging: " + decision.reason()))
                        .build())
                .build();
        DecisionOutcome outcome = monitor.check(reference.select(columns), current.select(columns), report, Map.of());
        // ---
        assertEquals(columns.size(), report.summary().numberOfColumns());
        assertTrue(report.column("first_platform_c").orElseThrow().score() > 0);
        assertEquals(ActionKind.ESCALATE, outcome.decision().action());
        assertFalse(outcome.actions().isEmpty());
    }
}
