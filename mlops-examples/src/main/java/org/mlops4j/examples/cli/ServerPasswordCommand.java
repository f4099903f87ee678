package org.mlops4j.examples.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.server.Access;
import org.mlops4j.server.AccessCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlops server-password USER}: prints a line of a password file for {@code mlops server --password-file}, the
 * password read from the terminal (not echoed) or, without one, from the first line of standard input; the password
 * never appears on the command line.
 */
@Command(name = "server-password", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print a user's line for 'mlops server --password-file FILE' (HTTP basic authentication, as "
            + "MLflow's basic-auth app): the password, read from the terminal or standard input, is kept as a PBKDF2 "
            + "hash. Append the line to the file: mlops server-password ana >> users.txt")
final class ServerPasswordCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USER", description = "The user name (letters, digits, . _ @ -).")
    private String user;

    @Option(names = "--read-only", description = "The user may only read (GETs and searches); writes answer 403.")
    private boolean readOnly;

    @Override
    public Integer call() throws IOException {
        char[] password = password();
        if (password.length == 0) {
            throw new ConfigurationException("No password was given for user '" + user + "': type it at the prompt "
                    + "or pipe it on standard input.");
        }
        String line;
        try {
            line = AccessCredentials.passwordLine(user, readOnly ? Access.READ_ONLY : Access.READ_WRITE, password);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + ".", e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static char[] password() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? new char[0] : typed;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
