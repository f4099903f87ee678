package org.mlops4j.examples.leadscoring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of {@link LeadScoringDemo}.
 *
 * @param workdir        where data, databases, reports and {@code mlruns} go
 * @param rows           rows of generated training data
 * @param batchRows      rows of each of the three inference batches
 * @param seed           the seed of the generator (the batches use seed + 1, + 2, + 3) and of training
 * @param training       how models are compared and trained
 * @param trackingUri    where runs and the registry are; by default {@code mlruns} under the workdir
 * @param moderateDrift  the moved probability mass of the second batch in {@code first_platform_c}, in percentage
 *                       points
 * @param largeDrift     the moved probability mass of the third batch in {@code first_utm_source_c}
 * @param sampleRate     the share of requests the serving log captures; 1 by default in the demo, so that each
 *                       monitoring window holds the whole batch
 */
public record DemoOptions(Path workdir, int rows, int batchRows, long seed, TrainingOptions training,
                          String trackingUri, double moderateDrift, double largeDrift,
                          double sampleRate) {

    /** Checks the values. */
    public DemoOptions {
        Objects.requireNonNull(workdir, "workdir");
        if (rows < 100) {
            throw new IllegalArgumentException("The demo needs at least 100 training rows, was " + rows);
        }
        if (batchRows < 100) {
            throw new IllegalArgumentException("The demo needs at least 100 rows per batch, was " + batchRows);
        }
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(trackingUri, "trackingUri");
        if (!(sampleRate > 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("The sample rate must be in (0, 1], was " + sampleRate);
        }
    }

    /** @param rate the share of requests captured @return a copy with it */
    public DemoOptions withSampleRate(double rate) {
        return new DemoOptions(workdir, rows, batchRows, seed, training, trackingUri, moderateDrift, largeDrift, rate);
    }

    /**
     * @param workdir where everything goes
     * @param rows    rows of training data
     * @param seed    the seed
     * @return options with batches of a fifth of the training rows (at least 2,000), the default training options
     *         with the seed, tracking in {@code workdir/mlruns}, 7 and 12 points of drift (7 lands in the middle of the
     *         retrain band [5, 10] also when the batch's sampling noise moves it by a point)
     */
    public static DemoOptions of(Path workdir, int rows, long seed) {
        return new DemoOptions(workdir, rows, Math.max(2000, rows / 5), seed,
                TrainingOptions.defaults().withSeed(seed), "file:" + workdir.toAbsolutePath().resolve("mlruns"),
                7.0, 12.0, 1.0);
    }

    /** @param count rows per batch @return a copy with it */
    public DemoOptions withBatchRows(int count) {
        return new DemoOptions(workdir, rows, count, seed, training, trackingUri, moderateDrift, largeDrift, sampleRate);
    }

    /** @param options how models are trained @return a copy with them */
    public DemoOptions withTraining(TrainingOptions options) {
        return new DemoOptions(workdir, rows, batchRows, seed, options, trackingUri, moderateDrift, largeDrift, sampleRate);
    }

    /** @param uri where runs and the registry are @return a copy with it */
    public DemoOptions withTrackingUri(String uri) {
        return new DemoOptions(workdir, rows, batchRows, seed, training, uri, moderateDrift, largeDrift, sampleRate);
    }
}
