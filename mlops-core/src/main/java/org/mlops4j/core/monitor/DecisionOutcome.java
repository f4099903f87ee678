package org.mlops4j.core.monitor;

import java.util.List;
import java.util.Objects;

/**
 * A decision and what became of its actions: the record a monitor returns and hands to a {@link DecisionRecorder}.
 * A failed action is listed here with its error; it is never dropped.
 *
 * @param decision the decision
 * @param actions  each configured action's result, in the order they ran (empty when the action needed nothing)
 */
public record DecisionOutcome(PolicyDecision decision, List<ActionResult> actions) {

    /** Copies the list. */
    public DecisionOutcome {
        Objects.requireNonNull(decision, "decision");
        actions = List.copyOf(actions);
    }

    /** @return whether every action succeeded (true when there was none) */
    public boolean succeeded() {
        return actions.stream().allMatch(ActionResult::succeeded);
    }

    /** @return the actions that failed */
    public List<ActionResult> failures() {
        return actions.stream().filter(a -> !a.succeeded()).toList();
    }

    /**
     * The outcome as one line of JSON, in a stable shape: {@code action}, {@code drift_action}, {@code measure},
     * {@code unit}, {@code deciding_column}, {@code deciding_deviation}, {@code band} (interval notation),
     * {@code deviations} (per column: {@code column}, {@code column_type}, {@code deviation}), {@code drift}
     * ({@code dataset_drift}, {@code drift_share}, {@code number_of_columns}, {@code number_of_drifted_columns},
     * {@code share_of_drifted_columns}, {@code drifted_columns}), {@code quality} ({@code checked},
     * {@code measured}, {@code targets}, {@code missed}, {@code action}), {@code decided_at} (ISO-8601),
     * {@code reason}, and {@code actions} (per action: {@code action}, {@code succeeded}, {@code detail},
     * {@code millis}).
     *
     * @return the JSON text, without line breaks
     */
    public String toJson() {
        return DecisionLine.write(this);
    }

    /**
     * @param json the text {@link #toJson()} wrote
     * @return the outcome
     * @throws org.mlops4j.core.DataException when the text is not such an outcome, naming the field
     */
    public static DecisionOutcome fromJson(String json) {
        return DecisionLine.readOutcome(json);
    }
}
