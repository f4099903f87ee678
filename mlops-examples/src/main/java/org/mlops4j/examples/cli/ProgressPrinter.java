package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import org.mlops4j.core.Progress;
import org.mlops4j.core.ProgressListener;

/**
 * Prints {@link Progress} for a person. On a terminal, one line that each event rewrites (a carriage return, the
 * line, blanks over what the last one left), ended when the work is finished; elsewhere (a log, a pipe) a plain
 * line when a new stage starts and when the work is finished, so that logs stay short. Thread-safe.
 */
final class ProgressPrinter implements ProgressListener {

    private final PrintWriter out;
    private final boolean terminal;
    private String lastTask = "";
    private String lastStage = "";
    private int lastLength;

    private ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * @param out      where to print (standard error, so that standard output stays the command's result)
     * @param terminal whether {@code out} is a terminal that understands a carriage return
     * @return the printer
     */
    static ProgressPrinter to(PrintWriter out, boolean terminal) {
        return new ProgressPrinter(out, terminal);
    }

    @Override
    public synchronized void onProgress(Progress progress) {
        String line = progress.toLine();
        if (terminal) {
            out.print('\r' + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            if (progress.finished()) {
                out.println();
                lastLength = 0;
            }
            out.flush();
            return;
        }
        boolean newStage = !progress.task().equals(lastTask) || !progress.stage().equals(lastStage);
        if (newStage || progress.finished()) {
            out.println(line);
            out.flush();
        }
        lastTask = progress.task();
        lastStage = progress.stage();
    }
}
