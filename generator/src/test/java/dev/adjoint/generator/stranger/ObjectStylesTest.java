package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerHarness.assertAgree;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static dev.adjoint.generator.stranger.StrangerHarness.onTape;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.AdjointCheck;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's object-style programs (round objects15): numeric Java written with classes the way a
 * newcomer writes it from the README — models holding their weights in fields, instance helpers,
 * getters, records in arrays ({@code Sample[] batch}, {@code Particle[]}), held arrays of objects
 * whose elements carry scalars ({@code Spring[] springs} with {@code int i, j; double k}), a
 * record's method called on an element ({@code components[c].logPdf(x)}), a helper called with a
 * row that reassigns its array parameter ({@code forward(xs[n])}). Each is built with AUTO and with
 * the tape; the AUTO build must choose the static strategy; both gradients are checked against
 * central differences ({@link AdjointCheck}) and against each other (ρ ≤ 1e-12).
 */
class ObjectStylesTest {

    /** Builds {@code sources} as written and on the tape, checks {@code owner#method} both ways and static against tape. */
    private static void check(Map<String, String> sources, String owner, String method, Function<StrangerHarness.Built, Object[]> args)
            throws Exception {
        double[] gradient = null;
        for (boolean tape : new boolean[] {false, true}) {
            Map<String, String> built = new LinkedHashMap<>();
            sources.forEach((name, text) -> built.put(name, tape ? onTape(text) : text));
            StrangerHarness.Built b = build(built);
            Class<?> type = b.type(owner);
            Object[] a = args.apply(b);
            AdjointCheck.assertGradient(type, method, a);
            double[] flat = gradientOf(b, owner, method, args.apply(b));
            if (!tape) {
                assertTrue(b.methods().contains("stranger." + owner + "#" + method + ": static"), b.methods().toString());
                gradient = flat;
            } else {
                assertAgree(gradient, flat, 1e-12, owner + "#" + method + ": static vs tape");
            }
        }
    }

