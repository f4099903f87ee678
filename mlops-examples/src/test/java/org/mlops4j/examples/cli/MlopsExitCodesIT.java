package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.examples.leadscoring.LeadGenerator;

/**
 * Every subcommand's error paths, each run as its own {@code mlops} process: a mistake in the arguments or the files
 * they name exits with 2 and one line on standard error, {@code mlops <command>: <message>}, that names the option
 * or the value; never 3 ("unexpected error"), never a stack trace. A filter error keeps its caret display.
 */
class MlopsExitCodesIT {

    /** Processes at once: each is a short JVM, mostly start-up. */
    private static final int PARALLEL = Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));

    @TempDir
    static Path folder;

    private static ExecutorService processes;
    private static Path leads;
    private static Path ragged;
    private static Path unclosedQuote;
    private static Path aFolder;
    private static Path emptyDatabase;
    private static Path notText;
    private static String store;
    /** Classes the first run loaded, shared with the others: a third less CPU per JVM (AppCDS). */
    private static Path classArchive;

    /** One command line, and what its message must contain. */
    record Case(String name, List<String> args, List<String> mentions, boolean filterCaret) {
        static Case of(String name, List<String> args, String... mentions) {
            return new Case(name, args, List.of(mentions), false);
        }

        static Case filter(String name, List<String> args, String... mentions) {
            return new Case(name, args, List.of(mentions), true);
        }
    }

    /** Exit code and standard error of one process. */
    record Outcome(int code, String err) {
    }

    @BeforeAll
    static void writeFilesAndAStoreWithOneModelVersion() throws IOException {
        processes = Executors.newFixedThreadPool(PARALLEL);
        leads = folder.resolve("leads.csv");
        LeadGenerator.builder().seed(1).rows(300).build().write(leads);
        ragged = Files.writeString(folder.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        unclosedQuote = Files.writeString(folder.resolve("quote.csv"), "a,b\n\"x,1\n");
        aFolder = Files.createDirectories(folder.resolve("a-folder"));
        emptyDatabase = Files.createFile(folder.resolve("empty.db"));
        notText = Files.write(folder.resolve("binary.json"), new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1});
        store = "file:" + folder.resolve("mlruns").toAbsolutePath();
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, store).build();
        try (TrackingClient tracking = TrackingClient.open(mlops, URI.create(store));
             ModelRegistry registry = mlops.openModelRegistry()) {
            ActiveRun run = tracking.startRun("exp", "run");
            run.logMetric("auc", 0.8);
            run.end(RunStatus.FINISHED);
            registry.register(NewModelVersion.builder("lead-scoring", "runs:/" + run.id() + "/model")
                    .runId(run.id()).build());
        }
        Path archive = folder.resolve("mlops-classes.jsa");
        mlops(List.of("-XX:ArchiveClassesAtExit=" + archive), List.of("models", "list", "--tracking-uri", store,
                "--name", "nope"));
        classArchive = Files.isRegularFile(archive) ? archive : null;
    }

    @AfterAll
    static void stopThePool() {
        processes.shutdownNow();
    }

    static List<Case> cases() {
        String csv = leads.toString();
        String dir = aFolder.toString();
        String missing = folder.resolve("missing.csv").toString();
        String db = emptyDatabase.toString();
        String work = folder.resolve("work").toString();
        List<String> challenge = List.of("models", "challenge", "--tracking-uri", store, "--name", "lead-scoring",
                "--held-out", csv);
        List<Case> cases = new ArrayList<>(List.of(
                Case.of("no command", List.of(), "Missing a command"),
                Case.of("unknown command", List.of("frobnicate"), "frobnicate"),
                Case.of("unknown option", List.of("--bogus"), "--bogus"),
                Case.of("help of an unknown command", List.of("help", "frobnicate"), "frobnicate"),
                Case.of("demo: too few rows", List.of("demo", "--workdir", work, "--rows", "10"), "--rows", "10"),
                Case.of("demo: one fold", List.of("demo", "--workdir", work, "--folds", "1"), "--folds"),
                Case.of("demo: sample rate above 1", List.of("demo", "--workdir", work, "--sample-rate", "2"),
                        "--sample-rate"),
                Case.of("demo: a file as the workdir", List.of("demo", "--workdir", csv), "--workdir"),
                Case.of("pipeline: no command", List.of("pipeline"), "Missing a command"),
                Case.of("pipeline run: no pipeline", List.of("pipeline", "run"), "Missing the pipeline: a FILE.yaml"),
                Case.of("models register: no run", List.of("models", "register", "--tracking-uri", store, "--name",
                        "lead-scoring"), "--run RUN_ID"),
                Case.of("artifacts list: no run id", List.of("artifacts", "list", "--tracking-uri", store),
                        "RUN_ID"),
                Case.of("pipeline run: unknown pipeline", List.of("pipeline", "run", "nonsense"), "nonsense"),
                Case.of("data: missing input", List.of("pipeline", "run", "data", "--input", missing, "--db",
                        work + ".db"), "--input", "missing.csv"),
                Case.of("data: a folder as the database", List.of("pipeline", "run", "data", "--input", csv, "--db",
                        dir), "--db", "folder"),
                Case.of("data: a CSV with a short line", List.of("pipeline", "run", "data", "--input",
                        ragged.toString(), "--db", folder.resolve("ragged.db").toString()), "ragged.csv", "line 3"),
                Case.of("training: a CSV as the database", List.of("pipeline", "run", "training", "--db", csv),
                        "--db", "SQLite"),
                Case.of("training: one fold", List.of("pipeline", "run", "training", "--db", db, "--folds", "1"),
                        "--folds"),
                Case.of("inference: a file as the output folder", List.of("pipeline", "run", "inference", "--db", db,
                        "--output", csv), "--output"),
                Case.of("inference: one number as the band", List.of("pipeline", "run", "inference", "--db", db,
                        "--output", work, "--uncertainty-band", "0.7"), "--uncertainty-band"),
                Case.of("monitoring: missing serving log", List.of("pipeline", "run", "monitoring", "--serving-log",
                        missing, "--reference-db", db, "--output", work), "--serving-log"),
                Case.of("monitoring: a CSV as the reference", List.of("pipeline", "run", "monitoring",
                        "--serving-log", csv, "--reference-db", csv, "--output", work), "--reference-db"),
                Case.of("drift: share above 1", List.of("drift", "--reference", csv, "--current", csv,
                        "--drift-share", "2"), "--drift-share", "2.0"),
                Case.of("drift: unknown test", List.of("drift", "--reference", csv, "--current", csv, "--stattest",
                        "bogus"), "--stattest", "bogus"),
                Case.of("drift: negative threshold", List.of("drift", "--reference", csv, "--current", csv,
                        "--threshold", "-1"), "--threshold"),
                Case.of("drift: unknown column", List.of("drift", "--reference", csv, "--current", csv, "--columns",
                        "nope"), "--columns", "nope"),
                Case.of("drift: a folder as the current data", List.of("drift", "--reference", csv, "--current",
                        dir), "--current", "folder"),
                Case.of("drift: an unclosed quote", List.of("drift", "--reference", csv, "--current",
                        unclosedQuote.toString()), "quote.csv", "line 2"),
                Case.of("profile: missing input", List.of("profile", "--input", missing), "--input", "missing.csv"),
                Case.of("profile: a folder as the JSON file", List.of("profile", "--input", csv, "--json", dir),
                        "--json"),
                Case.of("validate: a schema that is not JSON", List.of("validate", "--schema", csv, "--input", csv),
                        "--schema", "line 1"),
                Case.of("validate: a schema that is not text", List.of("validate", "--schema", notText.toString(),
                        "--input", csv), "--schema", "UTF-8"),
                Case.of("profile: a file that is not text", List.of("profile", "--input", notText.toString()),
                        "binary.json", "UTF-8"),
                Case.of("validate: unknown format", List.of("validate", "--schema", csv, "--input", csv, "--format",
                        "xml"), "--format", "xml"),
                Case.of("validate: a folder as the quarantine", List.of("validate", "--schema", csv, "--input", csv,
                        "--quarantine", dir), "--quarantine"),
                Case.of("train: unknown target", List.of("train", "--input", csv, "--target", "nope",
                        "--tracking-uri", store), "--target", "nope"),
                Case.of("train: one fold", List.of("train", "--input", csv, "--target", "app_complete_flag",
                        "--folds", "1", "--tracking-uri", store), "--folds"),
                Case.of("train: blank experiment", List.of("train", "--input", csv, "--target", "app_complete_flag",
                        "--experiment", " ", "--tracking-uri", store, "--models", "dummy"), "--experiment"),
                Case.filter("runs search: incomplete filter", List.of("runs", "search", "--tracking-uri", store,
                        "--filter", "metrics.auc >"), "--filter", "metrics.auc >"),
                Case.filter("runs search: bad order", List.of("runs", "search", "--tracking-uri", store,
                        "--order-by", "metrics.auc UP"), "--order-by", "UP"),
                Case.of("runs search: no results", List.of("runs", "search", "--tracking-uri", store,
                        "--max-results", "0"), "--max-results"),
                Case.of("runs search: unknown experiment", List.of("runs", "search", "--tracking-uri", store,
                        "--experiment", "nope"), "--experiment", "nope"),
                Case.of("runs search: not a URI", List.of("runs", "search", "--tracking-uri", "::"),
                        "--tracking-uri"),
                Case.of("runs search: unknown scheme", List.of("runs", "search", "--tracking-uri", "bogus:x"),
                        "--tracking-uri", "bogus:x"),
                Case.of("runs: mistyped command", List.of("runs", "serch"), "serch", "search"),
                Case.of("models: no command", List.of("models"), "Missing a command"),
                Case.of("models list: unknown model", List.of("models", "list", "--tracking-uri", store, "--name",
                        "nope"), "nope"),
                Case.of("models transition: bad stage", List.of("models", "transition", "--tracking-uri", store,
                        "--name", "lead-scoring", "--version", "1", "--stage", "Foo"), "--stage", "Foo"),
                Case.of("models transition: unknown version", List.of("models", "transition", "--tracking-uri",
                        store, "--name", "lead-scoring", "--version", "99", "--stage", "Staging"), "99"),
                Case.of("models transition: version 0", List.of("models", "transition", "--tracking-uri", store,
                        "--name", "lead-scoring", "--version", "0", "--stage", "Staging"), "--version"),
                Case.of("models transition: unknown model", List.of("models", "transition", "--tracking-uri", store,
                        "--name", "nope", "--version", "1", "--stage", "Staging"), "nope"),
                Case.of("models alias: reserved alias", List.of("models", "alias", "--tracking-uri", store, "--name",
                        "lead-scoring", "--version", "1", "--alias", "latest"), "latest"),
                Case.of("models alias: version and delete", List.of("models", "alias", "--tracking-uri", store,
                        "--name", "lead-scoring", "--version", "1", "--delete", "--alias", "champion"), "--delete"),
                Case.of("models alias: model name with a slash", List.of("models", "alias", "--tracking-uri", store,
                        "--name", "a/b", "--version", "1", "--alias", "champion"), "a/b"),
                Case.of("models challenge: negative improvement", concat(challenge, "--version", "1",
                        "--min-improvement", "-1"), "--min-improvement"),
                Case.of("models challenge: unknown metric", concat(challenge, "--version", "1", "--metric", "bogus"),
                        "--metric", "bogus"),
                Case.of("models challenge: unknown version", concat(challenge, "--version", "99"), "99"),
                Case.of("generate: negative rows", List.of("generate", "--output", work + ".csv", "--rows", "-1"),
                        "--rows"),
                Case.of("generate: label noise above 0.5", List.of("generate", "--output", work + ".csv",
                        "--label-noise", "2"), "--label-noise"),
                Case.of("generate: drift of a column that cannot", List.of("generate", "--output", work + ".csv",
                        "--drift", "nope=10"), "nope"),
                Case.of("generate: not a date", List.of("generate", "--output", work + ".csv", "--start",
                        "tomorrow"), "--start", "tomorrow"),
                Case.of("generate: a folder as the output", List.of("generate", "--output", dir), "--output"),
                Case.of("ui: negative port", List.of("ui", "--tracking-uri", store, "--port", "-1"), "--port", "-1"),
                Case.of("ui: every interface without a token", List.of("ui", "--tracking-uri", store, "--port", "0",
                        "--host", "0.0.0.0"), "--token-file"),
                Case.of("ui: a folder as the token file", List.of("ui", "--tracking-uri", store, "--port", "0",
                        "--token-file", dir), "a-folder"),
                Case.of("ui: unknown scheme", List.of("ui", "--tracking-uri", "bogus:x", "--port", "0"),
                        "bogus:x")));
        return cases;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyMistakeInTheArgumentsExitsWithTwoAndOneLineThatNamesIt() {
        List<Case> cases = cases();
        List<CompletableFuture<Outcome>> outcomes = cases.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> mlops(c.args()), processes)).toList();
        return java.util.stream.IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(
                cases.get(i).name(), () -> check(cases.get(i), outcomes.get(i).get(2, TimeUnit.MINUTES))));
    }

    @TestFactory
    Stream<DynamicTest> verbosePrintsTheStackTraceOfABadInput() {
        List<List<String>> commands = List.of(
                List.of("models", "list", "--tracking-uri", store, "--name", "nope", "--verbose"),
                List.of("--verbose", "pipeline", "run", "data", "--input", ragged.toString(), "--db",
                        folder.resolve("verbose.db").toString()));
        return commands.stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args.subList(0, 3)), () -> {
            Outcome verbose = mlops(args);
            assertEquals(ExitCodes.BAD_INPUT, verbose.code(), verbose.err());
            assertTrue(verbose.err().contains("\tat org.mlops4j"), verbose.err());
        }));
    }

    /** A line of progress on long work ({@code Progress.toLine()}), printed before the work met the mistake. */
    private static final java.util.regex.Pattern PROGRESS = java.util.regex.Pattern.compile(
            "^[^\\n]*: .* - \\d+ % - .*elapsed.*$", java.util.regex.Pattern.MULTILINE);

    private static void check(Case c, Outcome outcome) {
        String err = PROGRESS.matcher(outcome.err()).replaceAll("").strip();
        assertEquals(ExitCodes.BAD_INPUT, outcome.code(), c.args() + "\n" + outcome.err());
        assertFalse(err.contains("unexpected error") || err.contains("\tat "), err);
        assertTrue(err.startsWith("mlops"), err);
        List<String> lines = err.lines().toList();
        if (c.filterCaret()) {
            assertEquals(3, lines.size(), err);
            assertTrue(lines.get(2).strip().equals("^"), "the caret under the problem: " + err);
        } else {
            assertEquals(1, lines.size(), "one line: " + err);
        }
        for (String mention : c.mentions()) {
            assertTrue(err.contains(mention), "names " + mention + ": " + err);
        }
    }

    private static Outcome mlops(List<String> args) {
        return mlops(classArchive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + classArchive), args);
    }

    /** Runs {@code mlops} with the test's class path in a new JVM tuned for start-up, in the temporary folder. */
    private static Outcome mlops(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MlopsCommand.class.getName()));
        command.addAll(args);
        try {
            Path err = Files.createTempFile(folder, "err", ".txt");
            Process process = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Outcome(-1, "did not finish in 90 s: " + args);
            }
            return new Outcome(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running mlops " + args, e);
        }
    }
}
