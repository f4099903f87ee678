package org.mlops4j.drift.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

class SuiteFileTest {

    @Test
    void readsChecksWithColumnsConditionsSeverityAndOptions() {
        CheckSuite suite = SuiteFile.parse("""
                {"name": "nightly", "checks": [
                  {"check": "row_count", "condition": {"between": [900, 1100]}},
                  {"check": "missing_share", "columns": ["age"], "condition": {"gt": 0, "lte": 0.05},
                   "severity": "warn"},
                  {"check": "column_drift", "stattest": "psi", "threshold": 0.2}
                ]}""", "nightly.json");

        assertEquals("nightly", suite.name());
        assertEquals(new Check(CheckKind.ROW_COUNT, List.of(), Optional.of(Condition.between(900, 1100)), true,
                Map.of()), suite.checks().get(0));
        Check missing = suite.checks().get(1);
        assertEquals(List.of("age"), missing.columns());
        assertEquals("> 0 and ≤ 0.05", missing.condition().orElseThrow().describe());
        assertFalse(missing.critical());
        assertEquals(Map.of("stattest", "psi", "threshold", "0.2"), suite.checks().get(2).options());
    }

    @Test
    void namesTheSourceAndTheCheckOfAnUnknownConditionKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SuiteFile.parse("""
                {"checks": [{"check": "row_count"}, {"check": "row_count", "condition": {"above": 3}}]}""",
                "s.json"));
        assertTrue(e.getMessage().startsWith("Suite s.json, checks[1]: Unknown condition 'above'"), e.getMessage());
    }

    @Test
    void refusesAnUnknownCheckListingTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SuiteFile.parse("""
                {"checks": [{"check": "rows"}]}""", "s.json"));
        assertTrue(e.getMessage().contains("Unknown check 'rows'; expected one of [row_count"), e.getMessage());
    }

    @Test
    void refusesAConditionOnColumnDriftWhichDecidesByItsThreshold() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SuiteFile.parse("""
                {"checks": [{"check": "column_drift", "condition": {"lt": 0.1}}]}""", "s.json"));
        assertTrue(e.getMessage().contains("give \"threshold\""), e.getMessage());
    }

    @Test
    void refusesAnUnknownKeyAndANonNumericBound() {
        assertThrows(ConfigurationException.class, () -> SuiteFile.parse("""
                {"checks": [{"check": "row_count", "colums": ["a"]}]}""", "s.json"));
        assertThrows(ConfigurationException.class, () -> SuiteFile.parse("""
                {"checks": [{"check": "row_count", "condition": {"lt": "ten"}}]}""", "s.json"));
        assertThrows(ConfigurationException.class, () -> SuiteFile.parse("""
                {"checks": [{"check": "row_count", "severity": "info"}]}""", "s.json"));
    }

    @Test
    void theDataStabilityPresetPassesOnTheReferenceItselfAndFailsOnANewCategory() {
        CheckSuite preset = SuiteFile.preset("data-stability");
        Table reference = Table.of(NumericColumn.of("x", 1, 2, 3, 4), CategoricalColumn.of("c", "a", "b", "a", "b"));
        Table current = Table.of(NumericColumn.of("x", 1, 2, 3, 4), CategoricalColumn.of("c", "a", "b", "z", "b"));

        assertEquals(CheckStatus.PASS, preset.run(reference, reference).status());
        SuiteResult changed = preset.run(reference, current);
        assertEquals(CheckStatus.FAIL, changed.status());
        assertEquals(List.of("new_categories"), changed.results().stream()
                .filter(r -> r.status() != CheckStatus.PASS).map(CheckResult::check).toList());
    }

    @Test
    void anUnknownPresetListsTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SuiteFile.preset("stable"));
        assertTrue(e.getMessage().contains("[data-stability]"), e.getMessage());
    }

    @Test
    void theJsonReportPutsTheVerdictFirstAndEveryResultAfter() {
        Table t = Table.of(NumericColumn.of("x", 1, 2));
        String json = new CheckSuite("s", List.of(Check.of(CheckKind.ROW_COUNT).when(Condition.gt(5)).warnOnly()))
                .run(t, t).toJson();
        assertTrue(json.indexOf("\"status\" : \"warn\"") < json.indexOf("\"tests\""), json);
        assertTrue(json.contains("\"condition\" : \"> 5\""), json);
        assertTrue(json.contains("\"reference_value\" : 2.0"), json);
    }

    @Test
    void theHtmlReportEscapesUserText() {
        Table t = Table.of(NumericColumn.of("<b>", 1, 2));
        String html = new CheckSuite("a & b", List.of(Check.of(CheckKind.MISSING_SHARE))).run(t, t).toHtml();
        assertTrue(html.contains("<title>a &amp; b — check suite</title>"), html);
        assertTrue(html.contains("&lt;b&gt;"), html);
        assertFalse(html.contains("<b>"), html);
    }
}
