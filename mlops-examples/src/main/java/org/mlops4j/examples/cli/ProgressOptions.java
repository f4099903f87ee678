package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import org.mlops4j.core.ProgressListener;
import picocli.CommandLine.Option;

/** The {@code --quiet} option of the commands that report progress on long work (a picocli mixin). */
final class ProgressOptions {

    @Option(names = "--quiet", description = "Print no progress (by default, long work reports its progress on "
            + "standard error: one updating line on a terminal, a line per stage otherwise).")
    private boolean quiet;

    /**
     * @param err where progress goes (standard error)
     * @return a listener that prints there, or one that prints nothing with {@code --quiet}
     */
    ProgressListener listener(PrintWriter err) {
        return quiet ? ProgressListener.NONE : ProgressPrinter.to(err, System.console() != null);
    }
}
