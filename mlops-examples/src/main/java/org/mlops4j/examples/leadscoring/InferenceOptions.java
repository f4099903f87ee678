package org.mlops4j.examples.leadscoring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the inference pipeline scores, where it writes, and how it captures and counts.
 *
 * <pre>{@code
 * InferenceOptions options = InferenceOptions.builder(Path.of("week-18.db"), Path.of("serving"))
 *         .batch("week-18").sampleRate(0.5).minutesPerLead(5).build();
 * }</pre>
 *
 * @param database         the SQLite file with the inference batch's {@value LeadScoringPipelines#MODEL_INPUT}
 * @param outputFolder     where {@value #PREDICTIONS_FILE}, {@value #PREDICTION_SHARES_FILE} and
 *                         {@value #SERVING_LOG_FILE} go (the last two are appended to by every batch)
 * @param batch            the batch's id, written to the serving log and the tracking run
 * @param modelName        the registered model whose Production version scores
 * @param experiment       the experiment of inference runs
 * @param sampleRate       the share of requests captured in the serving log, in [0, 1]
 * @param seed             the seed of the capture draw
 * @param minutesPerLead   the manual minutes a scored lead saves, for the KPI {@code manual_hours_saved}
 * @param uncertainLower   the lower end of the uncertainty band of scores (inclusive)
 * @param uncertainUpper   the upper end of the uncertainty band of scores (inclusive); leads scored inside the band
 *                         are left for manual validation
 */
public record InferenceOptions(Path database, Path outputFolder, String batch, String modelName, String experiment,
                               double sampleRate, long seed, double minutesPerLead, double uncertainLower,
                               double uncertainUpper) {

    /** The scored leads of the last batch, as CSV: the model input with the prediction and the score. */
    public static final String PREDICTIONS_FILE = "predictions.csv";
    /** The share of predicted 1s and 0s of every batch, one JSON line each. */
    public static final String PREDICTION_SHARES_FILE = "prediction_distribution.jsonl";
    /** The serving log. */
    public static final String SERVING_LOG_FILE = "serving_log.jsonl";
    /**
     * The share of requests captured unless another is given: 10 %, which keeps the cost of the schema check and the
     * capture near 5 % of encoding and prediction (every request costs about 35 %; see
     * {@code org.mlops4j.examples.bench.ServingOverheadBenchmark}). Monitoring needs a window of a few thousand
     * captured rows for deviations of a few points to stand out from sampling noise: raise the rate for small batches.
     */
    public static final double DEFAULT_SAMPLE_RATE = 0.1;
    /** The experiment of inference runs unless another is given. */
    public static final String DEFAULT_EXPERIMENT = "lead-scoring-inference";

    /** Checks the values. */
    public InferenceOptions {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(experiment, "experiment");
        if (!(sampleRate >= 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("The serving log's sample rate must be in [0, 1], was " + sampleRate);
        }
        if (!(minutesPerLead >= 0)) {
            throw new IllegalArgumentException("Minutes per lead must be 0 or more, was " + minutesPerLead);
        }
        if (!(uncertainLower >= 0 && uncertainLower <= uncertainUpper && uncertainUpper <= 1)) {
            throw new IllegalArgumentException("The uncertainty band must satisfy 0 <= lower <= upper <= 1, was ["
                    + uncertainLower + ", " + uncertainUpper + "]");
        }
    }

    /**
     * @param database     the SQLite file with the batch's model input
     * @param outputFolder where the predictions, the prediction shares and the serving log go
     * @return a builder: batch {@code batch}, model {@value TrainingOptions#DEFAULT_MODEL_NAME}, experiment
     *         {@value #DEFAULT_EXPERIMENT}, {@value #DEFAULT_SAMPLE_RATE} of requests captured, seed 0, 5 minutes per lead, uncertainty band
     *         [0.4, 0.6]
     */
    public static Builder builder(Path database, Path outputFolder) {
        return new Builder(database, outputFolder);
    }

    /** @return the serving log file */
    public Path servingLog() {
        return outputFolder.resolve(SERVING_LOG_FILE);
    }

    /** @return the file of prediction shares */
    public Path predictionShares() {
        return outputFolder.resolve(PREDICTION_SHARES_FILE);
    }

    /** @return the file of scored leads */
    public Path predictions() {
        return outputFolder.resolve(PREDICTIONS_FILE);
    }

    /** Collects the options; not thread-safe. */
    public static final class Builder {
        private final Path database;
        private final Path outputFolder;
        private String batch = "batch";
        private String modelName = TrainingOptions.DEFAULT_MODEL_NAME;
        private String experiment = DEFAULT_EXPERIMENT;
        private double sampleRate = DEFAULT_SAMPLE_RATE;
        private long seed;
        private double minutesPerLead = 5.0;
        private double uncertainLower = 0.4;
        private double uncertainUpper = 0.6;

        private Builder(Path database, Path outputFolder) {
            this.database = Objects.requireNonNull(database, "database");
            this.outputFolder = Objects.requireNonNull(outputFolder, "outputFolder");
        }

        /** @param id the batch's id @return this builder */
        public Builder batch(String id) {
            this.batch = Objects.requireNonNull(id, "id");
            return this;
        }

        /** @param name the registered model @return this builder */
        public Builder modelName(String name) {
            this.modelName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @param name the experiment of inference runs @return this builder */
        public Builder experiment(String name) {
            this.experiment = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @param rate the share of requests captured, in [0, 1]; default 0.1 @return this builder */
        public Builder sampleRate(double rate) {
            this.sampleRate = rate;
            return this;
        }

        /** @param value the seed of the capture draw; default 0 @return this builder */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** @param minutes manual minutes saved per scored lead; default 5 @return this builder */
        public Builder minutesPerLead(double minutes) {
            this.minutesPerLead = minutes;
            return this;
        }

        /**
         * @param lower the lowest uncertain score; default 0.4
         * @param upper the highest uncertain score; default 0.6
         * @return this builder
         */
        public Builder uncertaintyBand(double lower, double upper) {
            this.uncertainLower = lower;
            this.uncertainUpper = upper;
            return this;
        }

        /** @return the options */
        public InferenceOptions build() {
            return new InferenceOptions(database, outputFolder, batch, modelName, experiment, sampleRate, seed,
                    minutesPerLead, uncertainLower, uncertainUpper);
        }
    }
}
