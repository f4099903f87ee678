package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.examples.leadscoring.LeadGenerator;

/** The executable jar that {@code package} builds, run as a separate process. */
class MlopsJarIT {

    @TempDir
    Path folder;

    private MlopsJar.Outcome run(String... args) throws IOException, InterruptedException {
        return MlopsJar.built(folder).run(args);
    }

    @Test
    void printsHelp() throws Exception {
        MlopsJar.Outcome help = run("--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: mlops"), help.out());
        assertTrue(help.out().contains("drift") && help.out().contains("pipeline"), help.out());
    }

    @Test
    void trainsRegistersAndDescribesAtTheStoreNamedByMlopsTrackingUriInTheEnvironment() throws Exception {
        Path leads = folder.resolve("leads.csv");
        LeadGenerator.builder().seed(3).rows(600).build().write(leads);
        java.util.Map<String, String> env = java.util.Map.of("MLOPS_TRACKING_URI", "file:" + folder.resolve("runs"));
        MlopsJar jar = MlopsJar.built(folder);
        MlopsJar.Outcome train = jar.run(env, "train", "--input", leads.toString(), "--target", "app_complete_flag",
                "--folds", "2", "--models", "lr", "--register", "leads");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("registered leads version 1") && train.out().contains(" at file:"
                + folder.resolve("runs")), train.out());
        MlopsJar.Outcome describe = jar.run(env, "models", "describe", "--name", "leads");
        assertEquals(0, describe.code(), describe.err());
        assertTrue(describe.out().startsWith("model leads") && describe.out().contains("version 1  None"),
                describe.out());
        MlopsJar.Outcome search = jar.run(env, "runs", "search", "--filter", "attributes.run_name = 'compare_models'");
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().startsWith("run_id") && search.out().contains("1 run(s)"), search.out());
        MlopsJar.Outcome elsewhere = jar.run(java.util.Map.of("MLOPS_TRACKING_URI", "file:" + folder.resolve("none")),
                "runs", "search");
        assertEquals(2, elsewhere.code(), "the variable names the store: " + elsewhere.out());
        assertTrue(elsewhere.err().contains(folder.resolve("none").toString()), elsewhere.err());
    }

    @Test
    void comparesTwoCsvFilesWithTheDriftTestsFoundThroughTheServiceFiles() throws Exception {
        Path reference = folder.resolve("reference.csv");
        Path current = folder.resolve("current.csv");
        LeadGenerator.builder().seed(1).rows(500).build().write(reference);
        LeadGenerator.builder().seed(2).rows(500).drift(org.mlops4j.examples.leadscoring.LeadDrift
                .moveMass("first_platform_c", 40)).build().write(current);
        MlopsJar.Outcome drift = run("drift", "--reference", reference.toString(), "--current", current.toString(),
                "--columns", "first_platform_c,referred_lead", "--stattest", "jensenshannon");
        assertTrue(drift.code() == 0 || drift.code() == 1, drift.err());
        assertTrue(drift.out().contains("\"dataset_drift\"") && drift.out().contains("jensenshannon"), drift.out());
        MlopsJar.Outcome bad = run("drift", "--reference", folder.resolve("missing.csv").toString(), "--current",
                current.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("missing.csv"), bad.err());
    }

    @Test
    void runsTheDemoWithTheStoresActionsAndModelFlavorFoundThroughTheServiceFiles() throws Exception {
        Path work = folder.resolve("demo");
        MlopsJar.Outcome demo = run("demo", "--workdir", work.toString(), "--rows", "10000", "--batch-rows", "5000",
                "--folds", "2", "--models", "lr,dt");
        assertEquals(0, demo.code(), demo.err() + demo.out());
        List<String> table = demo.out().lines().filter(l -> l.startsWith("batch-")).toList();
        assertEquals(3, table.size(), demo.out());
        assertTrue(table.get(0).contains(" none ") && table.get(1).contains(" retrain ")
                && table.get(2).contains(" escalate "), demo.out());
        assertTrue(Files.isDirectory(work.resolve("mlruns/models")), "the registry lives in the tracking folder");
        assertTrue(Files.isRegularFile(work.resolve("reports/batch-3/drift_report.html")));
    }
}
