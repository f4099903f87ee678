/**
 * The "CodePro" lead-scoring case study on mlops4j: a generator of realistic raw lead data with drift on demand
 * ({@link org.mlops4j.examples.leadscoring.LeadGenerator}), the case study's data pipeline with its step names and
 * SQLite tables ({@link org.mlops4j.examples.leadscoring.LeadScoringPipelines}), its schema checks with a quarantine
 * ({@link org.mlops4j.examples.leadscoring.BatchQuarantine}), and the trigger for new labelled data
 * ({@link org.mlops4j.examples.leadscoring.InboxWatcher}, {@link org.mlops4j.examples.leadscoring.TrainingTrigger}).
 * Then the training pipeline ({@link org.mlops4j.examples.leadscoring.LeadScoringTraining}: compare, register,
 * promote only a better model), the inference pipeline with its serving log and business KPIs
 * ({@link org.mlops4j.examples.leadscoring.LeadScoringInference}, {@link org.mlops4j.core.monitor.ServingLog}),
 * the monitoring pipeline with drift report, action policy and actions
 * ({@link org.mlops4j.examples.leadscoring.LeadScoringMonitoring}, {@link org.mlops4j.core.monitor.MonitoringRuns}),
 * and all of it in one run ({@link org.mlops4j.examples.leadscoring.LeadScoringDemo}).
 *
 * <pre>{@code
 * LeadGenerator.builder().seed(1).rows(50_000).build().write(Path.of("leads.csv"));
 * try (PipelineRunner runner = PipelineRunner.builder().build()) {
 *     PipelineRun run = runner.run(LeadScoringPipelines.data(
 *             DataPipelineOptions.builder(Path.of("leads.csv"), Path.of("leads.db")).build()));
 * }
 * }</pre>
 */
package org.mlops4j.examples.leadscoring;
