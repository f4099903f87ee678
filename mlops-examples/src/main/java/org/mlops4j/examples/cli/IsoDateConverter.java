package org.mlops4j.examples.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a date option such as {@code 2021-07-01}, with a message that shows the expected form rather than Java's. */
final class IsoDateConverter implements ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date of the form YYYY-MM-DD, such as"
                    + " 2021-07-01");
        }
    }
}
