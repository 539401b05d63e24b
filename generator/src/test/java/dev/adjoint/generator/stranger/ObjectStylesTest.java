package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.array;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.flatten;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.make;
import static dev.adjoint.generator.stranger.StrangerHarness.assertAgree;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.AdjointCheck;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's object-style programs (round objects15): numeric Java written with classes the way a
 * newcomer writes it from the README — models holding their weights in fields, instance helpers,
 * getters, records in arrays ({@code Sample[] batch}, {@code Particle[]}), held arrays of objects
 * whose elements carry scalars ({@code Spring[] springs} with {@code int i, j; double k}), a
 * record's method called on an element ({@code components[c].logPdf(x)}), a helper called with a
 * row that reassigns its array parameter ({@code forward(xs[n])}). Each is built with AUTO and with
 * the tape; the AUTO build must choose the static strategy; both gradients are checked against
 * central differences ({@link AdjointCheck}) and against each other (ρ ≤ 1e-12). The pricer, curve,
 * integrator and Kalman filter are in {@link ObjectStylesPricingTest}; the checks in {@link ObjectStylesHarness}.
 */
class ObjectStylesTest {

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
            new double[][] {{1, 0.5, -1}, {0.2, -0.3, 0.8}, {-1, 1, 0.1}, {0.4, 0.4, 0.4}},
            new double[] {1, 0, 1, 0}
        });
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
        return make(
                b,
                "Mlp",
                array(
                        b,
                        "Mlp$Layer",
                        make(
                                b,
                                "Mlp$Layer",
                                StrangerObjectsTest.matrix(3, 2, 1),
                                StrangerObjectsTest.matrix(1, 3, 2)[0],
                                false),
                        make(b, "Mlp$Layer", StrangerObjectsTest.matrix(1, 3, 3), new double[] {0.1}, true)));
    }

    @Test
    void perceptronHoldingLayersWithAFlagCalledOnRows() throws Exception {
        check(
                Map.of("Mlp", MLP), "Mlp", "loss", b -> new Object[] {
                    mlp(b), new double[][] {{0.5, -1}, {1.5, 0.2}, {-0.3, 0.9}}, new double[] {0.2, -0.4, 0.7}
                });
    }

    @Test
    void perceptronOverABatchOfSampleRecords() throws Exception {
        check(Map.of("Mlp", MLP), "Mlp", "batchLoss", b -> new Object[] {
            mlp(b),
            array(
                    b,
                    "Mlp$Sample",
                    make(b, "Mlp$Sample", new double[] {0.5, -1}, 0.2),
                    make(b, "Mlp$Sample", new double[] {1.5, 0.2}, -0.4),
                    make(b, "Mlp$Sample", new double[] {-0.3, 0.9}, 0.7))
        });
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
        check(Map.of("Particles", PARTICLES), "Particles", "energy", b -> new Object[] {
            array(
                    b,
                    "Particles$Particle",
                    make(b, "Particles$Particle", new double[] {0, 1}, new double[] {0.5, -0.2}, 2.0),
                    make(b, "Particles$Particle", new double[] {1, 2}, new double[] {-0.1, 0.3}, 0.7)),
            9.81
        });
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
        check(Map.of("SpringSystem", SPRINGS), "SpringSystem", "energy", b -> new Object[] {
            make(
                    b,
                    "SpringSystem",
                    new double[][] {{0, 0}, {1.2, 0.1}, {0.4, 0.9}},
                    array(
                            b,
                            "SpringSystem$Spring",
                            make(b, "SpringSystem$Spring", 0, 1, 1.0, 3.0),
                            make(b, "SpringSystem$Spring", 1, 2, 0.8, 2.0),
                            make(b, "SpringSystem$Spring", 2, 0, 1.1, 1.5)))
        });
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
        check(Map.of("Mixture", MIXTURE), "Mixture", "logLikelihood", b -> new Object[] {
            make(
                    b,
                    "Mixture",
                    array(
                            b,
                            "Mixture$Gaussian",
                            make(b, "Mixture$Gaussian", -1.0, 0.1),
                            make(b, "Mixture$Gaussian", 0.5, -0.3),
                            make(b, "Mixture$Gaussian", 2.0, 0.4)),
                    new double[] {-0.2, 0.1, -1.5}),
            new double[] {-1.2, 0.3, 0.9, 2.2, -0.4}
        });
    }

    /** Particles made from flat numbers: per particle pos (2), vel (2), mass, as {@code ParticleGrad}'s fields are. */
    private static Object particles(StrangerHarness.Built b, double[] p) {
        Object[] out = new Object[p.length / 5];
        for (int e = 0; e < out.length; e++) {
            out[e] = make(
                    b,
                    "Particles$Particle",
                    new double[] {p[5 * e], p[5 * e + 1]},
                    new double[] {p[5 * e + 2], p[5 * e + 3]},
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
            assertTrue(
                    Math.abs(cd - hl.get(i)) <= 1e-6 * Math.max(1, Math.abs(cd)),
                    "H·v at " + i + ": " + hl.get(i) + " vs " + cd);
            nonZero |= hl.get(i) != 0.0;
        }
        assertTrue(nonZero, "a Hessian to check");
    }
}
