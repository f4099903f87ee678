package org.mlops4j.drift.suite;

import java.util.Map;
import org.mlops4j.core.spi.support.html.Html;

/**
 * Renders a {@link SuiteResult} as one plain HTML page (no scripts, no external resources): the verdict and counts on
 * top, then one row per result with its status, value, condition and message. Every piece of user text is escaped.
 */
final class SuiteResultHtml {

    private SuiteResultHtml() {
    }

    static String write(SuiteResult result) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(result.suite())).append(" — check suite</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(".pass{color:#2e7d32}.warn{color:#a15c00}.fail,.error{color:#b00020}")
                .append(".status{font-weight:bold;text-transform:uppercase}</style></head><body>\n");
        out.append("<h1>").append(Html.escape(result.suite())).append("</h1>\n<p class=\"status ")
                .append(result.status().key()).append("\">").append(result.status().key()).append("</p>\n<p>");
        Map<CheckStatus, Integer> counts = result.counts();
        out.append(result.results().size()).append(" checks: ");
        for (CheckStatus status : CheckStatus.values()) {
            out.append("<span class=\"").append(status.key()).append("\">").append(counts.get(status)).append(' ')
                    .append(status.key()).append("</span>").append(status == CheckStatus.ERROR ? "" : ", ");
        }
        out.append("</p>\n<table><thead><tr><th>Status</th><th>Check</th><th>Column</th><th>Value</th>")
                .append("<th>Reference</th><th>Condition</th><th>Details</th></tr></thead><tbody>\n");
        for (CheckResult r : result.results()) {
            out.append("<tr><td class=\"status ").append(r.status().key()).append("\">").append(r.status().key())
                    .append("</td><td>").append(Html.escape(r.check())).append("</td><td>")
                    .append(Html.escape(r.column().orElse("(all)"))).append("</td><td>").append(number(r.value()))
                    .append("</td><td>").append(number(r.referenceValue())).append("</td><td>")
                    .append(Html.escape(r.condition())).append("</td><td>").append(Html.escape(r.message()))
                    .append("</td></tr>\n");
        }
        return out.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Condition.format(value) : "";
    }
}
