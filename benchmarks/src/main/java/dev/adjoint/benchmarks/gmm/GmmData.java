package dev.adjoint.benchmarks.gmm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StreamTokenizer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ADBench GMM instance: {@code K} components in {@code D} dimensions, {@code N} points.
 *
 * <p>Layouts (ADBench's): {@code means[c·D + j]}, {@code icf} per component first the {@code D}
 * logs of {@code Q}'s diagonal then its strictly lower part column by column,
 * {@code x[i·D + j]}; the gradient layout is {@code [d alphas (K) | d means (K·D) | d icf]}.
 *
 * <pre>
 * z_ic = Q_c (x_i − μ_c),  b_ic = α_c + Σ_j q_c[j] − ½ |z_ic|²
 * f    = −N·D·½·ln(2π) + Σ_i logsumexp_c(b_ic) − N·logsumexp_c(α_c)
 *        + Σ_c [ ½γ² (Σ_j exp(q_c[j])² + Σ_t l_c[t]²) − m Σ_j q_c[j] ] − K·C(D, γ, m)
 * </pre>
 *
 * <h2>Generated inputs</h2>
 * {@link #generate} follows the rule of ADBench's {@code data/gmm/gmm-data-gen.py}, which wrote
 * the {@code gmm/1k} files: {@code alphas}, {@code icf} and {@code x} are standard normal
 * {@code N(0, 1)}, {@code means} are uniform on {@code [0, 1)}, every value is rounded to 6 decimals
 * (the files' {@code %.6f}), {@code γ = 1}, {@code m = 0}, {@code N = 1000}. The streams are
 * {@link java.util.Random} (whose algorithms, including {@code nextGaussian}, the JDK specifies, so
 * the data are identical on every JVM): normals from {@code new Random(seed)}, uniforms from
 * {@code new Random(seed + 1)}, drawn in file order (alphas, means, icf, x). The default seed is
 * {@link #DEFAULT_SEED}. The arrays are therefore shaped and distributed like ADBench's files,
 * though not the same numbers; {@link #read} reads the real files when they are at hand.
 *
 * <p>The arrays are shared, not copied. Treat them as read-only.
 */
public record GmmData(int d, int k, int n, double[] alphas, double[] means, double[] icf, double[] x,
        double gamma, int m) {

    /** The seed of the generated benchmark inputs (the date the rule was fixed, 2026-11-25). */
    public static final long DEFAULT_SEED = 20261125L;

    /** ADBench's point count of the {@code gmm/1k} set. */
    public static final int N_1K = 1000;

    private static final Pattern SIZE = Pattern.compile("d(\\d+)_K(\\d+)");

    /** Checks the shapes. */
    public GmmData {
        if (d < 1 || k < 1 || n < 1) {
            throw new IllegalArgumentException("D, K and N must be positive, got D=" + d + " K=" + k + " N=" + n);
        }
        requireLength("alphas", alphas, k);
        requireLength("means", means, k * d);
        requireLength("icf", icf, k * icfSize(d));
        requireLength("x", x, n * d);
    }

    /** {@code D(D+1)/2}: one component's {@code icf} length. */
    public static int icfSize(int d) {
        return d * (d + 1) / 2;
    }

    /** {@code K + K·D + K·D(D+1)/2}: the gradient's length. */
    public int parameterCount() {
        return alphas.length + means.length + icf.length;
    }

    /** ADBench's name of this size, {@code d10_K5}. */
    public String sizeName() {
        return "d" + d + "_K" + k;
    }

    /** Copies of the parameter arrays, so that a caller may perturb them (finite differences). */
    public GmmData withCopiedParameters() {
        return new GmmData(d, k, n, alphas.clone(), means.clone(), icf.clone(), x, gamma, m);
    }

    /** A fresh array in the gradient layout {@code [alphas | means | icf]}. */
    public double[] parameters() {
        double[] p = new double[parameterCount()];
        System.arraycopy(alphas, 0, p, 0, alphas.length);
        System.arraycopy(means, 0, p, alphas.length, means.length);
        System.arraycopy(icf, 0, p, alphas.length + means.length, icf.length);
        return p;
    }

    /** This instance with the parameters {@code p} (gradient layout); {@code x} is shared. */
    public GmmData withParameters(double[] p) {
        requireLength("parameters", p, parameterCount());
        int a = alphas.length;
        int mu = means.length;
        return new GmmData(d, k, n, java.util.Arrays.copyOfRange(p, 0, a), java.util.Arrays.copyOfRange(p, a, a + mu),
                java.util.Arrays.copyOfRange(p, a + mu, p.length), x, gamma, m);
    }

    /** The objective at this instance (static-strategy copy; all copies share one body). */
    public double objective() {
        return GmmObjective.objective(alphas, means, icf, x, d, k, n, gamma, m);
    }

    /**
     * An input shaped like ADBench's {@code gmm_d{D}_K{K}.txt} of the 1k set; see the class comment
     * for the rule.
     *
     * @param size {@code d{D}_K{K}}, for instance {@code d10_K5}
     */
    public static GmmData generate(String size, long seed) {
        Matcher mt = SIZE.matcher(size);
        if (!mt.matches()) {
            throw new IllegalArgumentException("a GMM size is d{D}_K{K}, for instance d10_K5; got '" + size + "'");
        }
        return generate(Integer.parseInt(mt.group(1)), Integer.parseInt(mt.group(2)), N_1K, seed);
    }

    /** An input of ADBench's shape and distribution (see the class comment). */
    public static GmmData generate(int d, int k, int n, long seed) {
        Random normal = new Random(seed);
        Random uniform = new Random(seed + 1);
        double[] alphas = new double[k];
        double[] means = new double[k * d];
        double[] icf = new double[k * icfSize(d)];
        double[] x = new double[n * d];
        for (int i = 0; i < alphas.length; i++) {
            alphas[i] = round6(normal.nextGaussian());
        }
        for (int i = 0; i < means.length; i++) {
            means[i] = round6(uniform.nextDouble());
        }
        for (int i = 0; i < icf.length; i++) {
            icf[i] = round6(normal.nextGaussian());
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = round6(normal.nextGaussian());
        }
        return new GmmData(d, k, n, alphas, means, icf, x, 1.0, 0);
    }

    /** What ADBench's {@code %.6f} keeps of a value. */
    static double round6(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6f", v));
    }

    /** Reads ADBench's whitespace-separated text format: {@code D K N}, alphas, means, icf, x, {@code gamma m}. */
    public static GmmData read(Reader reader) throws IOException {
        StreamTokenizer t = new StreamTokenizer(reader instanceof BufferedReader ? reader : new BufferedReader(reader));
        t.resetSyntax();
        t.wordChars(33, 255);
        t.whitespaceChars(0, 32);
        int d = (int) next(t);
        int k = (int) next(t);
        int n = (int) next(t);
        double[] alphas = nextArray(t, k);
        double[] means = nextArray(t, k * d);
        double[] icf = nextArray(t, k * icfSize(d));
        double[] x = nextArray(t, n * d);
        double gamma = next(t);
        int m = (int) next(t);
        return new GmmData(d, k, n, alphas, means, icf, x, gamma, m);
    }

    /** {@link #read(Reader)} from a file. */
    public static GmmData read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    /** {@link #read(Reader)} from a class-path resource (relative to this class's package). */
    public static GmmData fromResource(String name) {
        InputStream in = GmmData.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no class-path resource " + name));
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The benchmark input of a size: generated by the rule above, or, when {@code source} is a
     * directory, ADBench's {@code gmm_{size}.txt} read from it (for instance the 1k set).
     *
     * @param source {@code generated} or a directory holding ADBench's files
     */
    public static GmmData load(String size, String source) {
        if ("generated".equals(source)) {
            return generate(size, DEFAULT_SEED);
        }
        Path file = Path.of(source, "gmm_" + size + ".txt");
        try {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": " + e.getMessage(), e));
        }
    }

    /**
     * ADBench's Wishart normaliser {@code C(D, γ, m)} for one component; it shifts {@code f}, not
     * the gradient.
     */
    public static double wishartConstant(int d, double gamma, int m) {
        int wn = d + m + 1;
        double logGammaDistrib = 0.25 * d * (d - 1) * Math.log(3.14159265359);
        for (int j = 1; j <= d; j++) {
            int t = wn + 1 - j; // lnΓ(t/2) by Γ(z) = (z−1)Γ(z−1) down to Γ(1) or Γ(½)
            double sum = t % 2 == 1 ? 0.5 * Math.log(Math.PI) : 0.0;
            for (int s = 1; s < (t + 1) / 2; s++) {
                sum += Math.log(0.5 * t - s);
            }
            logGammaDistrib += sum;
        }
        return wn * d * (Math.log(gamma) - 0.5 * Math.log(2.0)) - logGammaDistrib;
    }

    @Override
    public String toString() {
        return "GmmData[D=" + d + ", K=" + k + ", N=" + n + ", parameters=" + parameterCount() + "]";
    }

    private static double next(StreamTokenizer t) throws IOException {
        if (t.nextToken() != StreamTokenizer.TT_WORD) {
            throw new IOException("unexpected end of input at line " + t.lineno());
        }
        try {
            return Double.parseDouble(t.sval);
        } catch (NumberFormatException e) {
            throw new IOException("line " + t.lineno() + ": not a number: '" + t.sval + "'", e);
        }
    }

    private static double[] nextArray(StreamTokenizer t, int length) throws IOException {
        double[] a = new double[length];
        for (int i = 0; i < length; i++) {
            a[i] = next(t);
        }
        return a;
    }

    private static void requireLength(String name, double[] a, int expected) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(name + " must have " + expected + " values, got "
                    + (a == null ? "null" : a.length));
        }
    }
}
