/**
 * Pipelines: named steps in a DAG, run inside the host application.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder("leads")
 *         .step(Step.named("load").outputs("raw")
 *                 .run(ctx -> StepResult.of("raw", CsvReader.builder().build().read(Path.of("leads.csv")))))
 *         .step(Step.named("clean").inputs("raw").outputs("clean").retry(RetryPolicy.retries(2))
 *                 .timeout(Duration.ofMinutes(1))
 *                 .run(ctx -> StepResult.of("clean", dropNulls(ctx.input("raw", Table.class)))))
 *         .build();
 * try (PipelineRunner runner = PipelineRunner.builder()
 *         .outputStore(StepOutputStore.inFolder(Path.of("outputs")))
 *         .listener(PipelineHistory.inFolder(Path.of("runs")))
 *         .build()) {
 *     PipelineRun run = runner.run(pipeline);
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Declaring: {@link org.mlops4j.core.pipeline.Pipeline} and {@link org.mlops4j.core.pipeline.Step} in code, or
 *       {@link org.mlops4j.core.pipeline.file.PipelineFile} for JSON and YAML files whose step types are
 *       {@link org.mlops4j.core.spi.PipelineStepProvider}s. The DAG is checked when it is built.</li>
 *   <li>Running: {@link org.mlops4j.core.pipeline.PipelineRunner} (parallel on a bounded executor,
 *       {@link org.mlops4j.core.pipeline.RetryPolicy}, per-attempt timeouts,
 *       {@link org.mlops4j.core.pipeline.TriggerRule}s, branching through
 *       {@link org.mlops4j.core.pipeline.StepResult#choosing}, cancellation through
 *       {@link org.mlops4j.core.pipeline.PipelineExecution}).</li>
 *   <li>Data between steps: named outputs, passed to the steps that declare them as inputs. With a
 *       {@link org.mlops4j.core.pipeline.StepOutputStore}, outputs are kept by fingerprint and a re-run resumes at the
 *       first step whose outputs are not stored. Stored outputs must be a {@code Table}, {@code Serializable}, or
 *       JSON-able (a record or bean that Jackson can read back).</li>
 *   <li>History: every run and step run is a record ({@link org.mlops4j.core.pipeline.PipelineRun},
 *       {@link org.mlops4j.core.pipeline.StepRun}) given to {@link org.mlops4j.core.pipeline.PipelineListener}s;
 *       {@link org.mlops4j.core.pipeline.PipelineHistory} keeps them as JSON files and answers queries.</li>
 *   <li>Schedules: {@link org.mlops4j.core.pipeline.PipelineScheduler} with
 *       {@link org.mlops4j.core.pipeline.Schedule}s (cron, fixed rate) and an
 *       {@link org.mlops4j.core.pipeline.OverlapPolicy}.</li>
 * </ul>
 */
package org.mlops4j.core.pipeline;
