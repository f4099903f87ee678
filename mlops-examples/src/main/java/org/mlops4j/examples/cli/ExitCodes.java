package org.mlops4j.examples.cli;

/** The exit codes of the {@code mlops} command, the same for every subcommand. */
public final class ExitCodes {

    /** Everything went well: checks passed, no drift found. */
    public static final int OK = 0;
    /** The command ran, and its verdict is negative: a check failed, data is invalid, drift was found. */
    public static final int CHECKS_FAILED = 1;
    /**
     * Bad usage or bad input, which the user fixes by changing the command line or its files: an unknown or missing
     * option, a value out of range, a missing file or a folder where a file is expected, a malformed CSV or schema, an
     * invalid filter, an unknown model, version, experiment or stage, a bad setting. See {@link ErrorHandler}.
     */
    public static final int BAD_INPUT = 2;
    /** An unexpected failure inside the tool, which is a bug (run with --verbose for the stack trace). */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
