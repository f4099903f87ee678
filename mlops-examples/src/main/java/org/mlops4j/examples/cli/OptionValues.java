package org.mlops4j.examples.cli;

import java.util.function.Supplier;
import org.mlops4j.core.CausedByInput;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Hands an option's value to the library and, when the library's check rejects it, names the option in the message:
 * {@code Invalid value for option '--drift-share': The drift share must be in (0, 1], got 2.0}. The rule stays in
 * the library, in one place; the command only says which option broke it.
 */
final class OptionValues {

    private OptionValues() {
    }

    /**
     * @param spec   the command
     * @param option the option whose value {@code use} passes on, such as {@code --drift-share}
     * @param use    the library call that takes and checks the value
     * @param <T>    what the call returns
     * @return what the call returns
     * @throws ParameterException when the call rejects the value with an {@link IllegalArgumentException} or a
     *                            {@link CausedByInput} exception (kept as the cause)
     */
    static <T> T apply(CommandSpec spec, String option, Supplier<T> use) {
        try {
            return use.get();
        } catch (RuntimeException e) {
            if (!(e instanceof IllegalArgumentException) && !(e instanceof CausedByInput)) {
                throw e;
            }
            throw invalid(spec, option, e.getMessage(), e);
        }
    }

    /**
     * @param spec    the command
     * @param option  the option, such as {@code --max-results}
     * @param problem what is wrong with its value and what would be accepted
     * @param cause   the library's exception, or {@code null}
     * @return the usage error to throw
     */
    static ParameterException invalid(CommandSpec spec, String option, String problem, Throwable cause) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem,
                cause);
    }
}
