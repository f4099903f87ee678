package org.mlops4j.tck.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Starts {@link RegistryWriterProcess} JVMs with this JVM's java command and class path, and reads their output. */
public final class WriterProcesses {

    /** One started writer and the lines it printed so far. */
    public static final class Writer {
        public final Process process;
        public final List<String> lines = new CopyOnWriteArrayList<>();
        final Path errors;

        Writer(Process process, Path errors) {
            this.process = process;
            this.errors = errors;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process was killed; what was read is kept
                }
            }, "writer-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** @return the version numbers the writer reported */
        public List<Integer> registered() {
            List<Integer> numbers = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("registered ")) {
                    numbers.add(Integer.parseInt(line.substring("registered ".length())));
                }
            }
            return numbers;
        }

        public void awaitLines(String what, java.util.function.Predicate<Writer> done, long timeoutSeconds)
                throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!done.test(this)) {
                if (System.nanoTime() > deadline || !process.isAlive() && !done.test(this)) {
                    throw new AssertionError("Writer did not " + what + " (alive: " + process.isAlive()
                            + ", output: " + lines + ", errors: " + errorText() + ")");
                }
                Thread.sleep(5);
            }
        }

        /** @return the calls made and the calls failed, from the writer's last line */
        public long[] done() {
            String[] parts = lines.stream().filter(l -> l.startsWith("done ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no summary line: " + lines + errorText())).split(" ");
            return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
        }

        public String errorText() {
            try {
                return Files.exists(errors) ? Files.readString(errors) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private WriterProcesses() {
    }

    public static Writer start(URI location, String model, String writer, int count, Path startFile, Path workFolder)
            throws IOException {
        return start(RegistryWriterProcess.class, workFolder, writer, location.toString(), model, writer,
                Integer.toString(count), startFile.toString());
    }

    /**
     * @param main       the class whose {@code main} to run
     * @param workFolder where the process's error output goes, as {@code <name>.err}
     * @param name       the writer's name
     * @param args       the arguments
     * @return the started writer
     */
    public static Writer start(Class<?> main, Path workFolder, String name, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path errors = workFolder.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(errors.toFile());
        return new Writer(builder.start(), errors);
    }
}
