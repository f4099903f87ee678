package org.mlops4j.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunFilterTest {

    @Test
    void parsesEveryEntityAndOperator() {
        RunFilter filter = RunFilter.parse("metrics.auc > 0.8 and params.model = 'lr' AND tags.team LIKE '%y%' "
                + "And attributes.status = 'FINISHED' and param.`my key` ILIKE \"A%\" and tag.\"x.y\" IS NOT NULL "
                + "and run_id IN ('a', 'b') and parameters.p NOT IN ('c') and metric.loss <= -1.5e-3 "
                + "and created >= 10 and `attribute`.end_time != 3 and params.q is null");
        assertEquals(12, filter.terms().size());
        assertEquals(new FilterTerm(new SearchKey(EntityType.METRIC, "auc"), Operator.GT,
                new FilterValue.Number(0.8)), filter.terms().get(0));
        assertEquals(new SearchKey(EntityType.PARAM, "my key"), filter.terms().get(4).key());
        assertEquals(new SearchKey(EntityType.TAG, "x.y"), filter.terms().get(5).key());
        assertEquals(new FilterValue.TextList(List.of("a", "b")), filter.terms().get(6).value());
        assertEquals(Operator.NOT_IN, filter.terms().get(7).operator());
        assertEquals(new FilterValue.Number(-1.5e-3), filter.terms().get(8).value());
        assertEquals(new SearchKey(EntityType.ATTRIBUTE, "start_time"), filter.terms().get(9).key());
        assertEquals(new SearchKey(EntityType.ATTRIBUTE, "end_time"), filter.terms().get(10).key());
        assertEquals(Operator.IS_NULL, filter.terms().get(11).operator());
    }

    @Test
    void blankFiltersMatchEverything() {
        assertEquals(RunFilter.ALL, RunFilter.parse(null));
        assertEquals(RunFilter.ALL, RunFilter.parse("   "));
    }

    @Test
    void quotesInsideTextsAreDoubled() {
        FilterTerm term = RunFilter.parse("params.note = 'it''s'").terms().get(0);
        assertEquals(new FilterValue.Text("it's"), term.value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "metrics.auc > 'high'|14|expected a number",
        "params.model = lr|15|texts must be quoted",
        "params.model > 'a'|13|cannot be used with param",
        "metrics.auc LIKE '%'|12|cannot be used with metric",
        "metricz.auc > 1|0|unknown entity 'metricz'",
        "auc > 1|0|unknown attribute 'auc'",
        "metrics.auc > 1 or metrics.auc < 0|16|OR is not supported",
        "metrics.auc > 1 and|19|expected a comparison after AND",
        "metrics.auc|11|expected a comparison operator",
        "metrics.auc ~ 1|12|expected a comparison operator",
        "params.a = 'open|11|not closed",
        "params.a IN 'x'|12|expected '('",
        "params.a IN ('x' 'y')|17|expected ',' or ')'",
        "tags.t IS 3|10|expected NULL or NOT NULL",
        "status IS NULL|7|cannot be used with attribute",
        "metrics. > 1|8|expected a key",
        "metrics.auc > 1x|14|expected a number",
    })
    void rejectsBadFiltersPointingAtThePosition(String filter, int position, String problem) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> RunFilter.parse(filter));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().endsWith(" ".repeat(position + 2) + "^"), e.getMessage());
    }

    @Test
    void parsesOrderClauses() {
        assertEquals(new OrderClause(new SearchKey(EntityType.METRIC, "auc"), false),
                OrderClause.parse("metrics.auc DESC"));
        assertEquals(new OrderClause(new SearchKey(EntityType.PARAM, "a b"), true), OrderClause.parse("params.`a b`"));
        assertEquals(new OrderClause(new SearchKey(EntityType.ATTRIBUTE, "start_time"), true),
                OrderClause.parse("attributes.start_time asc"));
        assertThrows(FilterSyntaxException.class, () -> OrderClause.parse("metrics.auc DECS"));
        assertThrows(FilterSyntaxException.class, () -> OrderClause.parse("metrics.auc DESC x"));
    }

    @Test
    void matchesLikeAndIlikeOverTheWholeValue() {
        Run run = run(Map.of(), Map.of("model", "LogReg_v2"));
        assertTrue(RunFilter.parse("params.model LIKE 'Log%'").matches(run));
        assertFalse(RunFilter.parse("params.model LIKE 'log%'").matches(run));
        assertTrue(RunFilter.parse("params.model ILIKE 'log%'").matches(run));
        assertTrue(RunFilter.parse("params.model LIKE 'LogReg_v_'").matches(run));
        assertFalse(RunFilter.parse("params.model LIKE 'LogReg'").matches(run));
        assertFalse(RunFilter.parse("params.model LIKE '%Reg.v2'").matches(run));
        assertTrue(RunFilter.parse("params.model LIKE '%(v2)%'").matches(run(Map.of(), Map.of("model", "a(v2)b"))));
    }

    @Test
    void missingValuesNeverMatchButNanIsUnequal() {
        Run nan = run(Map.of("m", Double.NaN), Map.of());
        Run missing = run(Map.of(), Map.of());
        for (String filter : List.of("metrics.m > 0", "metrics.m < 0", "metrics.m = 0", "metrics.m >= 0")) {
            assertFalse(RunFilter.parse(filter).matches(nan), filter);
        }
        assertTrue(RunFilter.parse("metrics.m != 0").matches(nan));
        assertFalse(RunFilter.parse("metrics.m != 0").matches(missing));
        assertFalse(RunFilter.parse("params.p != 'x'").matches(missing));
        assertFalse(RunFilter.parse("params.p NOT IN ('x')").matches(missing));
        assertTrue(RunFilter.parse("params.p IS NULL").matches(missing));
        assertTrue(RunFilter.parse("metrics.m > 1e308").matches(run(Map.of("m", Double.POSITIVE_INFINITY),
                Map.of())));
    }

    private static Run run(Map<String, Double> metrics, Map<String, String> params) {
        RunInfo info = new RunInfo("r1", "0", "name", "u", RunStatus.RUNNING, 1, OptionalLong.empty(), "file:/x",
                LifecycleStage.ACTIVE);
        Map<String, Metric> latest = new java.util.HashMap<>();
        metrics.forEach((k, v) -> latest.put(k, new Metric(k, v, 1, 0)));
        return new Run(info, new RunData(latest, params, Map.of()));
    }
}
