package org.mlops4j.tck.registry;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.NewModelVersion;

/**
 * A JVM for the multi-process tests in which several threads register versions of the same two models
 * ({@link #MODELS}) as the other processes, and promote some of them to Production while the others register. It
 * prints {@code ready}, waits for a start file, then each thread registers {@code count} versions, alternating
 * between the models, and promotes every {@value #PROMOTE_EVERY}th version it registered (archiving the version in
 * Production). A failed call is counted and printed, never retried.
 *
 * <p>Arguments: registry URI, writer number, threads, registrations per thread, start file. Output lines:
 * {@code ready}, {@code registered <model> <number> <source>}, {@code promoted <model> <number>},
 * {@code error <exception>}, and at the end {@code done <calls> <errors>}.
 */
public final class SharedModelsWriterProcess {

    /** The models that every thread registers versions of. */
    public static final List<String> MODELS = List.of("alpha", "beta");
    /** Every how many registrations a thread promotes the version it registered last. */
    public static final int PROMOTE_EVERY = 5;

    private SharedModelsWriterProcess() {
    }

    /**
     * @param args registry URI, writer number, threads, registrations per thread, start file
     * @throws Exception when the start file cannot be awaited
     */
    public static void main(String[] args) throws Exception {
        URI location = URI.create(args[0]);
        String writer = args[1];
        int threads = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        Path start = Path.of(args[4]);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Mlops mlops = Mlops.builder().build();
        try (ModelRegistry registry = mlops.modelRegistryProvider(location).open(location, mlops.config())) {
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(start)) {
                Thread.sleep(2);
            }
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(new Thread(() -> {
                    for (int i = 0; i < count; i++) {
                        String model = MODELS.get(i % MODELS.size());
                        String source = "runs:/w" + writer + "t" + thread + "i" + i + "/model";
                        calls.incrementAndGet();
                        try {
                            int number = registry.register(NewModelVersion.builder(model, source).build()).version();
                            print("registered " + model + " " + number + " " + source);
                            if ((i + 1) % PROMOTE_EVERY == 0) {
                                calls.incrementAndGet();
                                registry.transitionStage(model, number, ModelStage.PRODUCTION, true);
                                print("promoted " + model + " " + number);
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            print("error " + e.toString().replace('\n', ' '));
                        }
                    }
                }, "registrar-" + writer + "-" + thread));
            }
            workers.forEach(Thread::start);
            for (Thread worker : workers) {
                worker.join();
            }
        }
        print("done " + calls.get() + " " + errors.get());
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
