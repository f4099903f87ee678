package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.models.XhtmlPages.SVG;
import static org.mlops4j.models.XhtmlPages.XHTML;
import static org.mlops4j.models.XhtmlPages.elements;
import static org.mlops4j.models.XhtmlPages.parse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The leaderboard page: well-formed, every candidate in the table, the best values highlighted, charts per fold. */
class LeaderboardHtmlTest {

    @Test
    void tableHighlightsTheBestOfEachColumnAndChartsShowEveryFold() throws Exception {
        ModelingSetup setup = ModelingSetup.builder(TestTables.leads(500, 4), "converted").folds(3).seed(2).build();
        Leaderboard board = setup.compareModels(CompareOptions.defaults().include("lr", "dt", "svm", "dummy"));
        String html = board.toHtml();
        Document page = parse(html);
        assertEquals(0, page.getElementsByTagNameNS(XHTML, "script").getLength());
        List<Element> rows = elements(page.getElementsByTagNameNS(XHTML, "tr"));
        assertEquals(1 + board.entries().size(), rows.size(), "a header and one row per candidate");
        List<Element> highlighted = elements(page.getElementsByTagNameNS(XHTML, "td")).stream()
                .filter(td -> td.getAttribute("style").contains("font-weight")).toList();
        assertFalse(highlighted.isEmpty());
        String bestAuc = String.format(java.util.Locale.ROOT, "%.4f ± %.4f",
                board.best().orElseThrow().metric(EvaluationMetric.AUC).mean(), board.best().orElseThrow().metric(EvaluationMetric.AUC).std());
        assertTrue(highlighted.stream().anyMatch(td -> td.getTextContent().equals(bestAuc)), bestAuc);
        assertEquals(2, page.getElementsByTagNameNS(SVG, "svg").getLength(), "the AUC chart and the time chart");
        long aucCandidates = board.entries().stream().filter(e -> e.metric(EvaluationMetric.AUC).available()).count();
        assertEquals(aucCandidates * 3, page.getElementsByTagNameNS(SVG, "circle").getLength(),
                "one dot per fold for each candidate with an AUC");
        assertTrue(html.contains("n/a"), "svm and dummy have no AUC");
    }

    @Test
    void aFailedOrUnfinishedCandidateStaysInTheTableWithItsStatus() throws Exception {
        ModelingSetup setup = ModelingSetup.builder(TestTables.leads(500, 4), "converted").folds(3).seed(2).build();
        Leaderboard board = setup.compareModels(CompareOptions.defaults().include("dummy", "rf", "et")
                .timeBudget(java.time.Duration.ofMillis(1)));
        Document page = parse(board.toHtml());
        String text = page.getDocumentElement().getTextContent();
        assertEquals(1 + board.entries().size(), page.getElementsByTagNameNS(XHTML, "tr").getLength());
        for (LeaderboardEntry e : board.notFinished()) {
            assertTrue(text.contains(e.candidateId()), e.candidateId());
        }
        assertTrue(board.notFinished().isEmpty() || text.contains("not finished"), text);
    }
}
