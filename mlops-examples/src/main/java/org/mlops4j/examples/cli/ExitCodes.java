package org.mlops4j.examples.cli;

/** The exit codes of the {@code mlops} command, the same for every subcommand. */
public final class ExitCodes {

    /** Everything went well: checks passed, no drift found. */
    public static final int OK = 0;
    /** The command ran, and its verdict is negative: a check failed, data is invalid, drift was found. */
    public static final int CHECKS_FAILED = 1;
    /** Bad usage or bad input: an unknown option, a missing file, a malformed CSV or schema, a bad setting. */
    public static final int BAD_INPUT = 2;
    /** An unexpected failure inside the tool (run with --verbose for the stack trace). */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
