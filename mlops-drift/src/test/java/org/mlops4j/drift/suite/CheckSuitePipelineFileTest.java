package org.mlops4j.drift.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.StepState;
import org.mlops4j.core.pipeline.file.PipelineFile;
import org.mlops4j.core.runtime.Mlops;

/** The {@code check-suite} step type, found by discovery, in a pipeline declared in JSON. */
class CheckSuitePipelineFileTest {

    @TempDir
    Path folder;

    private PipelineRun run(String currentCsv) throws Exception {
        Path reference = Files.writeString(folder.resolve("reference.csv"), "x,city\n1,oslo\n2,lyon\n");
        Path current = Files.writeString(folder.resolve("current.csv"), currentCsv);
        Path report = folder.resolve("gate.html");
        Path file = Files.writeString(folder.resolve("gated.json"), """
                {"name": "gated", "steps": [
                  {"name": "reference", "type": "csv-table", "params": {"file": "%s", "output": "ref"},
                   "outputs": ["ref"]},
                  {"name": "batch", "type": "csv-table", "params": {"file": "%s", "output": "cur"},
                   "outputs": ["cur"]},
                  {"name": "gate", "type": "check-suite", "inputs": ["ref", "cur"],
                   "params": {"preset": "data-stability", "reference": "ref", "current": "cur", "html": "%s"}},
                  {"name": "score", "type": "csv-table", "after": ["gate"],
                   "params": {"file": "%s", "output": "scored"}, "outputs": ["scored"]}
                ]}""".formatted(json(reference), json(current), json(report), json(current)));
        Pipeline pipeline = PipelineFile.read(file, Mlops.create());
        try (PipelineRunner runner = PipelineRunner.builder().build()) {
            return runner.run(pipeline);
        }
    }

    private static String json(Path path) {
        return path.toString().replace("\\", "\\\\");
    }

    @Test
    void aBatchWithANewCategoryStopsTheScoringStep() throws Exception {
        PipelineRun run = run("x,city\n1,oslo\n2,graz\n");

        assertEquals(PipelineState.FAILED, run.state());
        assertEquals(StepState.FAILED, run.stateOf("gate"));
        assertEquals(StepState.UPSTREAM_FAILED, run.stateOf("score"));
        assertTrue(Files.readString(folder.resolve("gate.html")).contains("graz"));
    }

    @Test
    void aStableBatchIsScored() throws Exception {
        PipelineRun run = run("x,city\n2,lyon\n1,oslo\n");

        assertEquals(PipelineState.SUCCEEDED, run.state());
        assertEquals(StepState.SUCCEEDED, run.stateOf("score"));
    }
}
