package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.pipeline.service.SchedulerService;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.PipelineStepProvider;

/** {@code mlops pipeline list|status|history|trigger|pause|resume} on a folder of pipeline files and its state. */
class PipelineScheduleCommandsTest {

    @TempDir
    Path work;

    private Path pipelines;

    @BeforeEach
    void pipelineFiles() throws IOException {
        pipelines = Files.createDirectories(work.resolve("pipelines"));
        write("nightly.json", "nightly", "\"schedule\": {\"cron\": \"0 3 * * *\", \"overlap\": \"queue\"},");
        write("adhoc.json", "adhoc", "");
    }

    @Test
    void listsEachPipelineWithItsScheduleAndReportsFilesThatCannotLoad() throws IOException {
        MlopsCommandTest.Result list = MlopsCommandTest.mlops("pipeline", "list", "--pipelines", pipelines);
        assertEquals(0, list.code(), list.err());
        String[] lines = list.out().split("\n");
        assertEquals(3, lines.length, list.out());
        assertTrue(lines[1].matches("adhoc +active +manual +- +-"), lines[1]);
        assertTrue(lines[2].matches("nightly +active +cron 0 3 \\* \\* \\* \\(Z\\) +20\\d\\d-\\d\\d-\\d\\dT03:00:00Z +-"),
                lines[2]);

        Files.writeString(pipelines.resolve("broken.json"), "{\"name\": \"broken\", \"steps\": [{\"name\": \"x\"}]}");
        MlopsCommandTest.Result withBroken = MlopsCommandTest.mlops("pipeline", "list", "--pipelines", pipelines);
        assertEquals(ExitCodes.CHECKS_FAILED, withBroken.code());
        assertTrue(withBroken.err().contains("broken.json, step 'x': 'type' is required"), withBroken.err());
        assertEquals(3, withBroken.out().split("\n").length, withBroken.out());
    }

    @Test
    void pauseAndResumeChangeTheStateTheStatusShows() {
        MlopsCommandTest.Result pause = MlopsCommandTest.mlops("pipeline", "pause", "nightly", "--pipelines", pipelines);
        assertEquals(0, pause.code(), pause.err());
        assertEquals("Paused the schedule of 'nightly'\n", pause.out());
        MlopsCommandTest.Result paused = MlopsCommandTest.mlops("pipeline", "status", "nightly", "--pipelines",
                pipelines);
        assertEquals(0, paused.code(), paused.err());
        assertTrue(paused.out().contains("state:        paused\n"), paused.out());
        assertTrue(paused.out().contains("next run:     -\n"), paused.out());
        assertTrue(paused.out().contains("overlap:      queue\n"), paused.out());
        assertTrue(paused.out().contains("scheduler:    none\n"), paused.out());

        assertEquals(0, MlopsCommandTest.mlops("pipeline", "resume", "nightly", "--pipelines", pipelines).code());
        MlopsCommandTest.Result resumed = MlopsCommandTest.mlops("pipeline", "status", "nightly", "--pipelines",
                pipelines);
        assertTrue(resumed.out().contains("state:        active\n"), resumed.out());
        assertTrue(resumed.out().matches("(?s).*next run:     20\\d\\d-\\d\\d-\\d\\dT03:00:00Z\n.*"), resumed.out());
    }

    @Test
    void aTriggeredRunIsRunByTheSchedulerAndShownInTheHistory() throws Exception {
        MlopsCommandTest.Result trigger = MlopsCommandTest.mlops("pipeline", "trigger", "adhoc", "--pipelines",
                pipelines);
        assertEquals(0, trigger.code(), trigger.err());
        assertTrue(trigger.out().startsWith("Requested a run of 'adhoc' (slot manual:"), trigger.out());
        try (SchedulerService scheduler = SchedulerService.builder(pipelines,
                Mlops.builder().build().providers(PipelineStepProvider.class)).build()) {
            assertTrue(scheduler.tick());
            assertTrue(scheduler.awaitIdle(Duration.ofSeconds(20)));
        }
        String runId = Files.readString(work.resolve("adhoc.log")).trim();
        MlopsCommandTest.Result history = MlopsCommandTest.mlops("pipeline", "history", "adhoc", "--pipelines",
                pipelines);
        assertEquals(0, history.code(), history.err());
        String[] lines = history.out().split("\n");
        assertEquals(2, lines.length, history.out());
        assertTrue(lines[1].matches("manual:\\S+ +SUCCEEDED +1 +" + runId + " +\\d+\\.\\d{3} s"), lines[1]);
    }

    @Test
    void anUnknownPipelineIsAUsageErrorThatNamesThoseFound() {
        MlopsCommandTest.Result status = MlopsCommandTest.mlops("pipeline", "status", "nightly2", "--pipelines",
                pipelines);
        assertEquals(ExitCodes.BAD_INPUT, status.code());
        assertTrue(status.err().contains("No pipeline named 'nightly2'"), status.err());
        assertTrue(status.err().contains("(found: adhoc, nightly)"), status.err());
        MlopsCommandTest.Result folder = MlopsCommandTest.mlops("pipeline", "list", "--pipelines",
                work.resolve("nowhere"));
        assertEquals(ExitCodes.BAD_INPUT, folder.code());
        assertTrue(folder.err().contains("--pipelines"), folder.err());
    }

    private void write(String file, String name, String schedule) throws IOException {
        Files.writeString(pipelines.resolve(file), "{\"name\": \"" + name + "\", " + schedule + " \"steps\": [{\"name\":"
                + " \"note\", \"type\": \"record\", \"params\": {\"log\": \""
                + work.resolve(name + ".log").toString().replace("\\", "\\\\") + "\"}}]}");
    }
}
