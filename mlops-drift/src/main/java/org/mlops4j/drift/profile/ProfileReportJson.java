package org.mlops4j.drift.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.spi.support.Json;

/**
 * Writes the JSON form of a {@link ProfileReport}: the records below, in this order, written by the shared
 * {@link Json} mapper (numbers that are not finite as {@code null}). Package-private.
 */
final class ProfileReportJson {

    private ProfileReportJson() {
    }

    static String write(ProfileReport report) {
        ReportOverview o = report.overview();
        Overview overview = new Overview(o.rows(), o.columns(), o.missingCells(), o.missingCellsFraction(),
                o.duplicateRows().map(d -> new Duplicates(d.duplicates(), d.lowerBound(), d.upperBound(),
                        d.fraction(), d.exact())).orElse(null), o.columnsByType());
        return Json.writePretty(new Document("mlops4j-profile-report", 1, report.title(),
                report.createdAt().toString(), overview,
                report.alerts().stream().map(a -> new AlertEntry(a.type().name(), a.columns(), a.value(),
                        a.message())).toList(),
                report.columns().stream().map(ProfileReportJson::column).toList(),
                report.correlations().stream().map(c -> new Pair(c.first(), c.second(), c.pearson(), c.pairs()))
                        .toList())) + "\n";
    }

    private static Column column(ColumnSummary c) {
        DistinctCount d = c.distinct();
        return new Column(c.name(), c.type().key(), c.count(), c.missing(), c.missingFraction(),
                new Distinct(d.estimate(), d.lowerBound(), d.upperBound(), d.exact()),
                c.numeric().map(n -> new Statistics(n.min(), n.max(), n.mean(), n.standardDeviation(), n.variance(),
                        n.skewness(), n.kurtosis(), n.sum(), n.zeros(), n.negatives(), n.infinite(), n.range(),
                        n.interquartileRange(), n.coefficientOfVariation(), n.quantiles(), n.quantilesExact(),
                        n.rankError())).orElse(null),
                c.topValues().stream().map(v -> new Top(v.value(), v.count(), v.lowerBound(), v.upperBound()))
                        .toList(),
                c.histogram().stream().map(b -> new Bin(b.lower(), b.upper(), b.count())).toList());
    }

    private record Document(String format, int version, String title, String createdAt, Overview overview,
                            List<AlertEntry> alerts, List<Column> columns, List<Pair> correlations) {
    }

    private record Overview(long rows, int columns, long missingCells, double missingCellsFraction,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Duplicates duplicateRows,
                            Map<String, Integer> columnsByType) {
    }

    private record Duplicates(double count, double lowerBound, double upperBound, double fraction, boolean exact) {
    }

    private record AlertEntry(String type, List<String> columns, double value, String message) {
    }

    private record Column(String name, String type, long count, long missing, double missingFraction,
                          Distinct distinct, @JsonInclude(JsonInclude.Include.NON_NULL) Statistics statistics,
                          List<Top> topValues, List<Bin> histogram) {
    }

    private record Distinct(double estimate, double lowerBound, double upperBound, boolean exact) {
    }

    private record Top(String value, long count, long lowerBound, long upperBound) {
    }

    private record Bin(double lower, double upper, double count) {
    }

    private record Pair(String first, String second, double pearson, long pairs) {
    }

    private record Statistics(double min, double max, double mean, double std, double variance, double skewness,
                              double kurtosis, double sum, long zeros, long negatives, long infinite, double range,
                              double iqr, double cv, Map<String, Double> quantiles, boolean quantilesExact,
                              double rankError) {
    }
}
