package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlops check} as its own process: the exit code is the gate a pipeline or CI job reads. */
class CheckCommandIT {

    @TempDir
    static Path folder;

    private static MlopsJar jar;
    private static Path reference;
    private static Path current;

    @BeforeAll
    static void writeTwoWindows() throws IOException {
        jar = MlopsJar.built(folder);
        reference = Files.writeString(folder.resolve("reference.csv"), "x,city\n1,oslo\n2,lyon\n3,oslo\n4,lyon\n");
        current = Files.writeString(folder.resolve("current.csv"), "x,city\n1,oslo\n2,lyon\n3,graz\n4,lyon\n");
    }

    private static Path suite(String severity) throws IOException {
        return Files.writeString(folder.resolve(severity + ".json"), """
                {"name": "gate", "checks": [
                  {"check": "row_count", "condition": {"eq": 4}},
                  {"check": "new_categories", "columns": ["city"], "severity": "%s"}
                ]}""".formatted(severity));
    }

    @Test
    void exitsZeroWhenEveryCheckPasses() throws Exception {
        MlopsJar.Outcome outcome = jar.run("check", "--suite", suite("fail").toString(), "--reference",
                reference.toString(), "--current", reference.toString());

        assertEquals(0, outcome.code(), outcome.err());
        assertEquals("gate: pass: 2 checks, 2 pass, 0 warn, 0 fail, 0 error", outcome.out().strip());
    }

    @Test
    void exitsOneWhenACheckFails() throws Exception {
        MlopsJar.Outcome outcome = jar.run("check", "--suite", suite("fail").toString(), "--reference",
                reference.toString(), "--current", current.toString());

        assertEquals(1, outcome.code(), outcome.err());
        assertTrue(outcome.out().contains("FAIL  new_categories [city]: 1 current categories are not in the "
                + "reference: [graz] (expected = 0)"), outcome.out());
    }

    @Test
    void aWarningPassesUnlessFailOnWarn() throws Exception {
        String warn = suite("warn").toString();

        assertEquals(0, jar.run("check", "--suite", warn, "--reference", reference.toString(), "--current",
                current.toString()).code());
        assertEquals(1, jar.run("check", "--suite", warn, "--reference", reference.toString(), "--current",
                current.toString(), "--fail-on", "warn").code());
    }

    @Test
    void exitsTwoOnABadSuiteFileNamingIt() throws Exception {
        Path bad = Files.writeString(folder.resolve("bad.json"), """
                {"checks": [{"check": "row_count", "condition": {"lt": "ten"}}]}""");

        MlopsJar.Outcome outcome = jar.run("check", "--suite", bad.toString(), "--reference", reference.toString(),
                "--current", current.toString());

        assertEquals(2, outcome.code(), outcome.err());
        assertTrue(outcome.err().startsWith("mlops check: Suite " + bad + ", checks[0]: Condition 'lt' needs a "
                + "number"), outcome.err());
    }
}
