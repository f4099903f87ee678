package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The executable jar that {@code package} builds ({@code -Dmlops.jar} or {@code target/mlops.jar}), run as a process. */
final class MlopsJar {

    /** Exit code and output of one run. */
    record Outcome(int code, String out, String err) {
    }

    private final Path jar;
    private final Path outputs;

    private MlopsJar(Path jar, Path outputs) {
        this.jar = jar;
        this.outputs = outputs;
    }

    /**
     * @param outputs where each run's standard output and error are kept
     * @return the built jar; the test fails when it has not been packaged
     */
    static MlopsJar built(Path outputs) {
        Path jar = Path.of(System.getProperty("mlops.jar", "target/mlops.jar"));
        assertTrue(Files.isRegularFile(jar), "run 'mvn verify' so that package builds " + jar.toAbsolutePath());
        return new MlopsJar(jar, outputs);
    }

    /**
     * Runs {@code java -jar mlops.jar ARGS} and waits up to two minutes for it.
     *
     * @param args the command line
     * @return its exit code and output
     */
    Outcome run(String... args) throws IOException, InterruptedException {
        return run(java.util.Map.of(), args);
    }

    /**
     * Runs {@code java -jar mlops.jar ARGS} with more environment variables and waits up to two minutes for it.
     *
     * @param environment variables added to this process's environment, such as {@code MLOPS_TRACKING_URI}
     * @param args        the command line
     * @return its exit code and output
     */
    Outcome run(java.util.Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = command(args);
        Path out = Files.createTempFile(outputs, "out", ".txt");
        Path err = Files.createTempFile(outputs, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mlops.jar " + String.join(" ", args) + " did not finish in two minutes");
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts {@code java -jar mlops.jar ARGS} for a command that runs until stopped, such as {@code serve}, and waits
     * up to a minute for the first line of its standard output.
     *
     * @param args the command line
     * @return the running process and that line; the caller stops it with {@link Running#close()}
     * @throws AssertionError when it exits or prints nothing within the minute (with its standard error)
     */
    Running start(String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile(outputs, "err", ".txt");
        Process process = new ProcessBuilder(command(args)).redirectError(err.toFile()).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8));
        java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                });
        String line;
        try {
            line = first.get(1, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            line = null;
        }
        if (line == null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("mlops.jar " + String.join(" ", args) + " printed nothing: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Running(process, line);
    }

    /** A command that runs until stopped; closing stops it (as Ctrl-C does) and waits for it to end. */
    record Running(Process process, String firstLine) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the process did not stop within 30 s of SIGTERM");
            }
        }
    }
}
