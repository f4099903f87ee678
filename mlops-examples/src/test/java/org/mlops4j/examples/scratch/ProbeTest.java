package org.mlops4j.examples.scratch;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mlops4j.examples.cli.MlopsCommand;

class ProbeTest {
    static {
        System.setProperty("org.slf4j.simpleLogger.logFile", "/tmp/lsb/slf4j.log");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
    @Test
    void probe() throws Exception {
        Path dir = Path.of(System.getProperty("probe.dir", "/tmp/lsb/demo"));
        try (PrintWriter out = new PrintWriter(new java.io.FileWriter("/tmp/lsb/probe.log"), true)) {
            int code = MlopsCommand.execute(out, out, "demo", "--workdir", dir.toString(),
                "--rows", System.getProperty("probe.rows", "3000"), "--verbose");
            out.println("exit " + code);
        }
    }
}