    /** Calls {@code methodGrad} with fresh sinks ({@code TGrad.like}, {@code TGrad[] like}, {@code DoubleGrad}) and flattens them. */
    private static double[] gradientOf(StrangerHarness.Built b, String owner, String method, Object[] args) throws Exception {
        Method grad = null;
        for (Method m : b.type(owner + "Adjoint").getMethods()) {
            if (m.getName().equals(method + "Grad")) {
                grad = m;
            }
        }
        assertTrue(grad != null, "no " + method + "Grad");
        Class<?>[] types = grad.getParameterTypes();
        List<Object> call = new ArrayList<>(List.of(args));
        List<Object> sinks = new ArrayList<>();
        for (int i = args.length; i < types.length; i++) {
            Object sink;
            if (types[i] == DoubleGrad.class) {
                sink = new DoubleGrad();
            } else {
                Class<?> g = types[i].isArray() ? types[i].getComponentType() : types[i];
                Object shape = null;
                for (Object a : args) {
                    if (a != null && g.getSimpleName().endsWith(simple(a.getClass()) + "Grad")
                            && a.getClass().isArray() == types[i].isArray()) {
                        shape = a;
                    }
                }
                assertTrue(shape != null, "no argument shapes " + types[i]);
                sink = g.getMethod("like", shape.getClass()).invoke(null, shape);
            }
            sinks.add(sink);
            call.add(sink);
        }
        grad.invoke(null, call.toArray());
        List<Double> out = new ArrayList<>();
        sinks.forEach(s -> flatten(s, out));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Every number of a sink, depth first: cells, arrays, gradient objects' public fields (nested ones and arrays of them too). */
    private static void flatten(Object v, List<Double> out) {
        if (v instanceof DoubleGrad d) {
            out.add(d.get());
        } else if (v instanceof Double d) {
            out.add(d);
        } else if (v != null && v.getClass().isArray()) {
            for (int e = 0; e < Array.getLength(v); e++) {
                flatten(Array.get(v, e), out);
            }
        } else if (v != null) {
            try {
                for (java.lang.reflect.Field f : v.getClass().getDeclaredFields()) {
                    if (java.lang.reflect.Modifier.isPublic(f.getModifiers()) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        flatten(f.get(v), out);
                    }
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A class's name as its gradient class spells it ({@code Outer_Inner}). */
    private static String simple(Class<?> c) {
        Class<?> e = c.isArray() ? c.getComponentType() : c;
        return e.getName().substring(e.getName().lastIndexOf('.') + 1).replace('$', '_');
    }

    private static Object make(StrangerHarness.Built b, String type, Object... args) {
        try {
            for (var k : b.type(type).getDeclaredConstructors()) {
                if (k.getParameterCount() == args.length) {
                    k.setAccessible(true);
                    return k.newInstance(args);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no constructor of " + type + " with " + args.length + " arguments");
    }

    private static Object array(StrangerHarness.Built b, String type, Object... elements) {
        Object out = Array.newInstance(b.type(type), elements.length);
        for (int i = 0; i < elements.length; i++) {
            Array.set(out, i, elements[i]);
        }
        return out;
    }

    static final String LOGISTIC = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class LogisticRegression {
                private final double[] w;
                private double b;
                private final double lambda;

                public LogisticRegression(double[] w, double b, double lambda) {
                    this.w = w;
                    this.b = b;
                    this.lambda = lambda;
                }

                public double[] getW() { return w; }

                double sigmoid(double z) {
                    return 1.0 / (1.0 + Math.exp(-z));
                }

                double predict(double[] row) {
                    var s = b;
                    for (var j = 0; j < row.length; j++) {
                        s += getW()[j] * row[j];
                    }
                    return sigmoid(s);
                }

                private double penalty() {
                    double s = 0;
                    for (double wi : this.w) {
                        s += wi * wi;
                    }
                    return 0.5 * lambda * s;
                }

                @Differentiable(wrt = "this")
                public double loss(double[][] X, double[] y) {
                    double total = 0;
                    for (int i = 0; i < X.length; i++) {
                        double p = predict(X[i]);
                        total -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
                    }
                    return total / X.length + penalty();
                }
            }
            """;

    @Test
    void logisticRegressionWithInstanceHelpersAndAGetter() throws Exception {
        check(Map.of("LogisticRegression", LOGISTIC), "LogisticRegression", "loss", b -> new Object[] {
                make(b, "LogisticRegression", new double[] {0.3, -0.2, 0.5}, 0.1, 0.05),
                new double[][] {{1, 0.5, -1}, {0.2, -0.3, 0.8}, {-1, 1, 0.1}, {0.4, 0.4, 0.4}}, new double[] {1, 0, 1, 0}});
    }

    static final String MLP = """
            package stranger;

            import dev.adjoint.Differentiable;
            import static java.lang.Math.*;

            /** A perceptron holding its layers; each layer says whether it is linear. */
            public class Mlp {
                public static class Layer {
                    final double[][] W;
                    final double[] b;
                    final boolean linear;

                    public Layer(double[][] W, double[] b, boolean linear) {
                        this.W = W;
                        this.b = b;
                        this.linear = linear;
                    }
                }

                public record Sample(double[] x, double y) {}

                private final Layer[] layers;

                public Mlp(Layer[] layers) { this.layers = layers; }

                double[] forward(double[] x) {
                    double[] a = x;
                    for (Layer layer : layers) {
                        double[] z = new double[layer.b.length];
                        for (int i = 0; i < z.length; i++) {
                            double s = layer.b[i];
                            for (int j = 0; j < a.length; j++) {
                                s += layer.W[i][j] * a[j];
                            }
                            z[i] = layer.linear ? s : tanh(s);
                        }
                        a = z;
                    }
                    return a;
                }

                @Differentiable(wrt = "this")
                public double loss(double[][] xs, double[] ys) {
                    double total = 0;
                    for (int n = 0; n < xs.length; n++) {
                        double[] out = forward(xs[n]);
                        double d = out[0] - ys[n];
                        total += d * d;
                    }
                    return total / xs.length;
                }

                @Differentiable(wrt = "this")
                public double batchLoss(Sample[] batch) {
                    double total = 0;
                    for (Sample s : batch) {
                        double[] out = forward(s.x());
                        double d = out[0] - s.y();
                        total += d * d;
                    }
                    return total / batch.length;
                }
            }
            """;

    private static Object mlp(StrangerHarness.Built b) {
        return make(b, "Mlp", array(b, "Mlp$Layer",
                make(b, "Mlp$Layer", StrangerObjectsTest.matrix(3, 2, 1), StrangerObjectsTest.matrix(1, 3, 2)[0], false),
                make(b, "Mlp$Layer", StrangerObjectsTest.matrix(1, 3, 3), new double[] {0.1}, true)));
    }

    @Test
    void perceptronHoldingLayersWithAFlagCalledOnRows() throws Exception {
        check(Map.of("Mlp", MLP), "Mlp", "loss", b -> new Object[] {mlp(b), new double[][] {{0.5, -1}, {1.5, 0.2}, {-0.3, 0.9}},
                new double[] {0.2, -0.4, 0.7}});
    }

    @Test
    void perceptronOverABatchOfSampleRecords() throws Exception {
        check(Map.of("Mlp", MLP), "Mlp", "batchLoss", b -> new Object[] {mlp(b), array(b, "Mlp$Sample",
                make(b, "Mlp$Sample", new double[] {0.5, -1}, 0.2), make(b, "Mlp$Sample", new double[] {1.5, 0.2}, -0.4),
                make(b, "Mlp$Sample", new double[] {-0.3, 0.9}, 0.7))});
    }

    static final String PARTICLES = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Particles {
                private Particles() {}

                public record Particle(double[] pos, double[] vel, double mass) {}

                @Differentiable(wrt = "ps")
                public static double energy(Particle[] ps, double g) {
                    double e = 0;
                    for (Particle p : ps) {
                        for (int d = 0; d < p.vel().length; d++) {
                            e += 0.5 * p.mass() * p.vel()[d] * p.vel()[d];
                        }
                        e += p.mass() * g * p.pos()[1];
                    }
                    return e;
                }
            }
            """;

    @Test
    void particleRecordsWithAScalarMassDifferentiated() throws Exception {
        check(Map.of("Particles", PARTICLES), "Particles", "energy", b -> new Object[] {array(b, "Particles$Particle",
                make(b, "Particles$Particle", new double[] {0, 1}, new double[] {0.5, -0.2}, 2.0),
                make(b, "Particles$Particle", new double[] {1, 2}, new double[] {-0.1, 0.3}, 0.7)), 9.81});
    }

    static final String SPRINGS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Points joined by springs; the energy with respect to the positions and the springs' constants. */
            public class SpringSystem {
                public static final class Spring {
                    final int i;
                    final int j;
                    final double rest;
                    final double k;

                    public Spring(int i, int j, double rest, double k) {
                        this.i = i;
                        this.j = j;
                        this.rest = rest;
                        this.k = k;
                    }
                }

                private final double[][] pos;
                private final Spring[] springs;

                public SpringSystem(double[][] pos, Spring[] springs) {
                    this.pos = pos;
                    this.springs = springs;
                }

                private double length(int a, int b) {
                    double dx = pos[a][0] - pos[b][0];
                    double dy = pos[a][1] - pos[b][1];
                    return Math.sqrt(dx * dx + dy * dy);
                }

                @Differentiable(wrt = "this")
                public double energy() {
                    double e = 0;
                    for (Spring s : springs) {
                        double stretch = length(s.i, s.j) - s.rest;
                        e += 0.5 * s.k * stretch * stretch;
                    }
                    return e;
                }
            }
            """;

    @Test
    void springsHeldAsObjectsWithIndicesAndConstants() throws Exception {
        check(Map.of("SpringSystem", SPRINGS), "SpringSystem", "energy", b -> new Object[] {make(b, "SpringSystem",
                new double[][] {{0, 0}, {1.2, 0.1}, {0.4, 0.9}}, array(b, "SpringSystem$Spring",
                        make(b, "SpringSystem$Spring", 0, 1, 1.0, 3.0), make(b, "SpringSystem$Spring", 1, 2, 0.8, 2.0),
                        make(b, "SpringSystem$Spring", 2, 0, 1.1, 1.5)))});
    }

    static final String MIXTURE = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A 1-D Gaussian mixture holding its components; the log-likelihood with logsumexp. */
            public class Mixture {
                public record Gaussian(double mean, double logSigma) {
                    public double logPdf(double x) {
                        double z = (x - mean) / Math.exp(logSigma);
                        return -0.5 * z * z - logSigma - 0.5 * Math.log(2 * Math.PI);
                    }
                }

                private final Gaussian[] components;
                private final double[] logWeights;

                public Mixture(Gaussian[] components, double[] logWeights) {
                    this.components = components;
                    this.logWeights = logWeights;
                }

                private static double logSumExp(double[] v) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (double x : v) m = Math.max(m, x);
                    double s = 0;
                    for (double x : v) s += Math.exp(x - m);
                    return m + Math.log(s);
                }

                @Differentiable(wrt = "this")
                public double logLikelihood(double[] data) {
                    int k = components.length;
                    double[] terms = new double[k];
                    double ll = 0;
                    for (double x : data) {
                        for (int c = 0; c < k; c++) {
                            terms[c] = logWeights[c] + components[c].logPdf(x);
                        }
                        ll += logSumExp(terms) - logSumExp(logWeights);
                    }
                    return ll;
                }
            }
            """;

    @Test
    void mixtureCallingARecordMethodOnItsComponents() throws Exception {
        check(Map.of("Mixture", MIXTURE), "Mixture", "logLikelihood", b -> new Object[] {make(b, "Mixture", array(b, "Mixture$Gaussian",
                make(b, "Mixture$Gaussian", -1.0, 0.1), make(b, "Mixture$Gaussian", 0.5, -0.3), make(b, "Mixture$Gaussian", 2.0, 0.4)),
                new double[] {-0.2, 0.1, -1.5}), new double[] {-1.2, 0.3, 0.9, 2.2, -0.4}});
    }

    static final String PRICER = """
            package stranger;

            import dev.adjoint.Differentiable;
            import static java.lang.Math.*;

            /** Black–Scholes with the rate and volatility in fields; a book of options summed. */
            public class Pricer {
                public record Option(double strike, double expiry, boolean isCall) {}

                private final double rate;
                private final double vol;

                public Pricer(double rate, double vol) {
                    this.rate = rate;
                    this.vol = vol;
                }

                static double normCdf(double x) {
                    double t = 1 / (1 + 0.2316419 * abs(x));
                    double p = 1 - exp(-x * x / 2) / sqrt(2 * PI)
                            * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
                    return x >= 0 ? p : 1 - p;
                }

                static double blackScholes(Option o, double spot, double rate, double vol) {
                    double sq = vol * sqrt(o.expiry());
                    double d1 = (log(spot / o.strike()) + (rate + 0.5 * vol * vol) * o.expiry()) / sq;
                    double d2 = d1 - sq;
                    double disc = o.strike() * exp(-rate * o.expiry());
                    return o.isCall() ? spot * normCdf(d1) - disc * normCdf(d2) : disc * normCdf(-d2) - spot * normCdf(-d1);
                }

                @Differentiable(wrt = {"this", "spot"})
                public double price(Option o, double spot) {
                    return blackScholes(o, spot, rate, vol);
                }

                @Differentiable(wrt = {"this", "spot"})
                public double portfolio(Option[] book, double[] qty, double spot) {
                    double v = 0;
                    for (int k = 0; k < book.length; k++) {
                        v += qty[k] * blackScholes(book[k], spot, rate, vol);
                    }
                    return v;
                }

                @Differentiable(wrt = {"this", "spot"})
                public double bookValue(Option[] book, double spot) {
                    double v = 0;
                    for (Option o : book) {
                        v += blackScholes(o, spot, rate, vol);
                    }
                    return v;
                }
            }
            """;

    private static Object book(StrangerHarness.Built b) {
        return array(b, "Pricer$Option", make(b, "Pricer$Option", 100.0, 1.0, true), make(b, "Pricer$Option", 95.0, 0.5, false),
                make(b, "Pricer$Option", 110.0, 2.0, true));
    }

    @Test
    void pricerWithFieldsPricesOneOption() throws Exception {
        check(Map.of("Pricer", PRICER), "Pricer", "price", b -> new Object[] {make(b, "Pricer", 0.03, 0.25),
                make(b, "Pricer$Option", 100.0, 1.0, true), 102.0});
    }

    @Test
    void portfolioPassesItsOptionsToAStaticHelper() throws Exception {
        check(Map.of("Pricer", PRICER), "Pricer", "portfolio", b -> new Object[] {make(b, "Pricer", 0.03, 0.25), book(b),
                new double[] {1, -2, 0.5}, 102.0});
        check(Map.of("Pricer", PRICER), "Pricer", "bookValue", b -> new Object[] {make(b, "Pricer", 0.03, 0.25), book(b), 102.0});
    }

    static final String CURVE = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A zero curve of knots with linear interpolation found by a search loop. */
            public class Curve {
                private final double[] t;
                private final double[] r;

                public Curve(double[] t, double[] r) {
                    this.t = t;
                    this.r = r;
                }

                double rateAt(double time) {
                    if (time <= t[0]) return r[0];
                    int n = t.length;
                    if (time >= t[n - 1]) return r[n - 1];
                    int k = 0;
                    while (t[k + 1] < time) {
                        k++;
                    }
                    double w = (time - t[k]) / (t[k + 1] - t[k]);
                    return (1 - w) * r[k] + w * r[k + 1];
                }

                @Differentiable(wrt = "this")
                public double presentValue(double[] times, double[] cash) {
                    double pv = 0;
                    for (int i = 0; i < times.length; i++) {
                        pv += cash[i] * Math.exp(-rateAt(times[i]) * times[i]);
                    }
                    return pv;
                }
            }
            """;

    @Test
    void curveWithASearchLoop() throws Exception {
        check(Map.of("Curve", CURVE), "Curve", "presentValue", b -> new Object[] {make(b, "Curve", new double[] {0.5, 1, 2, 5},
                new double[] {0.01, 0.015, 0.02, 0.03}), new double[] {0.25, 0.75, 1.5, 3, 7}, new double[] {5, 5, 5, 5, 105}});
    }

    static final String INTEGRATOR = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Damped oscillators stepped in place by a private instance method. */
            public class Integrator {
                private final double[] x;
                private final double[] v;
                private final double k;
                private final double damping;

                public Integrator(double[] x, double[] v, double k, double damping) {
                    this.x = x;
                    this.v = v;
                    this.k = k;
                    this.damping = damping;
                }

                private void step(double dt) {
                    for (int i = 0; i < x.length; i++) {
                        double a = -k * x[i] - damping * v[i];
                        v[i] += dt * a;
                        x[i] += dt * v[i];
                    }
                }

                @Differentiable(wrt = "this")
                public double finalEnergy(double dt, int steps) {
                    for (int s = 0; s < steps; s++) {
                        step(dt);
                    }
                    double e = 0;
                    for (int i = 0; i < x.length; i++) {
                        e += 0.5 * v[i] * v[i] + 0.5 * k * x[i] * x[i];
                    }
                    return e;
                }
            }
            """;

    @Test
    void integratorSteppingItsStateInPlace() throws Exception {
        check(Map.of("Integrator", INTEGRATOR), "Integrator", "finalEnergy", b -> new Object[] {make(b, "Integrator",
                new double[] {1, -0.5}, new double[] {0, 0.3}, 2.0, 0.1), 0.05, 20});
    }

    static final String KALMAN = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A constant-velocity Kalman filter with its matrices in fields; the innovations' negative log-likelihood. */
            public class KalmanFilter {
                private final double[][] F = {{1, 1}, {0, 1}};
                private final double[] H = {1, 0};
                private double q;
                private double r;

                public KalmanFilter(double q, double r) {
                    this.q = q;
                    this.r = r;
                }

                @Differentiable(wrt = "this")
                public double negLogLik(double[] zs) {
                    double[] x = {zs[0], 0};
                    double[][] P = {{1, 0}, {0, 1}};
                    double nll = 0;
                    for (int t = 1; t < zs.length; t++) {
                        double[] xp = new double[2];
                        for (int i = 0; i < 2; i++)
                            for (int j = 0; j < 2; j++)
                                xp[i] += F[i][j] * x[j];
                        double[][] Pp = new double[2][2];
                        for (int i = 0; i < 2; i++)
                            for (int j = 0; j < 2; j++) {
                                double s = 0;
                                for (int a = 0; a < 2; a++)
                                    for (int b = 0; b < 2; b++)
                                        s += F[i][a] * P[a][b] * F[j][b];
                                Pp[i][j] = s + (i == j ? q : 0);
                            }
                        double innov = zs[t] - (H[0] * xp[0] + H[1] * xp[1]);
                        double S = Pp[0][0] + r;
                        nll += 0.5 * (Math.log(S) + innov * innov / S);
                        double k0 = Pp[0][0] / S, k1 = Pp[1][0] / S;
                        x[0] = xp[0] + k0 * innov;
                        x[1] = xp[1] + k1 * innov;
                        double p00 = (1 - k0) * Pp[0][0], p01 = (1 - k0) * Pp[0][1];
                        double p10 = Pp[1][0] - k1 * Pp[0][0], p11 = Pp[1][1] - k1 * Pp[0][1];
                        P[0][0] = p00; P[0][1] = p01; P[1][0] = p10; P[1][1] = p11;
                    }
                    return nll;
                }
            }
            """;

    @Test
    void kalmanFilterWithMatrixFields() throws Exception {
        check(Map.of("KalmanFilter", KALMAN), "KalmanFilter", "negLogLik", b -> new Object[] {make(b, "KalmanFilter", 0.1, 0.5),
                new double[] {0.1, 0.9, 2.2, 2.8, 4.1, 5.3}});
    }

    @Test
    void anElementPassedToAnInstanceHelperIsOneErrorThatSaysWhatToDo() {
        String source = PRICER.replace("v += blackScholes(o, spot, rate, vol);", "v += value(o, spot);")
                .replace("    static double normCdf", "    double value(Option o, double spot) {\n        return blackScholes(o, spot, rate, vol);\n    }\n\n    static double normCdf");
        List<dev.adjoint.generator.Diagnostic> ds = StrangerHarness.errors(Map.of("Pricer", source));
        assertTrue(ds.size() == 1, ds.toString());
        assertTrue(ds.get(0).message().contains("passes an element of 'book' to 'value'") && ds.get(0).message().contains("make 'value' static"),
                ds.toString());
        int line = source.lines().toList().indexOf(source.lines().filter(l -> l.contains("v += value(o, spot);")).findFirst().orElseThrow()) + 1;
        assertTrue(ds.get(0).line() == line, ds + " at line " + line);
    }

    /** Particles made from flat numbers: per particle pos (2), vel (2), mass, as {@code ParticleGrad}'s fields are. */
    private static Object particles(StrangerHarness.Built b, double[] p) {
        Object[] out = new Object[p.length / 5];
        for (int e = 0; e < out.length; e++) {
            out[e] = make(b, "Particles$Particle", new double[] {p[5 * e], p[5 * e + 1]}, new double[] {p[5 * e + 2], p[5 * e + 3]},
                    p[5 * e + 4]);
        }
        return array(b, "Particles$Particle", out);
    }

    /** Sets each {@code ParticleGrad} of {@code grads} from flat numbers (pos, vel, mass). */
    private static void setParticles(Object grads, double[] p) throws ReflectiveOperationException {
        for (int e = 0; e < Array.getLength(grads); e++) {
            Object g = Array.get(grads, e);
            g.getClass().getField("pos").set(g, new double[] {p[5 * e], p[5 * e + 1]});
            g.getClass().getField("vel").set(g, new double[] {p[5 * e + 2], p[5 * e + 3]});
            g.getClass().getField("mass").set(g, p[5 * e + 4]);
        }
    }

    private static Method named(StrangerHarness.Built b, String type, String name) {
        for (Method m : b.type(type).getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no " + name);
    }

    /**
     * Forward mode and {@code Hvp} through a differentiated scalar component ({@code mass}): the
     * {@code Jvp} against the gradient (dot-product test), {@code Hvp}'s gradient against
     * {@code Grad}'s and its {@code H·v} against central differences of the gradient.
     */
    @Test
    void scalarComponentsOfElementsInForwardModeAndHessians() throws Exception {
        StrangerHarness.Built b = build(Map.of("Particles", PARTICLES));
        double[] p0 = {0, 1, 0.5, -0.2, 2.0, 1, 2, -0.1, 0.3, 0.7};
        double[] dir = new double[p0.length];
        for (int i = 0; i < dir.length; i++) {
            dir[i] = Math.cos(1.0 + 0.7 * i);
        }
        Method grad = named(b, "ParticlesAdjoint", "energyGrad");
        Object ps = particles(b, p0);
        Method like = b.type("Particles_ParticleGrad").getMethod("like", ps.getClass());
        Object g = like.invoke(null, ps);
        grad.invoke(null, ps, 9.81, g);
        List<Double> flat = new ArrayList<>();
        flatten(g, flat);
        double[] gradient = flat.stream().mapToDouble(Double::doubleValue).toArray();
        // Jvp: ⟨∇f, u⟩
        Object t = like.invoke(null, ps);
        setParticles(t, dir);
        DoubleGrad out = new DoubleGrad();
        named(b, "ParticlesAdjoint", "energyJvp").invoke(null, ps, 9.81, t, out);
        double dot = 0;
        for (int i = 0; i < dir.length; i++) {
            dot += gradient[i] * dir[i];
        }
        assertTrue(Math.abs(out.get() - dot) <= 1e-12 * Math.max(1, Math.abs(dot)), out.get() + " vs " + dot);
        // Hvp
        Object v = like.invoke(null, ps);
        setParticles(v, dir);
        Object d = like.invoke(null, ps);
        Object hv = like.invoke(null, ps);
        named(b, "ParticlesAdjoint", "energyHvp").invoke(null, ps, 9.81, v, d, hv);
        List<Double> dl = new ArrayList<>();
        flatten(d, dl);
        assertAgree(gradient, dl.stream().mapToDouble(Double::doubleValue).toArray(), 1e-12, "Hvp's gradient");
        double h = 1e-5;
        double[][] at = new double[2][];
        for (int side = 0; side < 2; side++) {
            double[] p = p0.clone();
            for (int i = 0; i < p.length; i++) {
                p[i] += (side == 0 ? h : -h) * dir[i];
            }
            Object q = particles(b, p);
            Object gq = like.invoke(null, q);
            grad.invoke(null, q, 9.81, gq);
            List<Double> l = new ArrayList<>();
            flatten(gq, l);
            at[side] = l.stream().mapToDouble(Double::doubleValue).toArray();
        }
        List<Double> hl = new ArrayList<>();
        flatten(hv, hl);
        boolean nonZero = false;
        for (int i = 0; i < p0.length; i++) {
            double cd = (at[0][i] - at[1][i]) / (2 * h);
            assertTrue(Math.abs(cd - hl.get(i)) <= 1e-6 * Math.max(1, Math.abs(cd)), "H·v at " + i + ": " + hl.get(i) + " vs " + cd);
            nonZero |= hl.get(i) != 0.0;
        }
        assertTrue(nonZero, "a Hessian to check");
    }
}
