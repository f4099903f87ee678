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
        BigDecimal decimal = shortest(Math.abs(value));
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String power = String.valueOf(Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (power.length() < 2 ? "0" + power : power);
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /**
     * The fewest significant digits that read back to the value, the closest of them to it (Python's rule). The
     * Schubfach algorithm of Jackson's {@link NumberOutput} (the one behind {@link Double#toString} since Java 19)
     * finds them, but writes at least two digits where one would do ({@code 4.9E-324} for Python's {@code 5e-324}):
     * only such two-digit answers are tried with one digit less. {@link Double#toString} of Java 17 is not used: it
     * writes more digits than needed for some values.
     */
    private static BigDecimal shortest(double positive) {
        BigDecimal best = new BigDecimal(NumberOutput.toString(positive, true)).stripTrailingZeros();
        if (best.precision() != 2) {
            return best;
        }
        BigDecimal shorter = new BigDecimal(positive).round(new MathContext(1, RoundingMode.HALF_EVEN));
        return shorter.doubleValue() == positive ? shorter.stripTrailingZeros() : best;
    }
}
