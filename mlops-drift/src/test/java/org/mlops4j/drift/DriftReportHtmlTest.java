package org.mlops4j.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.drift.policy.DriftMonitor;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The drift report's HTML page: well-formed, every category labelled, and the policy's decision on top. */
class DriftReportHtmlTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    /** 26 cities with decreasing frequencies, the current window tilted towards the rare ones. */
    private static String[] cities(int n, Random random, double tilt) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            int k = (int) Math.min(25, Math.floor(Math.abs(random.nextGaussian()) * (6 + tilt)));
            out[i] = "city <" + (char) ('a' + k) + ">";
        }
        return out;
    }

    private static Table table(Random random, int n, double shift, double tilt) {
        double[] income = new double[n];
        double[] children = new double[n];
        for (int i = 0; i < n; i++) {
            income[i] = 40_000 + 9_000 * random.nextGaussian() + shift;
            children[i] = i % (tilt > 0 ? 4 : 3);
        }
        return Table.of(NumericColumn.of("income", income), NumericColumn.of("children", children),
                CategoricalColumn.of("city", cities(n, random, tilt)), CategoricalColumn.of("empty", new String[n]));
    }

    @Test
    void labelsEveryCategoryUpToTwentyAndOtherWithBothSharesAndParses() throws Exception {
        Random random = new Random(3);
        Table reference = table(random, 2000, 0, 0);
        Table current = table(random, 1500, 4000, 3);
        DriftReport report = DataDrift.builder().build().run(reference, current);

        Document page = parse(report.toHtml());

        List<String> svgTexts = texts(page.getElementsByTagNameNS(SVG, "text"));
        ColumnDistribution city = report.column("city").orElseThrow().distribution();
        assertEquals(21, city.bins().size(), city.bins().toString());
        assertTrue(city.bins().get(20).startsWith("other ("), city.bins().toString());
        for (String label : city.bins()) {
            assertTrue(svgTexts.contains(label), () -> label + " in " + svgTexts);
        }
        for (String label : report.column("children").orElseThrow().distribution().bins()) {
            assertTrue(svgTexts.contains(label), () -> label + " in " + svgTexts);
        }
        List<String> tooltips = texts(page.getElementsByTagNameNS(SVG, "title"));
        long[] counts = city.referenceCounts();
        assertTrue(tooltips.stream().anyMatch(t -> t.startsWith(city.bins().get(0) + ": reference " + counts[0]
                + " of 2000 (")), tooltips.toString());
        assertTrue(tooltips.stream().anyMatch(t -> t.startsWith("reference median: ")), tooltips.toString());
        assertTrue(svgTexts.contains("40000") || svgTexts.stream().anyMatch(t -> t.matches("\\d{5}")),
                "income axis ticks: " + svgTexts);
        assertTrue(svgTexts.stream().anyMatch(t -> t.endsWith(" %")), "share axis ticks: " + svgTexts);
        List<String> cells = texts(page.getElementsByTagNameNS(XHTML, "td"));
        assertTrue(cells.contains("score <= 0.05") || cells.contains("score >= 0.1"), cells.toString());
        assertTrue(texts(page.getElementsByTagNameNS(XHTML, "li")).get(0).startsWith("empty: "),
                "the empty column is listed with its reason");
        assertTrue(page.getElementsByTagNameNS(XHTML, "script").getLength() == 0);
    }

    @Test
    void showsThePolicysDecisionOnTopSoThatThePageAgreesWithTheAction() throws Exception {
        Random random = new Random(4);
        Table reference = table(random, 2000, 0, 0);
        Table current = table(random, 1500, 500, 1);
        DriftReport report = DataDrift.builder().build().run(reference, current);
        PolicyDecision decision = DriftMonitor.builder().actions(ActionKind.RETRAIN, "log")
                .actions(ActionKind.ESCALATE, "log").build().decide(reference, current, report, Map.of());

        Document page = parse(report.toHtml(decision));

        String banner = page.getElementById("decision") != null ? page.getElementById("decision").getTextContent()
                : texts(page.getElementsByTagNameNS(XHTML, "div")).get(0);
        assertTrue(banner.startsWith("Policy decision: " + decision.action().key().toUpperCase()), banner);
        assertTrue(banner.contains("Deciding column " + decision.decidingColumn()), banner);
        assertTrue(banner.contains(decision.band().interval()), banner);
        String html = report.toHtml(decision);
        assertFalse(decision.action() != ActionKind.NONE && html.contains("No dataset drift"),
                "no green all-clear next to an action");
        List<String> headers = texts(page.getElementsByTagNameNS(XHTML, "th"));
        assertTrue(headers.contains("Moved mass (" + decision.unit() + ")"), headers.toString());
    }
}
