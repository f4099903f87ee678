package org.mlops4j.core.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/**
 * The three-step pipeline of {@link PipelineResumeIT}, and the main class its child JVM runs.
 *
 * <p>Each step appends its name to a calls file when it runs, so the test can count runs across processes. Step 2
 * writes a marker file and, in the child JVM, then sleeps until it is killed.
 */
public final class ResumablePipeline {

    private ResumablePipeline() {
    }

    static Pipeline create(Path work, boolean hangInStep2) {
        return Pipeline.builder("resumable")
                .step(Step.named("load").outputs("raw").run(ctx -> {
                    record(work, "load");
                    return StepResult.of("raw", Table.of(NumericColumn.of("x", 1, 2, 3),
                            CategoricalColumn.of("city", "Pune", "Delhi", "Pune")));
                }))
                .step(Step.named("transform").inputs("raw").outputs("doubled").run(ctx -> {
                    record(work, "transform");
                    Files.writeString(work.resolve("transform.marker"), "started");
                    if (hangInStep2) {
                        Thread.sleep(600_000);
                    }
                    Table raw = ctx.input("raw", Table.class);
                    return StepResult.of("doubled", raw.withColumn(raw.numeric("x").map(v -> 2 * v)));
                }))
                .step(Step.named("summarise").inputs("doubled").outputs("sum").run(ctx -> {
                    record(work, "summarise");
                    return StepResult.of("sum", ctx.input("doubled", Table.class).numeric("x").sum());
                }))
                .build();
    }

    static List<String> calls(Path work) throws java.io.IOException {
        Path file = work.resolve("calls.txt");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static void record(Path work, String step) throws java.io.IOException {
        Files.writeString(work.resolve("calls.txt"), step + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * Runs the pipeline with a file output store; step 2 hangs.
     *
     * @param args the work folder (store under {@code store/})
     */
    public static void main(String[] args) {
        Path work = Path.of(args[0]);
        try (PipelineRunner runner = PipelineRunner.builder()
                .outputStore(StepOutputStore.inFolder(work.resolve("store")))
                .listener(PipelineHistory.inFolder(work.resolve("history")))
                .build()) {
            runner.run(create(work, true));
        }
    }
}
