package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code mlops} command-line tool: runs the lead-scoring pipelines and the library's data checks from a shell.
 *
 * <pre>
 * java -jar mlops.jar pipeline run data --input leads.csv --db leads.db
 * java -jar mlops.jar drift --reference train.csv --current week.csv --html drift.html
 * java -jar mlops.jar profile --input leads.csv --html profile.html
 * java -jar mlops.jar validate --schema schema.json --input leads.csv --quarantine rejected.csv
 * java -jar mlops.jar predict --model models:/lead-scoring@champion --input leads.csv --output scored.csv
 * java -jar mlops.jar serve --model models:/lead-scoring@champion --port 5001
 * </pre>
 *
 * Exit codes: {@value ExitCodes#OK} ok, {@value ExitCodes#CHECKS_FAILED} checks failed or drift found,
 * {@value ExitCodes#BAD_INPUT} bad usage or input, {@value ExitCodes#INTERNAL_ERROR} unexpected error (a bug). Errors
 * go to standard error as one line, {@code mlops <command>: <message>} ({@link ErrorHandler},
 * {@link UsageErrorHandler}).
 */
@Command(name = "mlops", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Machine-learning operations on the JVM: pipelines, data validation, profiles and drift.",
        subcommands = {PipelineCommand.class, DemoCommand.class, TrainCommand.class, RunsCommand.class,
            ModelsCommand.class, ArtifactsCommand.class, MigrateCommand.class,
            DriftCommand.class, ProfileCommand.class, ValidateCommand.class,
            CheckCommand.class,
            GenerateCommand.class, UiCommand.class, PredictCommand.class, ServeCommand.class,
            ServerCommand.class, ServerPasswordCommand.class,
            SchedulerCommand.class,
            HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  checks failed or drift found",
            "  2  bad usage or input: an unknown option, a bad value, a missing file, an unknown model or version",
            "  3  unexpected error, a bug (run with --verbose for the stack trace)"})
public final class MlopsCommand implements Runnable {

    /** Held so that the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    /** The level of the drift policy's alert lines, which the commands print as outcomes instead. */
    private static final String ALERTS_LEVEL = "org.slf4j.simpleLogger.log.org.mlops4j.monitor.alerts";

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log progress and print stack traces of errors.")
    private boolean verbose;

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        }
        if (!verbose && System.getProperty(ALERTS_LEVEL) == null) {
            System.setProperty(ALERTS_LEVEL, "error"); // the commands print the policy's decisions as their outcome
        }
        if (!verbose) {
            TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING); // Tribuo logs every SGD training at INFO
        }
        CommandLine line = commandLine();
        int code;
        try {
            code = line.execute(args);
        } catch (OutOfMemoryError e) {
            line.getErr().println(outOfMemory(args));
            code = ExitCodes.BAD_INPUT;
        }
        line.getOut().flush();
        line.getErr().flush();
        System.exit(code);
    }

    /**
     * @param args the command line
     * @return the one line said when the process ran out of heap outside training (which says it with the candidate):
     *         the heap it had and how to give it more
     */
    static String outOfMemory(String... args) {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        int more = (int) Math.max(1, Math.min(64, 2 * Math.ceil(heapMb / 1024.0)));
        return "mlops" + (args.length > 0 ? " " + args[0] : "") + ": Out of memory (Java heap space) with a maximum "
                + "heap of " + String.format(java.util.Locale.ROOT, "%,d", heapMb) + " MB. This is the Java process's "
                + "limit: give the JVM more heap (java -Xmx" + more + "g -jar mlops.jar ..., or export "
                + "JAVA_TOOL_OPTIONS=-Xmx" + more + "g) or give the command less data; mlops profile reads in "
                + "bounded memory (README: Which commands are bounded in memory).";
    }

    /** @return the command line with the tool's error handling and exit codes; its output goes to stdout/stderr */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new MlopsCommand());
        line.setExecutionExceptionHandler(new ErrorHandler());
        line.setParameterExceptionHandler(new UsageErrorHandler());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        return line;
    }

    /**
     * Runs the tool in this process, as tests and host applications do.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the command line
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = commandLine();
        line.setOut(out);
        line.setErr(err);
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
