package org.mlops4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.monitor.MonitoringRuns;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.drift.policy.DriftMonitor;
import org.mlops4j.drift.policy.TrackingDecisionRecorder;
import org.mlops4j.examples.leadscoring.LeadDrift;
import org.mlops4j.examples.leadscoring.LeadGenerator;

/** Monitor decisions recorded as monitoring runs in a real file store, found again by the model's tag. */
class TrackingDecisionRecorderTest {

    @TempDir
    Path work;

    private Table leads(long seed, LeadDrift... drift) {
        Path csv = work.resolve("leads-" + seed + ".csv");
        LeadGenerator.builder().seed(seed).rows(4_000).drift(drift).build().write(csv);
        return CsvReader.builder().build().read(csv).select("total_leads_droppped", "referred_lead",
                "first_platform_c", "first_utm_medium_c", "first_utm_source_c");
    }

    @Test
    void eachDecisionBecomesAMonitoringRunWithItsMeasuresActionAndEvidence() throws IOException {
        Table reference = leads(1);
        try (TrackingClient tracking = TrackingClient.open(Mlops.create(), work.resolve("mlruns").toUri())) {
            DriftMonitor monitor = DriftMonitor.builder()
                    .hooks(ActionHooks.builder().pipeline("retrain", () -> { }).callback("escalate", d -> { })
                            .build())
                    .recorder(TrackingDecisionRecorder.of(tracking, "lead-scoring"))
                    .build();
            DecisionOutcome calm = monitor.check(reference, leads(2));
            DecisionOutcome shifted = monitor.check(reference, leads(3,
                    LeadDrift.moveMass("first_utm_source_c", 14)));
            assertEquals(ActionKind.NONE, calm.decision().action());
            assertEquals(ActionKind.ESCALATE, shifted.decision().action());

            String experiment = tracking.getExperimentByName(MonitoringRuns.EXPERIMENT).orElseThrow().experimentId();
            List<Run> windows = tracking.searchAllRuns(SearchRequest.builder(experiment)
                    .filter("tags.`" + MonitoringRuns.MODEL_TAG + "` = 'lead-scoring'")
                    .orderBy("attributes.start_time ASC").build());
            assertEquals(2, windows.size());
            assertEquals("NONE", windows.get(0).data().tags().get(MonitoringRuns.ACTION_TAG));
            assertEquals("ESCALATE", windows.get(1).data().tags().get(MonitoringRuns.ACTION_TAG));
            assertEquals(shifted.decision().decidingDeviation(),
                    windows.get(1).data().metric(MonitoringRuns.MAX_DEVIATION_PCT).orElseThrow(), 1e-12);
            assertTrue(windows.get(1).data().metric(MonitoringRuns.DRIFT_SHARE).isPresent());
            try (InputStream in = tracking.openArtifact(windows.get(1).info().runId(), MonitoringRuns.DECISION_JSON)) {
                DecisionOutcome read = DecisionOutcome.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertEquals(shifted.decision(), read.decision());
            }
        }
    }
}
