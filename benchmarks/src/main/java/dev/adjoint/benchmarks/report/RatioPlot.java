package dev.adjoint.benchmarks.report;

import static dev.adjoint.benchmarks.report.Format.times;
import static dev.adjoint.benchmarks.report.Results.GMM_METHODS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code docs/gmm-ratios.svg}: gradient time / objective time per GMM size on a log scale, one line
 * per method, the field's medians ({@link FieldMedians}) as dashed reference lines. Written as
 * plain SVG text: the module has no plotting library.
 */
final class RatioPlot {
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};

    private RatioPlot() {}

    /** The plot of a run; {@code mode} ({@code quick}, {@code full} or empty) goes into the title. */
    static String render(Results results, String mode) {
        List<String> sizes = results.sizes();
        int width = 960;
        int height = 600;
        int left = 70;
        int right = 170;
        int top = 60;
        int bottom = 160;
        int pad = 30; // between the frame and the first and last size
        double plotW = width - left - right;
        double plotH = height - top - bottom;

        double lo = 1;
        double hi = 10;
        for (String m : GMM_METHODS.keySet()) {
            for (double r : results.ratios(m, sizes)) {
                if (!Double.isNaN(r)) {
                    lo = Math.min(lo, r);
                    hi = Math.max(hi, r);
                }
            }
        }
        for (double f : FieldMedians.MEDIANS) {
            hi = Math.max(hi, f);
        }
        double logLo = Math.floor(Math.log10(lo));
        double logHi = Math.ceil(Math.log10(hi));
        if (logHi - logLo < 1) {
            logHi = logLo + 1;
        }
        final double fLogLo = logLo;
        final double fLogHi = logHi;
        java.util.function.DoubleUnaryOperator y = v -> top + plotH * (fLogHi - Math.log10(v)) / (fLogHi - fLogLo);
        java.util.function.IntToDoubleFunction x = i ->
                left + pad + (sizes.size() == 1 ? (plotW - 2 * pad) / 2 : (plotW - 2 * pad) * i / (sizes.size() - 1.0));

        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n",
                width,
                height,
                width,
                height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">GMM gradient time / objective time"
                        + "%s, ADBench sizes, N = 1000</text>%n",
                left,
                mode.isEmpty() ? "" : " (JMH, " + esc(mode) + " mode)"));
        b.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"42\" fill=\"#555\">log scale; each ratio is against the plain-Java objective"
                        + " of the same size in the same JMH run; dashed: the field's medians (GradBench 2026)</text>%n",
                left));

        // grid and y axis
        for (int e = (int) logLo; e <= (int) logHi; e++) {
            for (int mlt = 1; mlt < 10; mlt++) {
                double v = mlt * Math.pow(10, e);
                if (Math.log10(v) > logHi + 1e-9) {
                    break;
                }
                double yy = y.applyAsDouble(v);
                b.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                        left,
                        yy,
                        left + plotW,
                        yy,
                        mlt == 1 ? "#ccc" : "#eee"));
                if (mlt == 1 || (logHi - logLo <= 2 && (mlt == 2 || mlt == 5))) {
                    b.append(String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s×</text>%n",
                            left - 6,
                            yy + 4,
                            label(v)));
                }
            }
        }
        b.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n",
                left,
                top,
                plotW,
                plotH));
        b.append(String.format(
                Locale.ROOT,
                "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">"
                        + "gradient time / objective time</text>%n",
                top + plotH / 2));

        // x axis labels
        for (int i = 0; i < sizes.size(); i++) {
            double xx = x.applyAsDouble(i);
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>%n",
                    xx,
                    top + plotH,
                    xx,
                    top + plotH + 4));
            b.append(String.format(
                    Locale.ROOT,
                    "<text transform=\"translate(%.1f %.1f) rotate(-45)\" text-anchor=\"end\">%s</text>%n",
                    xx + 3,
                    top + plotH + 16,
                    esc(sizes.get(i))));
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#777\" font-size=\"9\">%,d</text>%n",
                    xx,
                    top + plotH - 4,
                    Results.parameters(sizes.get(i))));
        }
        b.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">size (grey numbers: parameter count)</text>%n",
                left + plotW / 2,
                top + plotH + 82));

        // reference lines
        for (int i = 0; i < FieldMedians.MEDIANS.length; i++) {
            double yy = y.applyAsDouble(FieldMedians.MEDIANS[i]);
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"6 4\"/>%n",
                    left,
                    yy,
                    left + plotW,
                    yy));
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555\">%s %s×</text>%n",
                    left + plotW + 6,
                    yy + 4,
                    esc(FieldMedians.NAMES[i]),
                    label(FieldMedians.MEDIANS[i])));
        }

        // method lines
        int c = 0;
        List<String[]> legend = new ArrayList<>();
        for (Map.Entry<String, String> m : GMM_METHODS.entrySet()) {
            String color = COLORS[c++ % COLORS.length];
            List<Double> r = results.ratios(m.getKey(), sizes);
            if (r.stream().allMatch(v -> Double.isNaN(v))) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < sizes.size(); i++) {
                double v = r.get(i);
                if (Double.isNaN(v)) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : (path.length() == 0 ? "M" : " M"))
                        .append(String.format(Locale.ROOT, "%.1f %.1f", x.applyAsDouble(i), y.applyAsDouble(v)));
                pen = true;
            }
            b.append(String.format(
                    Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, color));
            for (int i = 0; i < sizes.size(); i++) {
                double v = r.get(i);
                if (!Double.isNaN(v)) {
                    b.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s at %s: %s</title></circle>%n",
                            x.applyAsDouble(i),
                            y.applyAsDouble(v),
                            color,
                            esc(m.getValue()),
                            esc(sizes.get(i)),
                            times(v)));
                }
            }
            legend.add(new String[] {color, m.getValue() + " (median " + times(Results.median(r)) + ")"});
        }
        // legend: below the plot, three entries a row
        double legendTop = top + plotH + 100;
        for (int i = 0; i < legend.size(); i++) {
            double lx = left + (i % 3) * 260;
            double ly = legendTop + (i / 3) * 20;
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    lx,
                    ly,
                    lx + 22,
                    ly,
                    legend.get(i)[0]));
            b.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                    lx + 11,
                    ly,
                    legend.get(i)[0]));
            b.append(String.format(
                    Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", lx + 28, ly + 4, esc(legend.get(i)[1])));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** An axis or reference value: {@code 2.22}, {@code 10}, {@code 1,000}. */
    private static String label(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }

    /** Escapes text for SVG. */
    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
