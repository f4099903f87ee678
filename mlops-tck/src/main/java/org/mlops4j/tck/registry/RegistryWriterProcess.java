package org.mlops4j.tck.registry;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.NewModelVersion;

/**
 * A separate JVM that registers versions of one model, for the multi-process tests. It prints {@code ready}, waits
 * until a start file exists, then registers versions and prints {@code registered <number>} after each.
 *
 * <p>Arguments: registry URI, model name, writer id, number of versions (0 for "until killed"), start file.
 */
public final class RegistryWriterProcess {

    public static final Schema SCHEMA = Schema.builder().column("age", ColumnType.NUMERIC).build();

    private RegistryWriterProcess() {
    }

    /**
     * @param args registry URI, model name, writer id, count, start file
     * @throws Exception when registering fails (the parent sees a non-zero exit code)
     */
    public static void main(String[] args) throws Exception {
        URI location = URI.create(args[0]);
        String model = args[1];
        String writer = args[2];
        int count = Integer.parseInt(args[3]);
        Path start = Path.of(args[4]);
        Mlops mlops = Mlops.builder().build();
        try (ModelRegistry registry = mlops.modelRegistryProvider(location).open(location, mlops.config())) {
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(start)) {
                Thread.sleep(5);
            }
            for (int i = 0; count == 0 || i < count; i++) {
                int number = registry.register(NewModelVersion.builder(model, "runs:/" + writer + "x" + i + "/model")
                        .inputSchema(SCHEMA).tag("writer", writer).tag("i", Integer.toString(i)).build()).version();
                System.out.println("registered " + number);
                System.out.flush();
                if (count > 0) {
                    // a short pause keeps both writers busy over the same window even on a loaded machine, so
                    // that the test really sees them interleave
                    Thread.sleep(10);
                }
            }
        }
    }
}
