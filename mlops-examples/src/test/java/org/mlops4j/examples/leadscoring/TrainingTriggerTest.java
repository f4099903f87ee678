package org.mlops4j.examples.leadscoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;

/** New labelled data trains a model; data that fails the schema check is quarantined and trains nothing. */
class TrainingTriggerTest {

    @TempDir
    Path folder;

    @Test
    void trainsOnAcceptedBatchesAndQuarantinesBadOnes() throws Exception {
        String uri = "file:" + folder.resolve("mlruns");
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, uri).build();
        Path good = folder.resolve("week-1.csv");
        Table rows = LeadGenerator.builder().seed(8).rows(3000).build().write(good);
        Path bad = folder.resolve("week-2.csv");
        CsvWriter.builder().build().write(rows.drop("referred_lead"), bad);
        try (TrackingClient tracking = TrackingClient.open(mlops, URI.create(uri));
             ModelRegistry registry = mlops.openModelRegistry();
             PipelineRunner runner = PipelineRunner.builder().threads(1).build();
             TrainingTrigger trigger = TrainingTrigger.create(folder.resolve("inbox"), folder.resolve("training.db"),
                     tracking, registry, TrainingOptions.defaults().withFolds(2).withFamilies(List.of("nb")),
                     runner)) {
            InboxResult accepted = trigger.submit(good);
            assertTrue(accepted.accepted());
            assertEquals(1, trigger.trainingRuns().size());
            assertEquals(1, trigger.lastOutcome().orElseThrow().version());
            assertEquals(1, registry.listVersions("lead-scoring").size());
            TrainingOutcome outcome = trigger.lastOutcome().orElseThrow();
            List<String> artifacts = tracking.listArtifacts(outcome.runId(), "").stream().map(ArtifactInfo::path)
                    .toList();
            assertTrue(artifacts.containsAll(List.of("evaluation.json", "evaluation.html")), artifacts.toString());
            Path evaluation = tracking.downloadArtifacts(outcome.runId(), "evaluation.json", folder.resolve("eval"));
            JsonNode json = new ObjectMapper().readTree(Files.readString(evaluation));
            assertEquals(outcome.heldOutRows(), json.get("rows").asInt(), "evaluated on the held-out rows");
            assertEquals(outcome.heldOutAuc(), json.at("/classification/roc_curves/0/auc").asDouble(), 1e-12);

            Files.copy(bad, folder.resolve("inbox/week-2.csv"));
            List<InboxResult> polled = trigger.pollOnce();
            assertEquals(1, polled.size());
            assertFalse(polled.get(0).accepted());
            assertTrue(polled.get(0).report().isPresent(), "a quarantined batch comes with its report");
            assertTrue(Files.readString(polled.get(0).report().get()).contains("referred_lead"));
            assertEquals(1, trigger.trainingRuns().size(), "nothing trained on the rejected batch");
            assertEquals(1, registry.listVersions("lead-scoring").size());
        }
    }
}
