package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.examples.cli.MlopsCommandTest.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.examples.cli.MlopsCommandTest.Result;
import org.mlops4j.examples.leadscoring.LeadGenerator;

/** {@code mlops drift}: column types, forced tests on integer-valued columns. */
class DriftCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** Writes a one-column CSV holding each of the values 1 ... 6 as often as {@code counts} says. */
    private Path oneToSix(String name, int... counts) throws Exception {
        StringBuilder text = new StringBuilder("x\n");
        for (int value = 1; value <= counts.length; value++) {
            text.append((value + "\n").repeat(counts[value - 1]));
        }
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void aForcedNumericTestComputesOnAColumnOfTheValuesOneToSix() throws Exception {
        Path reference = oneToSix("reference.csv", 4, 4, 1, 1, 5, 4);
        Path current = oneToSix("current.csv", 1, 5, 3, 2, 5, 2);

        for (String test : new String[] {"mannw", "es", "ks"}) {
            Result result = mlops("drift", "--reference", reference, "--current", current, "--stattest", test);
            assertEquals(ExitCodes.OK, result.code(), result.err());
            JsonNode column = JSON.readTree(result.out()).get("columns").get(0);
            assertEquals("num", column.get("column_type").asText());
            assertEquals(test, column.get("stattest").asText());
            if (test.equals("mannw")) {
                assertEquals(0.48143, column.get("score").asDouble(), 5e-6); // Evidently's (scipy's) p-value
            }
        }
    }

    @Test
    void columnTypeSetsHowAColumnIsTreated() throws Exception {
        Path reference = oneToSix("reference.csv", 4, 4, 1, 1, 5, 4);
        Path current = oneToSix("current.csv", 1, 5, 3, 2, 5, 2);

        JsonNode asNumbers = JSON.readTree(mlops("drift", "--reference", reference, "--current", current).out())
                .get("columns").get(0);
        Result asCategories = mlops("drift", "--reference", reference, "--current", current, "--column-type", "x=cat");

        assertEquals("ks", asNumbers.get("stattest").asText());
        assertEquals(ExitCodes.OK, asCategories.code(), asCategories.err());
        JsonNode column = JSON.readTree(asCategories.out()).get("columns").get(0);
        assertEquals("cat", column.get("column_type").asText());
        assertEquals("chisquare", column.get("stattest").asText());
    }

    @Test
    void rejectsAnUnknownColumnTypeOrColumn() throws Exception {
        Path reference = oneToSix("reference.csv", 4, 4, 1, 1, 5, 4);

        Result badType = mlops("drift", "--reference", reference, "--current", reference, "--column-type", "x=int");
        Result badColumn = mlops("drift", "--reference", reference, "--current", reference, "--column-type", "y=cat");

        assertEquals(ExitCodes.BAD_INPUT, badType.code());
        assertTrue(badType.err().contains("--column-type") && badType.err().contains("expected num or cat"),
                badType.err());
        assertEquals(ExitCodes.BAD_INPUT, badColumn.code());
        assertTrue(badColumn.err().contains("no column 'y'"), badColumn.err());
    }

    @Test
    void testsTheGeneratorsRawDataWithDefaultOptionsListingTheColumnsItCannotTest() throws Exception {
        Path reference = folder.resolve("reference.csv");
        Path current = folder.resolve("current.csv");
        LeadGenerator.builder().seed(1).rows(2000).build().write(reference);
        LeadGenerator.builder().seed(2).rows(1500).build().write(current);

        Path html = folder.resolve("drift.html");
        Result result = mlops("drift", "--reference", reference, "--current", current, "--html", html);

        assertEquals(ExitCodes.OK, result.code(), result.err());
        String page = Files.readString(html);
        assertTrue(page.contains("Policy decision: ") && page.contains("Columns not tested")
                && page.contains("career_coach"), "the page shows the default policy's decision and the untested "
                + "columns");
        JsonNode report = JSON.readTree(result.out());
        JsonNode untested = report.get("untested_columns");
        boolean careerCoach = false;
        for (JsonNode u : untested) {
            careerCoach |= u.get("column").asText().equals("career_coach")
                    && u.get("reason").asText().startsWith("empty: no values in both windows");
        }
        assertTrue(careerCoach, untested.toString());
        assertTrue(report.get("number_of_columns").asInt() >= 5, result.out());
    }

    @Test
    void saysPerColumnHowManyValuesWereReadAsMissingAndReportsProgressUnlessQuiet() throws Exception {
        Path reference = Files.writeString(folder.resolve("reference.csv"),
                "damage,x\n" + "None,1\nminor,2\nNone,3\n,4\nmajor,5\n".repeat(20));
        Path current = Files.writeString(folder.resolve("current.csv"),
                "damage,x\n" + "minor,1\nNone,2\nmajor,3\n".repeat(20));

        Result result = mlops("drift", "--reference", reference, "--current", current);
        Result kept = mlops("drift", "--reference", reference, "--current", current, "--keep-default-na=false",
                "--quiet");

        assertTrue(result.code() == ExitCodes.OK || result.code() == ExitCodes.CHECKS_FAILED, result.err());
        assertTrue(result.err().contains("reference: column 'damage': 60 values read as missing {None=40, =20}"),
                result.err());
        assertTrue(result.err().contains("current: column 'damage': 20 values read as missing {None=20}"),
                result.err());
        assertTrue(result.err().contains("drift: test the columns"), result.err());
        assertEquals(40, JSON.readTree(result.out()).get("columns").get(0).get("reference_size").asInt());
        assertFalse(kept.err().contains("read as missing"), kept.err());
        assertFalse(kept.err().contains("drift:"), kept.err());
        assertEquals(100, JSON.readTree(kept.out()).get("columns").get(0).get("reference_size").asInt());
    }
}
