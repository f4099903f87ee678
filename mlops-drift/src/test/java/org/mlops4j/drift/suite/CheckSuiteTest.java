package org.mlops4j.drift.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/** Each check on windows crafted so that its value is known, at and past its condition. */
class CheckSuiteTest {

    private static Table numbers(String name, Double... values) {
        return Table.of(NumericColumn.ofNullable(name, values));
    }

    private static CheckResult only(Check check, Table reference, Table current) {
        List<CheckResult> results = new CheckSuite("t", List.of(check)).run(reference, current).results();
        assertEquals(1, results.size(), results.toString());
        return results.get(0);
    }

    @Test
    void rowCountPassesInsideItsRangeAndFailsOutside() {
        Table ten = numbers("x", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        Check atMostTen = Check.of(CheckKind.ROW_COUNT).when(Condition.lte(10));
        assertEquals(CheckStatus.PASS, only(atMostTen, ten, ten).status());
        assertEquals(CheckStatus.FAIL, only(Check.of(CheckKind.ROW_COUNT).when(Condition.lt(10)), ten, ten).status());
        assertEquals(10, only(atMostTen, ten, ten).value());
    }

    @Test
    void rowCountByDefaultAcceptsTenPercentAroundTheReference() {
        Table ten = numbers("x", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        Table nine = ten.head(9);
        Table eight = ten.head(8);
        assertEquals(CheckStatus.PASS, only(Check.of(CheckKind.ROW_COUNT), ten, nine).status());
        CheckResult result = only(Check.of(CheckKind.ROW_COUNT), ten, eight);
        assertEquals(CheckStatus.FAIL, result.status());
        assertEquals("≥ 9 and ≤ 11", result.condition());
    }

    @Test
    void aCheckThatIsNotCriticalWarnsInsteadOfFailing() {
        Table ten = numbers("x", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        CheckResult result = only(Check.of(CheckKind.ROW_COUNT).when(Condition.gt(10)).warnOnly(), ten, ten);
        assertEquals(CheckStatus.WARN, result.status());
    }

    @Test
    void missingShareCountsNullsPerColumn() {
        Table reference = numbers("x", 1.0, 2.0, 3.0, 4.0);
        Table current = numbers("x", 1.0, null, 3.0, 4.0);
        CheckResult quarter = only(Check.of(CheckKind.MISSING_SHARE).when(Condition.lte(0.25)), reference, current);
        assertEquals(0.25, quarter.value());
        assertEquals(CheckStatus.PASS, quarter.status());
        assertEquals(CheckStatus.FAIL,
                only(Check.of(CheckKind.MISSING_SHARE).when(Condition.lt(0.25)), reference, current).status());
        assertEquals(CheckStatus.FAIL, only(Check.of(CheckKind.MISSING_SHARE), reference, current).status(),
                "by default no more missing values than the reference's (none) allow");
    }

    @Test
    void aColumnMissingFromTheCurrentWindowIsAnErrorNamingIt() {
        Table reference = numbers("x", 1.0, 2.0);
        Table current = numbers("y", 1.0, 2.0);
        CheckResult result = only(Check.of(CheckKind.MISSING_SHARE), reference, current);
        assertEquals(CheckStatus.ERROR, result.status());
        assertEquals(Optional.of("x"), result.column());
        assertTrue(result.message().contains("current window has no column 'x'"), result.message());
    }

    @Test
    void newCategoriesCountsDistinctValuesTheReferenceLacks() {
        Table reference = Table.of(CategoricalColumn.of("city", "oslo", "lyon", "oslo"));
        Table current = Table.of(CategoricalColumn.of("city", "oslo", "graz", "graz", "porto"));
        CheckResult result = only(Check.of(CheckKind.NEW_CATEGORIES), reference, current);
        assertEquals(2, result.value());
        assertEquals(CheckStatus.FAIL, result.status());
        assertTrue(result.message().contains("[graz, porto]"), result.message());
        assertEquals(CheckStatus.PASS, only(Check.of(CheckKind.NEW_CATEGORIES).when(Condition.lte(2)), reference,
                current).status());
        assertEquals(CheckStatus.PASS, only(Check.of(CheckKind.NEW_CATEGORIES), reference, reference).status());
    }

    @Test
    void outOfRangeShareCountsValuesOutsideTheReferencesMinAndMax() {
        Table reference = numbers("x", 0.0, 5.0, 10.0);
        Table current = numbers("x", 0.0, 10.0, Math.nextUp(10.0), -1.0, null);
        CheckResult result = only(Check.of(CheckKind.OUT_OF_RANGE_SHARE), reference, current);
        assertEquals(0.5, result.value(), "2 of 4 values, the null left out; the bounds themselves are in range");
        assertEquals(CheckStatus.FAIL, result.status());
        assertEquals(CheckStatus.PASS, only(Check.of(CheckKind.OUT_OF_RANGE_SHARE).when(Condition.lte(0.5)),
                reference, current).status());
    }

    @Test
    void aReferenceWithoutValuesHasAnEmptyRangeThatEveryCurrentValueIsOutsideOf() {
        Table empty = numbers("x", null, null);
        CheckResult filled = only(Check.of(CheckKind.OUT_OF_RANGE_SHARE), empty, numbers("x", 1.0, null));
        assertEquals(1.0, filled.value());
        assertEquals(CheckStatus.FAIL, filled.status());
        assertEquals(CheckStatus.PASS, only(Check.of(CheckKind.OUT_OF_RANGE_SHARE), empty, empty).status());
    }

    @Test
    void columnTypesCountsColumnsMissingOrOfAnotherType() {
        Table reference = Table.of(NumericColumn.of("a", 1, 2), CategoricalColumn.of("b", "x", "y"),
                NumericColumn.of("c", 1, 2));
        Table current = Table.of(CategoricalColumn.of("a", "1", "2"), CategoricalColumn.of("b", "x", "y"));
        CheckResult result = only(Check.of(CheckKind.COLUMN_TYPES), reference, current);
        assertEquals(2, result.value());
        assertEquals(CheckStatus.FAIL, result.status());
        assertTrue(result.message().contains("a (numeric → categorical)"), result.message());
        assertTrue(result.message().contains("c (numeric → missing)"), result.message());
        assertEquals(CheckStatus.PASS, only(Check.of(CheckKind.COLUMN_TYPES), reference, reference).status());
    }

    @Test
    void columnDriftFailsADriftedColumnAndPassesAnUnchangedOne() {
        SplittableRandom random = new SplittableRandom(3);
        double[] base = random.doubles(500).toArray();
        double[] same = random.doubles(500).toArray();
        double[] shifted = random.doubles(500).map(v -> v + 0.5).toArray();
        Table reference = Table.of(NumericColumn.of("a", base), NumericColumn.of("b", base));
        Table current = Table.of(NumericColumn.of("a", same), NumericColumn.of("b", shifted));
        List<CheckResult> results = new CheckSuite("t", List.of(Check.of(CheckKind.COLUMN_DRIFT)
                .option("stattest", "ks"))).run(reference, current).results();
        assertEquals(CheckStatus.PASS, results.get(0).status(), results.get(0).message());
        assertEquals(CheckStatus.FAIL, results.get(1).status(), results.get(1).message());
        assertTrue(results.get(1).condition().contains("ks score"), results.get(1).condition());
    }

    @Test
    void driftedShareIsTheShareOfDriftedColumns() {
        SplittableRandom random = new SplittableRandom(5);
        double[] base = random.doubles(500).toArray();
        double[] shifted = random.doubles(500).map(v -> v + 0.5).toArray();
        Table reference = Table.of(NumericColumn.of("a", base), NumericColumn.of("b", base));
        Table current = Table.of(NumericColumn.of("a", base), NumericColumn.of("b", shifted));
        CheckResult half = only(Check.of(CheckKind.DRIFTED_SHARE).option("stattest", "ks"), reference, current);
        assertEquals(0.5, half.value());
        assertEquals(CheckStatus.FAIL, half.status(), "by default at most a third");
        assertEquals(CheckStatus.PASS, only(Check.of(CheckKind.DRIFTED_SHARE).option("stattest", "ks")
                .when(Condition.lte(0.5)), reference, current).status());
    }

    @Test
    void driftedShareByDefaultAcceptsOneColumnInThreeAndNoMore() {
        SplittableRandom random = new SplittableRandom(5);
        double[] base = random.doubles(500).toArray();
        double[] shifted = random.doubles(500).map(v -> v + 0.5).toArray();
        Table reference = Table.of(NumericColumn.of("a", base), NumericColumn.of("b", base),
                NumericColumn.of("c", base));
        Table oneOfThree = Table.of(NumericColumn.of("a", base), NumericColumn.of("b", base),
                NumericColumn.of("c", shifted));
        Table twoOfThree = Table.of(NumericColumn.of("a", base), NumericColumn.of("b", shifted),
                NumericColumn.of("c", shifted));
        Check share = Check.of(CheckKind.DRIFTED_SHARE).option("stattest", "ks");
        assertEquals(CheckStatus.PASS, only(share, reference, oneOfThree).status());
        assertEquals(CheckStatus.FAIL, only(share, reference, twoOfThree).status());
    }

    @Test
    void modelQualityUsesTheGivenMetricsOnTheCurrentWindowAndByDefaultComparesWithTheReference() {
        QualityMetrics accuracy = (metric, actual, predicted) -> {
            int right = 0;
            for (int i = 0; i < actual.size(); i++) {
                right += actual.format(i).equals(predicted.format(i)) ? 1 : 0;
            }
            return (double) right / actual.size();
        };
        Table reference = labelled(new String[] {"1", "0", "1", "0"}, new String[] {"1", "0", "1", "0"});
        Table worse = labelled(new String[] {"1", "0", "1", "0"}, new String[] {"1", "0", "0", "1"});
        Table slightlyWorse = labelled(new String[] {"1", "0", "1", "0", "1"},
                new String[] {"1", "0", "1", "0", "0"});
        Check quality = Check.of(CheckKind.MODEL_QUALITY).option("target", "label");
        SuiteResult failed = new CheckSuite("q", List.of(quality)).run(reference, worse, accuracy);
        assertEquals(0.5, failed.results().get(0).value());
        assertEquals(1.0, failed.results().get(0).referenceValue());
        assertEquals(CheckStatus.FAIL, failed.status());
        assertEquals(CheckStatus.PASS, new CheckSuite("q", List.of(quality)).run(reference, slightlyWorse, accuracy)
                .status(), "0.8 is at the default's lower bound, 0.8 × 1.0");
        assertEquals(CheckStatus.ERROR, new CheckSuite("q", List.of(quality)).run(reference, worse).status(),
                "without metrics from mlops-models");
    }

    private static Table labelled(String[] labels, String[] predictions) {
        Column label = CategoricalColumn.of("label", labels);
        Column prediction = CategoricalColumn.of("prediction", predictions);
        return Table.of(label, prediction);
    }

    @Test
    void theSuitesStatusIsItsWorstResultAndWarningsPassUnlessFailOnWarn() {
        Table ten = numbers("x", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        SuiteResult warned = new CheckSuite("s", List.of(Check.of(CheckKind.ROW_COUNT),
                Check.of(CheckKind.ROW_COUNT).when(Condition.gt(10)).warnOnly())).run(ten, ten);
        assertEquals(CheckStatus.WARN, warned.status());
        assertTrue(warned.passes(CheckStatus.FAIL));
        assertTrue(!warned.passes(CheckStatus.WARN));
        assertEquals("warn: 2 checks, 1 pass, 1 warn, 0 fail, 0 error", warned.summaryLine());
    }
}
