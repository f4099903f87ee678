package org.mlops4j.serving.internal;

import java.util.List;
import java.util.Optional;
import org.mlops4j.models.PredictedRow;
import org.mlops4j.models.Predictions;

/**
 * A scoring request scored: per request row its prediction or its error, and the batch's imputation counts. The one
 * scoring path of the model server and of {@code mlops predict}: check the rows against the model's input schema,
 * score those that fit, and put each result back at its row.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Immutable.
 */
public final class ScoredRequest {

    private final CheckedInput input;
    private final Predictions predictions;
    private final PredictedRow[] predicted;
    private final RowError[] errors;
    private final int failed;

    private ScoredRequest(CheckedInput input, Predictions predictions) {
        this.input = input;
        this.predictions = predictions;
        int n = input.requestRows();
        this.predicted = new PredictedRow[n];
        this.errors = new RowError[n];
        for (int row = 0; row < n; row++) {
            errors[row] = input.error(row).orElse(null);
        }
        int count = 0;
        for (PredictedRow row : predictions.rows()) {
            int requestRow = input.requestRow(row.row());
            if (row.ok()) {
                predicted[requestRow] = row;
            } else {
                errors[requestRow] = RowError.unscorable(requestRow, row.error().orElseThrow());
            }
        }
        for (RowError error : errors) {
            count += error == null ? 0 : 1;
        }
        this.failed = count;
    }

    /**
     * Checks a request's rows against the model's input schema and scores those that fit.
     *
     * @param model   the version to score with
     * @param request the request's rows
     * @return the results, per request row
     * @throws BadScoringRequest when the request lacks a column the model takes
     */
    public static ScoredRequest score(ServedModel model, RequestTable request) {
        CheckedInput input = InputCheck.check(request, model.inputSchema());
        Predictions predictions = input.table().rowCount() == 0 ? new Predictions(List.of())
                : model.predictor().predict(input.table());
        return new ScoredRequest(input, predictions);
    }

    /** @return the checked request: the rows that were scored, as a table, and the errors of the others */
    public CheckedInput input() {
        return input;
    }

    /** @return the predictions of {@code input().table()}, with the imputation counts */
    public Predictions predictions() {
        return predictions;
    }

    /** @return how many rows the request has */
    public int rows() {
        return predicted.length;
    }

    /** @return how many rows have an error instead of a prediction */
    public int failedRows() {
        return failed;
    }

    /**
     * @param row a request row
     * @return its prediction; empty when it has an error
     */
    public Optional<PredictedRow> prediction(int row) {
        return Optional.ofNullable(predicted[row]);
    }

    /**
     * @param row a request row
     * @return why it was not scored; empty when it was
     */
    public Optional<RowError> error(int row) {
        return Optional.ofNullable(errors[row]);
    }
}
