package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.pipeline.file.PipelineFile;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.PipelineStepProvider;

class PipelineFileTest {

    private static final Mlops MLOPS = Mlops.create();

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PipelineFileTest.class.getResource("/pipelines/" + name).toURI());
    }

    private static ProviderSet<PipelineStepProvider> providers() {
        return MLOPS.providers(PipelineStepProvider.class);
    }

    private static ConfigurationException rejected(Path folder, String yaml) throws Exception {
        Path file = folder.resolve("bad.yaml");
        Files.writeString(file, yaml);
        return assertThrows(ConfigurationException.class, () -> PipelineFile.read(file, MLOPS));
    }

    @Test
    void readsYamlAndJsonDeclarationsWhoseStepTypesComeFromTheSpi() throws Exception {
        for (String name : new String[] {"sums.yaml", "sums.json"}) {
            Pipeline pipeline = PipelineFile.read(resource(name), MLOPS);
            Step total = pipeline.step("total").orElseThrow();
            assertEquals("add", total.type());
            assertEquals(3, total.retryPolicy().maxAttempts());
            assertEquals(Duration.ofMillis(10), total.retryPolicy().initialDelay());
            assertEquals(Duration.ofSeconds(30), total.timeout().orElseThrow());
            assertEquals(TriggerRule.ALL_SUCCESS, total.triggerRule());
            assertEquals("1", total.version());
            try (PipelineRunner runner = PipelineRunner.builder().build()) {
                PipelineRun run = runner.run(pipeline);
                assertEquals(PipelineState.SUCCEEDED, run.state(), name);
                assertEquals(13.5, run.output("sum_total", Double.class).orElseThrow(), 0.0);
            }
        }
    }

    @Test
    void namesTheFileAndStepOfAnUnknownStepTypeAndListsTheAvailableOnes(@TempDir Path folder) throws Exception {
        ConfigurationException e = rejected(folder, """
                name: p
                steps:
                  - name: load
                    type: csv-lod
                """);
        assertTrue(e.getMessage().contains("bad.yaml, step 'load': no step type 'csv-lod' (available: [add, constant]"),
                e.getMessage());
    }

    @Test
    void namesAMisspelledKey(@TempDir Path folder) throws Exception {
        ConfigurationException e = rejected(folder, """
                name: p
                steps:
                  - name: a
                    type: constant
                    params: {value: 1}
                    output: [out_a]
                """);
        assertTrue(e.getMessage().contains("step 'a': unknown key 'output'"), e.getMessage());
    }

    @Test
    void reportsMissingInputsAndCyclesWithTheFileName(@TempDir Path folder) throws Exception {
        ConfigurationException missing = rejected(folder, """
                name: p
                steps:
                  - {name: total, type: add, inputs: [out_x], outputs: [sum_total]}
                """);
        assertTrue(missing.getMessage().contains("bad.yaml: Pipeline 'p': step 'total' needs input 'out_x'"),
                missing.getMessage());
        ConfigurationException cycle = rejected(folder, """
                name: p
                steps:
                  - {name: x, type: add, inputs: [sum_y], outputs: [sum_x]}
                  - {name: y, type: add, inputs: [sum_x], outputs: [sum_y]}
                """);
        assertTrue(cycle.getMessage().contains("has a cycle: x -> y -> x"), cycle.getMessage());
    }

    @Test
    void namesTheStepWhoseProviderRejectsItsParametersOrWhoseDurationIsBad(@TempDir Path folder) throws Exception {
        ConfigurationException params = rejected(folder, """
                name: p
                steps:
                  - {name: a, type: constant, outputs: [out_a]}
                """);
        assertTrue(params.getMessage().contains("step 'a': step type 'constant' needs parameter 'value'"),
                params.getMessage());
        ConfigurationException duration = rejected(folder, """
                name: p
                steps:
                  - {name: a, type: constant, params: {value: 1}, outputs: [out_a], timeout: 30 seconds}
                """);
        assertTrue(duration.getMessage().contains("step 'a': 'timeout' must be an ISO-8601 duration"),
                duration.getMessage());
        ConfigurationException rule = rejected(folder, """
                name: p
                steps:
                  - {name: a, type: constant, params: {value: 1}, outputs: [out_a], trigger_rule: sometimes}
                """);
        assertTrue(rule.getMessage().contains("step 'a': Unknown trigger rule 'sometimes'"), rule.getMessage());
    }

    @Test
    void rejectsTextThatIsNotJson() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PipelineFile.parse("{\"name\": ", false, "inline.json", providers()));
        assertTrue(e.getMessage().startsWith("Pipeline file inline.json is not valid JSON"), e.getMessage());
    }
}
