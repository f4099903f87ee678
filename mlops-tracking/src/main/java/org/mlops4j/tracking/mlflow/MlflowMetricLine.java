package org.mlops4j.tracking.mlflow;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.mlops4j.core.tracking.Metric;

/**
 * One line of a metric file as MLflow's {@code FileStore._log_run_metric} appends it:
 * {@code f"{metric.timestamp} {metric.value} {metric.step}\n"}, the value in Python's {@code repr} of a float
 * ({@code 0.5}, {@code 100.0}, {@code 1e-05}, {@code 1.2345678901234568e+17}, {@code nan}, {@code inf},
 * {@code -inf}): the shortest digits that read back to the same double, in fixed notation when the decimal exponent
 * is from -5 (exclusive) to 16 (exclusive), else as {@code d.ddde±XX}.
 */
final class MlflowMetricLine {

    private MlflowMetricLine() {
    }

    /**
     * @param metric a value
     * @return its line, with the trailing {@code \n}
     */
    static String format(Metric metric) {
        return metric.timestamp() + " " + pythonRepr(metric.value()) + " " + metric.step() + "\n";
    }

    /**
     * @param value a double
     * @return what Python's {@code str(float)} writes for it
     */
    static String pythonRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = value < 0 || (value == 0 && 1 / value < 0) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        Shortest shortest = Shortest.of(Math.abs(value));
        String digits = shortest.digits();
        int exponent = shortest.exponent();
        StringBuilder out = new StringBuilder(digits.length() + 8).append(sign);
        if (exponent < -4 || exponent >= 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int power = Math.abs(exponent);
            return out.append('e').append(exponent < 0 ? '-' : '+').append(power < 10 ? "0" : "").append(power)
                    .toString();
        }
        if (exponent < 0) {
            return out.append("0.").append("0".repeat(-exponent - 1)).append(digits).toString();
        }
        if (digits.length() <= exponent + 1) {
            return out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0").toString();
        }
        return out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length())
                .toString();
    }

    /**
     * A positive finite double's shortest decimal: its significant digits (no leading or trailing zeros) and the
     * decimal exponent of the first of them ({@code 0.00125} is {@code "125"} and {@code -3}). These are the fewest
     * significant digits that read back to the value, the closest of them to it (Python's rule). The Schubfach
     * algorithm of Jackson's {@link NumberOutput} (the one behind {@link Double#toString} since Java 19) finds them,
     * but writes at least two digits where one would do ({@code 4.9E-324} for Python's {@code 5e-324}): only such
     * two-digit answers are tried with one digit less. {@link Double#toString} of Java 17 is not used: it writes more
     * digits than needed for some values.
     */
    private record Shortest(String digits, int exponent) {

        static Shortest of(double positive) {
            Shortest read = read(NumberOutput.toString(positive, true));
            if (read.digits().length() != 2) {
                return read;
            }
            BigDecimal one = new BigDecimal(positive).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() != positive) {
                return read;
            }
            String digit = one.unscaledValue().toString();
            return new Shortest(digit.substring(0, 1), digit.length() - 1 - one.scale());
        }

        /** Reads Java's notation ({@code 0.00125}, {@code 125.0}, {@code 1.25E-7}) without building numbers. */
        private static Shortest read(String text) {
            int e = text.indexOf('E');
            String mantissa = e < 0 ? text : text.substring(0, e);
            int power = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
            int dot = mantissa.indexOf('.');
            String all = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int point = (dot < 0 ? mantissa.length() : dot) + power;
            int first = 0;
            while (first < all.length() - 1 && all.charAt(first) == '0') {
                first++;
            }
            int last = all.length();
            while (last > first + 1 && all.charAt(last - 1) == '0') {
                last--;
            }
            return new Shortest(all.substring(first, last), point - first - 1);
        }
    }
}
