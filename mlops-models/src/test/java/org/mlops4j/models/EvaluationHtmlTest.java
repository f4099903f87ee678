package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.models.XhtmlPages.SVG;
import static org.mlops4j.models.XhtmlPages.XHTML;
import static org.mlops4j.models.XhtmlPages.elements;
import static org.mlops4j.models.XhtmlPages.parse;
import static org.mlops4j.models.XhtmlPages.texts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Table;
import org.w3c.dom.Document;

/** The evaluation page: well-formed, self-contained, with its charts, and with every label from the data escaped. */
class EvaluationHtmlTest {

    private static final String SCRIPT_LABEL = "<script>alert('yes')</script>";

    @Test
    void binaryPageIsWellFormedWithEveryChartAndNoScript() throws Exception {
        ModelingSetup setup = ModelingSetup.builder(TestTables.leads(500, 2), "converted").folds(2).seed(1).build();
        String html = setup.evaluation(setup.createModel("lr").model()).toHtml();
        Document page = parse(html);
        // ROC, precision-recall, calibration, score histograms, gains, feature importance
        assertEquals(6, page.getElementsByTagNameNS(SVG, "svg").getLength());
        assertEquals(0, page.getElementsByTagNameNS(XHTML, "script").getLength());
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/", "").contains("http://"),
                "no external resources");
        List<String> titles = texts(page.getElementsByTagNameNS(SVG, "text"));
        assertTrue(titles.contains("ROC curve"), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.matches("yes \\(AUC 0\\.\\d{4}\\)")), titles.toString());
        assertTrue(titles.contains("chance"), "the ROC diagonal is in the legend");
        assertTrue(titles.contains("Precision-recall curve"));
        assertTrue(titles.contains("Calibration curve"));
        assertTrue(titles.contains("Cumulative gains"));
        assertTrue(page.getElementsByTagNameNS(SVG, "polyline").getLength() >= 7, "curves and diagonals");
        assertTrue(texts(page.getElementsByTagNameNS(XHTML, "th")).contains("actual \\ predicted"));
        long colouredCells = elements(page.getElementsByTagNameNS(XHTML, "td")).stream()
                .filter(td -> td.getAttribute("style").startsWith("background:rgb(")).count();
        assertEquals(4, colouredCells, "the confusion matrix is a coloured 2 x 2 table");
    }

    @Test
    void labelsAndColumnNamesFromTheDataAreEscaped() throws Exception {
        Table leads = TestTables.leads(400, 6);
        CategoricalColumn target = leads.categorical("converted");
        CategoricalColumn.Builder hostile = CategoricalColumn.builder("converted", target.size());
        for (int i = 0; i < target.size(); i++) {
            hostile.add(target.getString(i).equals("yes") ? SCRIPT_LABEL : "no & \"maybe\"");
        }
        Table table = leads.withColumn(hostile.build()).rename("city", "city<b onclick='x'>");
        ModelingSetup setup = ModelingSetup.builder(table, "converted").folds(2).seed(1)
                .positiveLabel(SCRIPT_LABEL).build();
        String html = setup.evaluation(setup.createModel("lr").model()).toHtml("Evaluation of <i>lr</i>");
        assertFalse(html.contains("<script"), "the label must not become an element");
        assertFalse(html.contains("<b "));
        assertFalse(html.contains("<i>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;yes&#39;)&lt;/script&gt;"));
        Document page = parse(html);
        assertEquals(0, page.getElementsByTagNameNS(XHTML, "script").getLength());
        List<String> cells = texts(page.getElementsByTagNameNS(XHTML, "th"));
        assertTrue(cells.contains(SCRIPT_LABEL), "the parsed page shows the label as text: " + cells);
        assertTrue(cells.contains("no & \"maybe\""));
        assertTrue(texts(page.getElementsByTagNameNS(SVG, "text")).contains("city<b onclick='x'>"));
        assertEquals("Evaluation of <i>lr</i>", page.getElementsByTagNameNS(XHTML, "h1").item(0).getTextContent());
    }

    @Test
    void regressionPageHasTheScatterAndTheResidualHistogram() throws Exception {
        double[] actual = new double[3_000];
        double[] predicted = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = i % 100;
            predicted[i] = actual[i] + (i % 7) - 3;
        }
        ModelEvaluation evaluation = new ModelEvaluation("lr", TaskType.REGRESSION, "y", actual.length,
                RegressionMetrics.compute(actual, predicted), Optional.empty(),
                Optional.of(RegressionEvaluation.compute(actual, predicted)), List.of());
        Document page = parse(evaluation.toHtml());
        assertEquals(2, page.getElementsByTagNameNS(SVG, "svg").getLength());
        assertEquals(RegressionEvaluation.MAX_PLOT_POINTS, page.getElementsByTagNameNS(SVG, "circle").getLength());
        assertTrue(texts(page.getElementsByTagNameNS(SVG, "text")).contains("Residual distribution"));
        org.w3c.dom.Element histogram = (org.w3c.dom.Element) page.getElementsByTagNameNS(SVG, "svg").item(1);
        long bars = elements(histogram.getElementsByTagNameNS(SVG, "rect")).stream()
                .filter(r -> r.getAttribute("fill-opacity").equals("0.75")).count();
        assertEquals(RegressionEvaluation.HISTOGRAM_BINS, bars);
    }

    @Test
    void multiclassPageDrawsOneRocCurvePerClassAndAPageWithoutCurvesSaysWhy() throws Exception {
        int[] actual = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        int[] predicted = {0, 1, 2, 1, 1, 2, 0, 2, 2};
        double[][] p = new double[actual.length][];
        for (int i = 0; i < actual.length; i++) {
            p[i] = new double[] {0.2, 0.2, 0.2};
            p[i][predicted[i]] = 0.6;
        }
        ClassificationEvaluation c = ClassificationEvaluation.compute(List.of("x", "y", "z"), 0, actual, predicted, p);
        ModelEvaluation evaluation = new ModelEvaluation("lr", TaskType.CLASSIFICATION, "t", actual.length, Map.of(),
                Optional.of(c), Optional.empty(), List.of());
        Document page = parse(evaluation.toHtml());
        assertEquals(1, page.getElementsByTagNameNS(SVG, "svg").getLength());
        assertEquals(4, page.getElementsByTagNameNS(SVG, "polyline").getLength(), "three classes and the diagonal");

        ClassificationEvaluation noProbabilities = ClassificationEvaluation.compute(List.of("x", "y", "z"), 0, actual,
                predicted, new double[0][]);
        String html = new ModelEvaluation("svm", TaskType.CLASSIFICATION, "t", actual.length, Map.of(),
                Optional.of(noProbabilities), Optional.empty(), List.of()).toHtml();
        Document plain = parse(html);
        assertEquals(0, plain.getElementsByTagNameNS(SVG, "svg").getLength());
        assertTrue(html.contains("No curves"));
    }
}
