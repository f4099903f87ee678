package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.server.Access;
import org.mlops4j.server.AccessCredentials;
import picocli.CommandLine;

class ServerPasswordCommandTest {

    @Test
    void printsAPasswordFileLineThatTheServerReadsBack(@TempDir Path folder) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new MlopsCommand()).setOut(new PrintWriter(out, true));
        InputStream stdin = System.in;
        int code;
        try {
            System.setIn(new ByteArrayInputStream("dashboards only\n".getBytes(StandardCharsets.UTF_8)));
            code = command.execute("server-password", "grafana", "--read-only");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, code);
        String line = out.toString().strip();
        assertFalse(line.contains("dashboards only"), "the password is not printed");
        Path users = Files.writeString(folder.resolve("users"), line + "\n");
        AccessCredentials credentials = AccessCredentials.readPasswordFile(users);
        assertEquals(Optional.of(Access.READ_ONLY), credentials.ofUser("grafana", "dashboards only"));
        assertEquals(Optional.empty(), credentials.ofUser("grafana", "dashboards"));
    }
}
