package org.mlops4j.core.pipeline;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * A {@link StepLog} that sends each line to SLF4J and adds it to the step's recorded log lines (a synchronized list
 * shared by the step's attempts).
 */
final class RecordingStepLog implements StepLog {

    private final Logger logger;
    private final String prefix;
    private final int attempt;
    private final List<LogLine> lines;
    private final Clock clock;

    /**
     * @param pipelineName the pipeline's name, which names the SLF4J logger
     * @param runId        the run's id
     * @param stepName     the step's name
     * @param attempt      the attempt's number
     * @param lines        where lines are recorded; must be thread-safe
     * @param clock        the time source
     */
    public RecordingStepLog(String pipelineName, String runId, String stepName, int attempt, List<LogLine> lines,
                            Clock clock) {
        this.logger = LoggerFactory.getLogger("org.mlops4j.pipeline." + pipelineName);
        this.prefix = "[" + runId + " " + stepName + "#" + attempt + "] ";
        this.attempt = attempt;
        this.lines = lines;
        this.clock = clock;
    }

    @Override
    public void info(String pattern, Object... arguments) {
        FormattingTuple line = record("INFO", pattern, arguments);
        logger.info(prefix + line.getMessage(), line.getThrowable());
    }

    @Override
    public void warn(String pattern, Object... arguments) {
        FormattingTuple line = record("WARN", pattern, arguments);
        logger.warn(prefix + line.getMessage(), line.getThrowable());
    }

    @Override
    public void error(String pattern, Object... arguments) {
        FormattingTuple line = record("ERROR", pattern, arguments);
        logger.error(prefix + line.getMessage(), line.getThrowable());
    }

    private FormattingTuple record(String level, String pattern, Object[] arguments) {
        FormattingTuple line = MessageFormatter.arrayFormat(pattern, arguments);
        String message = line.getThrowable() == null ? line.getMessage()
                : line.getMessage() + " (" + line.getThrowable() + ")";
        lines.add(new LogLine(clock.instant(), attempt, level, message));
        return line;
    }
}
