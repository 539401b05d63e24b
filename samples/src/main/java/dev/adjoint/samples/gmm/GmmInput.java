package dev.adjoint.samples.gmm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One ADBench GMM instance: {@code K} components in {@code D} dimensions and {@code N} data points.
 *
 * <p>The arrays are shared, not copied: instances feed benchmarks, and copying megabytes per access
 * would distort them. Treat them as read-only. {@code equals}/{@code hashCode} compare contents.
 *
 * @param d dimension {@code D}
 * @param k number of components {@code K}
 * @param n number of points {@code N}
 * @param alphas mixture weights before the softmax, {@code K} values
 * @param means component means, {@code K·D} values, component-major ({@code means[c·D + j]})
 * @param icf inverse-covariance factors, {@code K·D(D+1)/2} values; per component first the
 *     {@code D} logs of {@code Q}'s diagonal, then the strictly lower part of {@code Q} column by column
 * @param x data points, {@code N·D} values, point-major ({@code x[i·D + j]}); not differentiated
 * @param gamma the Wishart prior's {@code gamma} (ADBench files: 1)
 * @param m the Wishart prior's {@code m} (ADBench files: 0)
 */
public record GmmInput(
        int d, int k, int n, double[] alphas, double[] means, double[] icf, double[] x, double gamma, int m) {

    /** Checks the shapes, so that the objective never indexes out of bounds on a valid instance. */
    public GmmInput {
        if (d < 1 || k < 1 || n < 1) {
            throw new IllegalArgumentException("D, K and N must be positive, got D=" + d + " K=" + k + " N=" + n);
        }
        if (m < 0) {
            throw new IllegalArgumentException("the Wishart m must be non-negative, got " + m);
        }
        requireLength("alphas", alphas, k);
        requireLength("means", means, k * d);
        requireLength("icf", icf, k * icfSize(d));
        requireLength("x", x, n * d);
    }

    /** Parameters of one component's {@code Q}: {@code D} diagonal logs plus {@code D(D−1)/2} below it. */
    public static int icfSize(int d) {
        return d * (d + 1) / 2;
    }

    /** The number of differentiated parameters, {@code K + K·D + K·D(D+1)/2}: the gradient's length. */
    public int parameterCount() {
        return alphas.length + means.length + icf.length;
    }

    /** A fresh array in the gradient layout {@code [alphas | means | icf]}. */
    public double[] parameters() {
        double[] p = new double[parameterCount()];
        System.arraycopy(alphas, 0, p, 0, alphas.length);
        System.arraycopy(means, 0, p, alphas.length, means.length);
        System.arraycopy(icf, 0, p, alphas.length + means.length, icf.length);
        return p;
    }

    /** This instance with its parameters replaced by {@code p} (gradient layout); the data {@code x} is shared. */
    public GmmInput withParameters(double[] p) {
        requireLength("parameters", p, parameterCount());
        int a = alphas.length;
        int mu = means.length;
        return new GmmInput(
                d,
                k,
                n,
                Arrays.copyOfRange(p, 0, a),
                Arrays.copyOfRange(p, a, a + mu),
                Arrays.copyOfRange(p, a + mu, p.length),
                x,
                gamma,
                m);
    }

    /**
     * Parses ADBench's whitespace-separated format: {@code D K N}, then {@code K} alphas, {@code K·D}
     * means, {@code K·D(D+1)/2} icf values, {@code N·D} points, and finally {@code gamma m}. Line
     * breaks carry no meaning beyond whitespace, as in ADBench's own {@code fscanf} reader; anything
     * after {@code m} is an error, because it means the counts and the data disagree.
     *
     * @throws IOException when reading fails or the text is not a well-formed instance (the message
     *     names the offending token by its position)
     */
    public static GmmInput read(Reader reader) throws IOException {
        Tokens t = new Tokens(reader);
        int d = t.nextInt("D");
        int k = t.nextInt("K");
        int n = t.nextInt("N");
        if (d < 1 || k < 1 || n < 1) {
            throw new IOException("D, K and N must be positive, got D=" + d + " K=" + k + " N=" + n);
        }
        double[] alphas = t.nextDoubles("alphas", k);
        double[] means = t.nextDoubles("means", Math.multiplyExact(k, d));
        double[] icf = t.nextDoubles("icf", Math.multiplyExact(k, icfSize(d)));
        double[] x = t.nextDoubles("x", Math.multiplyExact(n, d));
        double gamma = t.nextDouble("gamma");
        int m = t.nextInt("m");
        t.expectEnd();
        return new GmmInput(d, k, n, alphas, means, icf, x, gamma, m);
    }

    /** {@link #read(Reader)} from a UTF-8 file. */
    public static GmmInput read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link #read(Reader)} from a class-path resource, resolved like {@link Class#getResource}: a
     * plain name such as {@code "gmm_d2_K5.txt"} is looked up in this package's directory
     * ({@code dev/adjoint/samples/gmm/}), a name starting with {@code /} from the class-path root.
     *
     * @throws UncheckedIOException when the resource is missing or malformed (resources are part of
     *     the build, so this is a programming error rather than an expected failure)
     */
    public static GmmInput fromResource(String name) {
        InputStream in = GmmInput.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(
                    new IOException("no class-path resource " + name + " next to " + GmmInput.class.getName()));
        }
        try (Reader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("resource " + name + ": " + e.getMessage(), e));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GmmInput g
                && d == g.d
                && k == g.k
                && n == g.n
                && m == g.m
                && Double.compare(gamma, g.gamma) == 0
                && Arrays.equals(alphas, g.alphas)
                && Arrays.equals(means, g.means)
                && Arrays.equals(icf, g.icf)
                && Arrays.equals(x, g.x);
    }

    @Override
    public int hashCode() {
        int h = 31 * (31 * (31 * d + k) + n) + m;
        h = 31 * h + Double.hashCode(gamma);
        h = 31 * h + Arrays.hashCode(alphas);
        h = 31 * h + Arrays.hashCode(means);
        h = 31 * h + Arrays.hashCode(icf);
        return 31 * h + Arrays.hashCode(x);
    }

    /** A summary; the arrays can hold megabytes, so they are not printed. */
    @Override
    public String toString() {
        return "GmmInput[D=" + d + ", K=" + k + ", N=" + n + ", gamma=" + gamma + ", m=" + m + ", parameters="
                + parameterCount() + "]";
    }

    private static void requireLength(String name, double[] a, int expected) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(
                    name + " must have " + expected + " values, got " + (a == null ? "null" : a.length));
        }
    }

    /** Whitespace-separated tokens, counted from 1 so errors can point at the offending one. */
    private static final class Tokens {
        private final Reader in;
        private final StringBuilder token = new StringBuilder();
        private int count;

        Tokens(Reader in) {
            this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
        }

        /** The next token, or null at the end of input. */
        private String next() throws IOException {
            token.setLength(0);
            int c = in.read();
            while (c >= 0 && Character.isWhitespace(c)) {
                c = in.read();
            }
            while (c >= 0 && !Character.isWhitespace(c)) {
                token.append((char) c);
                c = in.read();
            }
            if (token.length() == 0) {
                return null;
            }
            count++;
            return token.toString();
        }

        private String require(String what) throws IOException {
            String s = next();
            if (s == null) {
                throw new IOException("unexpected end of input: expected " + what + " as token " + (count + 1));
            }
            return s;
        }

        int nextInt(String what) throws IOException {
            String s = require(what);
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IOException("token " + count + " (" + what + "): expected an integer, got '" + s + "'", e);
            }
        }

        double nextDouble(String what) throws IOException {
            String s = require(what);
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IOException("token " + count + " (" + what + "): expected a number, got '" + s + "'", e);
            }
        }

        double[] nextDoubles(String what, int length) throws IOException {
            double[] a = new double[length];
            for (int i = 0; i < length; i++) {
                a[i] = nextDouble(what + "[" + i + "]");
            }
            return a;
        }

        void expectEnd() throws IOException {
            String s = next();
            if (s != null) {
                throw new IOException("token " + count + ": expected end of input after 'gamma m', got '" + s
                        + "' (do D, K and N match the data?)");
            }
        }
    }
}
