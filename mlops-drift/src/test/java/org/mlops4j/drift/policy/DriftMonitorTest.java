package org.mlops4j.drift.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.ActionPolicy;
import org.mlops4j.core.monitor.ColumnDeviation;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.QualityTargets;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.TriggerActionProvider;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.DriftReport;

class DriftMonitorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T08:00:00Z"), ZoneOffset.UTC);
    private static final Table REFERENCE = LeadTables.reference(10_000);

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private ActionHooks recordingHooks() {
        return ActionHooks.builder()
                .pipeline("retrain", d -> {
                    calls.add("retrain " + d.decidingColumn());
                    return "run-1";
                })
                .callback("escalate", d -> calls.add("escalate " + d.decidingColumn()))
                .build();
    }

    private DriftMonitor.Builder monitor() {
        return DriftMonitor.builder().mlops(Mlops.builder().build()).hooks(recordingHooks()).clock(CLOCK);
    }

    @Test
    void theCaseStudysSourceDriftEscalatesToPeople() {
        Table current = LeadTables.caseStudyDrift(5_000);

        DecisionOutcome outcome = monitor().build().check(REFERENCE, current);

        PolicyDecision d = outcome.decision();
        assertEquals(ActionKind.ESCALATE, d.action());
        double medium = LeadTables.tvd(LeadTables.MEDIUM,
                LeadTables.rescale(LeadTables.MEDIUM, Map.of("others", 35.0)));
        assertEquals("first_utm_medium_c", d.decidingColumn());
        assertEquals(medium, d.decidingDeviation(), 0.05);
        assertEquals("(10, 100]", d.band().interval());
        assertEquals(7, d.deviations().size());
        assertEquals(0.0, deviation(d, "city_tier"), 1e-9);
        assertEquals(0.0, deviation(d, "total_leads_droppped"), 1e-9);
        assertEquals(ColumnType.NUMERIC, d.deviations().get(0).columnType());
        assertTrue(d.drift().driftedColumns().containsAll(
                List.of("first_platform_c", "first_utm_medium_c", "first_utm_source_c")), d.drift().toString());
        assertEquals(CLOCK.instant(), d.decidedAt());
        assertEquals(List.of("log", "callback:escalate"), outcome.actions().stream().map(a -> a.action()).toList());
        assertTrue(outcome.succeeded());
        assertEquals(List.of("escalate first_utm_medium_c"), calls);
    }

    @Test
    void aSixPointShiftRetrains() {
        Map<String, Double> tiers = LeadTables.shares("1", 45.5, "2", 17.9, "3", 36.6);
        Table current = LeadTables.table(5_000, LeadTables.LEADS_DROPPED, tiers, LeadTables.REFERRED,
                LeadTables.PLATFORM, LeadTables.MEDIUM, LeadTables.SOURCE, 3);

        DecisionOutcome outcome = monitor().build().check(REFERENCE, current);

        assertEquals(ActionKind.RETRAIN, outcome.decision().action());
        assertEquals("city_tier", outcome.decision().decidingColumn());
        assertEquals(LeadTables.tvd(LeadTables.CITY_TIER, tiers), outcome.decision().decidingDeviation(), 1e-9);
        assertEquals(ColumnType.NUMERIC, outcome.decision().deviations().get(1).columnType());
        assertEquals("pipeline:retrain", outcome.actions().get(0).action());
        assertEquals("run-1", outcome.actions().get(0).detail());
        assertEquals(List.of("retrain city_tier"), calls);
    }

    @Test
    void aShiftOfOneOrTwoPointsNeedsNoAction() {
        Map<String, Double> tiers = LeadTables.shares("1", 50.0, "2", 19.4, "3", 30.6);
        Map<String, Double> platform = LeadTables.rescale(LeadTables.PLATFORM, Map.of("others", 15.0,
                "Level0", 33.2));
        Table current = LeadTables.table(5_000, LeadTables.LEADS_DROPPED, tiers, LeadTables.REFERRED, platform,
                LeadTables.MEDIUM, LeadTables.SOURCE, 4);

        DecisionOutcome outcome = monitor().build().check(REFERENCE, current);

        assertEquals(ActionKind.NONE, outcome.decision().action());
        assertEquals("first_platform_c", outcome.decision().decidingColumn());
        assertEquals(2.0, outcome.decision().decidingDeviation(), 1e-9);
        assertEquals(1.5, deviation(outcome.decision(), "city_tier"), 1e-9);
        assertTrue(outcome.actions().isEmpty());
        assertTrue(calls.isEmpty());
    }

    @Test
    void aFailingActionIsRecordedAndTheOthersStillRun(@TempDir Path dir) {
        AtomicInteger logged = new AtomicInteger();
        ActionHooks hooks = ActionHooks.builder()
                .callback("escalate", d -> {
                    throw new IllegalStateException("pager unreachable");
                })
                .callback("audit", d -> logged.incrementAndGet())
                .build();
        JsonLinesDecisionRecorder recorder = new JsonLinesDecisionRecorder(dir.resolve("decisions.jsonl"));
        DriftMonitor monitor = DriftMonitor.builder().mlops(Mlops.builder().build()).hooks(hooks).clock(CLOCK)
                .actions(ActionKind.RETRAIN).actions(ActionKind.ESCALATE, "callback:escalate", "callback:audit")
                .recorder(recorder).build();

        DecisionOutcome outcome = monitor.check(REFERENCE, LeadTables.caseStudyDrift(5_000));

        assertFalse(outcome.succeeded());
        assertEquals(1, outcome.failures().size());
        assertEquals("callback:escalate", outcome.failures().get(0).action());
        assertTrue(outcome.failures().get(0).detail().contains("pager unreachable"));
        assertEquals(1, logged.get());
        assertEquals(List.of(outcome), recorder.readAll());
    }

    @Test
    void aRecorderThatFailsIsReportedInTheOutcome() {
        DriftMonitor monitor = monitor().recorder(o -> {
            throw new IllegalStateException("tracking store down");
        }).build();

        DecisionOutcome outcome = monitor.check(REFERENCE, REFERENCE);

        assertEquals(ActionKind.NONE, outcome.decision().action());
        assertEquals("record", outcome.failures().get(0).action());
        assertTrue(outcome.failures().get(0).detail().contains("tracking store down"));
    }

    @Test
    void qualityBelowTargetRetrainsWithoutDrift() {
        ActionPolicy policy = ActionPolicy.builder().band("[0, 5)", ActionKind.NONE)
                .band("[5, 10]", ActionKind.RETRAIN).band("(10, 100]", ActionKind.ESCALATE)
                .qualityTargets(QualityTargets.exceeding(Map.of("auc", 0.75, "precision", 0.65, "recall", 0.75)))
                .build();
        DriftMonitor monitor = monitor().policy(policy).build();

        DecisionOutcome outcome = monitor.check(REFERENCE, REFERENCE,
                Map.of("auc", 0.81, "precision", 0.62, "recall", 0.79));

        assertEquals(ActionKind.RETRAIN, outcome.decision().action());
        assertEquals(ActionKind.NONE, outcome.decision().driftAction());
        assertEquals(List.of("precision"), outcome.decision().quality().missed());
        assertEquals(1, calls.size());
    }

    @Test
    void monitorsOnlyTheChosenColumns() {
        DecisionOutcome outcome = monitor().columns("city_tier", "referred_lead").build()
                .check(REFERENCE, LeadTables.caseStudyDrift(5_000));

        assertEquals(ActionKind.NONE, outcome.decision().action());
        assertEquals(List.of("city_tier", "referred_lead"),
                outcome.decision().deviations().stream().map(ColumnDeviation::column).toList());
        assertTrue(outcome.decision().drift().numberOfColumns() == 7);
    }

    @Test
    void readsBandsAndActionsFromConfiguration(@TempDir Path dir) {
        Path alerts = dir.resolve("alerts/alerts.jsonl");
        Mlops mlops = Mlops.builder()
                .property(MlopsProperties.MONITOR_POLICY_BANDS, "[0,1):none; [1,50]:escalate; (50,100]:escalate")
                .property(MlopsProperties.MONITOR_ACTIONS_RETRAIN, "")
                .property(MlopsProperties.MONITOR_ACTIONS_ESCALATE, "log")
                .property(MlopsProperties.MONITOR_ALERTS_FILE, alerts.toString())
                .build();
        DriftMonitor monitor = DriftMonitor.builder().mlops(mlops).clock(CLOCK).build();
        Map<String, Double> tiers = LeadTables.shares("1", 50.0, "2", 19.4, "3", 30.6);
        Table current = LeadTables.table(5_000, LeadTables.LEADS_DROPPED, tiers, LeadTables.REFERRED,
                LeadTables.PLATFORM, LeadTables.MEDIUM, LeadTables.SOURCE, 5);

        DecisionOutcome outcome = monitor.check(REFERENCE, current);

        assertEquals(ActionKind.ESCALATE, outcome.decision().action());
        assertTrue(outcome.actions().get(0).detail().contains("alerts.jsonl"));
        List<DecisionOutcome> written = new JsonLinesDecisionRecorder(alerts).readAll();
        assertEquals(1, written.size());
        assertEquals(outcome.decision(), written.get(0).decision());
        assertEquals(Map.of(ActionKind.NONE, List.of(), ActionKind.RETRAIN, List.of(),
                ActionKind.ESCALATE, List.of("log")), monitor.actionNames());
    }

    @Test
    void refusesToStartWhenAnActionCannotBeSetUp() {
        ConfigurationException noCallback = assertThrows(ConfigurationException.class, () -> DriftMonitor.builder()
                .mlops(Mlops.builder().build()).build());
        assertTrue(noCallback.getMessage().contains("No pipeline named 'retrain'"), noCallback.getMessage());
        ConfigurationException noProvider = assertThrows(ConfigurationException.class, () -> monitor()
                .actions(ActionKind.NONE, "email:ops").build());
        assertTrue(noProvider.getMessage().contains("email:ops") && noProvider.getMessage().contains("callback"),
                noProvider.getMessage());
        assertThrows(ConfigurationException.class, () -> monitor().actions(ActionKind.NONE, "log:x").build());
        assertThrows(ConfigurationException.class, () -> monitor().actions(ActionKind.NONE, "pipeline").build());
        assertThrows(ConfigurationException.class, () -> DriftMonitor.builder().mlops(Mlops.builder()
                .property(MlopsProperties.MONITOR_POLICY_BANDS, "[0,5):none").build()).hooks(recordingHooks())
                .build());
    }

    @Test
    void aMissingMonitoredColumnIsNamed() {
        DataException e = assertThrows(DataException.class, () -> monitor().columns("city_tier", "age").build()
                .check(REFERENCE, REFERENCE));
        assertTrue(e.getMessage().contains("'age'"), e.getMessage());
    }

    @Test
    void decidesFromAGivenReportWithoutTestingAnyColumnAgain() {
        AtomicInteger columnTests = new AtomicInteger();
        Mlops mlops = CountingDriftTests.mlopsCounting(columnTests);
        DriftMonitor monitor = DriftMonitor.builder().mlops(mlops).hooks(recordingHooks()).clock(CLOCK).build();
        Table current = LeadTables.caseStudyDrift(5_000);
        DriftReport report = DataDrift.builder().mlops(mlops).build().run(REFERENCE, current);
        assertEquals(7, columnTests.get(), "the report tests each of the 7 columns");

        DecisionOutcome fromReport = monitor.check(REFERENCE, current, report, Map.of());

        assertEquals(7, columnTests.get(), "deciding from the report tests nothing again");
        assertEquals(ActionKind.ESCALATE, fromReport.decision().action());
        assertEquals(List.of("escalate first_utm_medium_c"), calls);
        PolicyDecision ranItself = monitor.decide(REFERENCE, current, Map.of());
        assertEquals(14, columnTests.get(), "without a report the monitor runs one");
        assertEquals(ranItself, fromReport.decision());
        assertSame(report.summary(), fromReport.decision().drift(), "the decision keeps the report's own verdict");
    }

    @Test
    void refusesAReportOfOtherTables() {
        DriftMonitor monitor = monitor().build();
        DriftReport ofOtherRows = DataDrift.builder().build().run(REFERENCE, LeadTables.caseStudyDrift(4_000));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> monitor.decide(REFERENCE, LeadTables.caseStudyDrift(5_000), ofOtherRows, Map.of()));

        assertTrue(e.getMessage().contains("4000 current rows") && e.getMessage().contains("10000 and 5000 rows"),
                e.getMessage());
    }

    @Test
    void theActionProvidersAreFoundOnTheClassPath() {
        assertEquals(List.of("callback", "log", "pipeline", "webhook"),
                Mlops.builder().build().providers(TriggerActionProvider.class).names());
    }

    private static double deviation(PolicyDecision d, String column) {
        return d.deviations().stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow().deviation();
    }
}
