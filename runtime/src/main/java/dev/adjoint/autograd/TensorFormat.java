package dev.adjoint.autograd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's tensor printing ({@code torch/_tensor_str.py}) with its default print options, for
 * 0-D and 1-D floating tensors. One {@link Elements} formatter, chosen from all the values,
 * formats every element to a common width, so signs and digits line up:
 * <ul>
 *   <li><em>integer mode</em> when every finite value is integral: {@code 3.}</li>
 *   <li><em>scientific mode</em> when max/min of the nonzero finite magnitudes exceeds 1000, the
 *       max exceeds 1e8, or (not integer mode) the min is below 1e-4: {@code 6.4465e-01}</li>
 *   <li>otherwise <em>fixed</em>, 4 decimals: {@code 1.3505}</li>
 * </ul>
 * Decimal rounding is Python's: exact binary value, ties to even. More than 1000 elements are
 * summarized as the first and last 3 around {@code ...}; lines wrap at 80 columns.
 */
final class TensorFormat {
    private static final int PRECISION = 4;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 80;
    private static final String PREFIX = "tensor(";

    private TensorFormat() {}

    /**
     * {@code tensor(<values>[, grad_fn=<name>][, requires_grad=True])}; {@code gradFn} is the
     * grad_fn's name or null.
     */
    static String format(double[] values, boolean zeroDim, String gradFn, boolean requiresGrad) {
        int indent = PREFIX.length();
        String body;
        if (values.length == 0) {
            body = "[]";
        } else if (zeroDim) {
            body = new Elements(values).format(values[0]);
        } else {
            boolean summarize = values.length > THRESHOLD;
            body = vector(values, indent, summarize, new Elements(summarize ? edges(values) : values));
        }
        List<String> suffixes = new ArrayList<>();
        if (gradFn != null) {
            suffixes.add("grad_fn=<" + gradFn + ">");
        } else if (requiresGrad) {
            suffixes.add("requires_grad=True");
        }
        return addSuffixes(PREFIX + body, suffixes, indent);
    }

    /** {@code _vector_str}: elements joined by ", ", as many per line as fit in 80 columns. */
    private static String vector(double[] values, int indent, boolean summarize, Elements formatter) {
        int elementLength = formatter.width + 2; // with ", "
        int perLine = Math.max(1, (LINE_WIDTH - indent) / elementLength);
        List<String> data = new ArrayList<>();
        if (summarize && values.length > 2 * EDGE_ITEMS) {
            for (int i = 0; i < EDGE_ITEMS; i++) {
                data.add(formatter.format(values[i]));
            }
            data.add(" ...");
            for (int i = values.length - EDGE_ITEMS; i < values.length; i++) {
                data.add(formatter.format(values[i]));
            }
        } else {
            for (double v : values) {
                data.add(formatter.format(v));
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.size(); i += perLine) {
            lines.add(String.join(", ", data.subList(i, Math.min(i + perLine, data.size()))));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /** {@code get_summarized_data}: the elements a summarized print shows, which pick the mode. */
    private static double[] edges(double[] values) {
        double[] e = new double[2 * EDGE_ITEMS];
        System.arraycopy(values, 0, e, 0, EDGE_ITEMS);
        System.arraycopy(values, values.length - EDGE_ITEMS, e, EDGE_ITEMS, EDGE_ITEMS);
        return e;
    }

    /**
     * {@code _add_suffixes}, including its reckoning of the last line's length (the string's
     * length plus 2 when it has no newline), which decides when a suffix moves to its own line.
     */
    private static String addSuffixes(String tensorStr, List<String> suffixes, int indent) {
        StringBuilder out = new StringBuilder(tensorStr);
        int lastLineLength = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > LINE_WIDTH) {
                out.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                out.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return out.append(')').toString();
    }

    /** {@code _Formatter}: the mode and common width for one tensor's elements. */
    static final class Elements {
        private boolean intMode = true;
        private boolean sciMode;
        private int width = 1;

        Elements(double[] values) {
            double min = Double.POSITIVE_INFINITY;
            double max = 0.0;
            boolean any = false;
            for (double v : values) {
                if (Double.isFinite(v) && v != 0.0) {
                    any = true;
                    min = Math.min(min, Math.abs(v));
                    max = Math.max(max, Math.abs(v));
                    intMode &= v == Math.ceil(v);
                }
            }
            if (!any) {
                return; // zeros and non-finite values only: integer mode, width 1
            }
            sciMode = max / min > 1000.0 || max > 1.0e8 || (!intMode && min < 1.0e-4);
            for (double v : values) {
                if (Double.isFinite(v) && v != 0.0) {
                    int w = sciMode
                            ? scientific(v).length()
                            : intMode
                                    ? fixed(v, 0).length() + 1 // the "." that marks a float
                                    : fixed(v, PRECISION).length();
                    width = Math.max(width, w);
                }
            }
        }

        /** One element, left-padded to the common width. */
        String format(double v) {
            String s;
            if (sciMode) {
                s = scientific(v);
            } else if (intMode) {
                s = Double.isFinite(v) ? fixed(v, 0) + "." : fixed(v, 0);
            } else {
                s = fixed(v, PRECISION);
            }
            return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
        }
    }

    /** Python's {@code "{:.<decimals>f}".format(v)}: the exact value rounded half-even. */
    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return sign(v)
                + new BigDecimal(Math.abs(v))
                        .setScale(decimals, RoundingMode.HALF_EVEN)
                        .toPlainString();
    }

    /**
     * Python's {@code "{:.4e}".format(v)}: five significant digits of the exact value rounded
     * half-even, and an exponent of at least two digits, always signed: {@code 9.9570e-03}.
     */
    static String scientific(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        double a = Math.abs(v);
        String digits;
        int exponent;
        if (a == 0.0) {
            digits = "0";
            exponent = 0;
        } else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
            digits = r.unscaledValue().toString(); // at most PRECISION + 1 digits, no trailing-zero padding
            exponent = r.precision() - r.scale() - 1;
        }
        digits = digits + "0".repeat(PRECISION + 1 - digits.length());
        int e = Math.abs(exponent);
        return sign(v) + digits.charAt(0) + "." + digits.substring(1) + "e" + (exponent < 0 ? "-" : "+")
                + (e < 10 ? "0" : "") + e;
    }

    /** "-" for negative values including -0.0, as Python prints them. */
    private static String sign(double v) {
        return Double.doubleToRawLongBits(v) < 0 ? "-" : "";
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
}
