package org.mlops4j.drift.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mlops4j.core.DataException;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.monitor.DecisionRecorder;
import org.mlops4j.drift.internal.JsonLinesFile;

/**
 * Records each decision outcome as one JSON line ({@link DecisionOutcome#toJson()}) appended to a file: crash-safe
 * (append only, each line forced to disk) and safe under concurrent threads and processes.
 *
 * <pre>{@code
 * DecisionRecorder recorder = new JsonLinesDecisionRecorder(Path.of("monitor/decisions.jsonl"));
 * }</pre>
 */
public final class JsonLinesDecisionRecorder implements DecisionRecorder {

    private final Path file;

    /** @param file the file; it and its folder are created on the first record */
    public JsonLinesDecisionRecorder(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    @Override
    public void record(DecisionOutcome outcome) {
        JsonLinesFile.append(file, outcome.toJson());
    }

    /**
     * @return every recorded outcome, oldest first; empty when nothing was recorded
     * @throws DataException naming the file and line when a line is not a recorded outcome
     */
    public List<DecisionOutcome> readAll() {
        List<String> lines = JsonLinesFile.readLines(file);
        List<DecisionOutcome> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(DecisionOutcome.fromJson(lines.get(i)));
            } catch (DataException e) {
                throw new DataException("Not a recorded decision: " + e.getMessage(), file.toString(), i + 1, null,
                        null, e);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "JsonLinesDecisionRecorder[" + file + "]";
    }
}
