package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Numerical Java in the styles {@link PortedHarness} cannot call: a small MLP over {@code double[][][] W} (a hidden
 * {@code tanh} layer, {@code a = z} layer by layer), a chain of masses joined by springs held in a class's fields and
 * integrated by an instance method with {@code wrt = "this"} (a private helper reading the fields), and a damped
 * oscillator fitted with a record parameter. Each is built with AUTO (every method static, no diagnostic at all, so
 * no note of a missing {@code Hvp}), and {@code Check.run()}, compiled with the adjoints under
 * {@code -Xlint:all -Werror}, checks each gradient against central differences, its {@code Jvp} against the gradient
 * (dot-product test) and its {@code Hvp} against central differences of the gradient.
 */
class NumericalStylesTest {
    static final String MLP = """
            package numeric;

            import dev.adjoint.Differentiable;

            public class Mlp {
                /** A small MLP: tanh hidden layers, linear output, mean squared error. */
                @Differentiable(wrt = {"W", "B"})
                static double mlpLoss(double[][][] W, double[][] B, double[][] X, double[] y) {
                    double loss = 0;
                    for (int n = 0; n < X.length; n++) {
                        double[] a = X[n].clone();
                        for (int l = 0; l < W.length; l++) {
                            double[] z = new double[W[l].length];
                            for (int i = 0; i < W[l].length; i++) {
                                double s = B[l][i];
                                for (int j = 0; j < W[l][i].length; j++) s += W[l][i][j] * a[j];
                                z[i] = l == W.length - 1 ? s : Math.tanh(s);
                            }
                            a = z;
                        }
                        double e = a[0] - y[n];
                        loss += e * e;
                    }
                    return loss / X.length;
                }
            }
            """;

    static final String SPRINGS = """
            package numeric;

            import dev.adjoint.Differentiable;

            /** A chain of masses joined by springs, integrated by symplectic Euler. */
            public class Springs {
                final double[] k;       // spring constants
                final double[] rest;    // rest lengths
                double mass;
                double damping;
                final double[] x0;

                Springs(double[] k, double[] rest, double mass, double damping, double[] x0) {
                    this.k = k; this.rest = rest; this.mass = mass; this.damping = damping; this.x0 = x0;
                }

                private double force(double[] x, double[] v, int i) {
                    double f = -damping * v[i];
                    if (i > 0) f -= k[i - 1] * (x[i] - x[i - 1] - rest[i - 1]);
                    if (i < x.length - 1) f += k[i] * (x[i + 1] - x[i] - rest[i]);
                    return f;
                }

                /** Squared distance of the last mass from a target after the simulation. */
                @Differentiable(wrt = "this")
                double simulate(int steps, double dt, double target) {
                    int n = x0.length;
                    double[] x = x0.clone();
                    double[] v = new double[n];
                    for (int s = 0; s < steps; s++) {
                        for (int i = 1; i < n; i++) {
                            v[i] += dt * force(x, v, i) / mass;
                        }
                        for (int i = 1; i < n; i++) x[i] += dt * v[i];
                    }
                    double e = x[n - 1] - target;
                    return e * e;
                }
            }
            """;

    static final String SPRING_REC = """
            package numeric;

            import dev.adjoint.Differentiable;

            public class SpringRec {
                record Spring(double k, double c, double m) {}

                /** Damped oscillator with record parameters, integrated; loss against a trace. */
                @Differentiable(wrt = "sp")
                static double fit(Spring sp, double[] trace, double dt) {
                    double x = 1.0, v = 0.0, loss = 0;
                    for (double obs : trace) {
                        double a = (-sp.k() * x - sp.c() * v) / sp.m();
                        v += dt * a;
                        x += dt * v;
                        loss += (x - obs) * (x - obs);
                    }
                    return loss;
                }
            }
            """;

    static final String CHECK = """
            package numeric;

            import dev.adjoint.DoubleGrad;

            public class Check {
                static final StringBuilder BAD = new StringBuilder();

                /** A differentiated method seen as a function of one flat vector. */
                interface Model {
                    double value(double[] t);

                    double[] grad(double[] t);

                    double jvp(double[] t, double[] u);

                    double[] hvp(double[] t, double[] u);
                }

                static void check(String name, Model m, double[] t) {
                    double[] g = m.grad(t);
                    double h = 1e-6;
                    for (int i = 0; i < t.length; i++) {
                        double[] p = t.clone(), q = t.clone();
                        p[i] += h;
                        q[i] -= h;
                        double cd = (m.value(p) - m.value(q)) / (2 * h);
                        if (!(Math.abs(cd - g[i]) <= 1e-7 + 1e-6 * Math.abs(cd))) {
                            BAD.append(name + " grad[" + i + "] " + g[i] + " cd " + cd + "\\n");
                            return;
                        }
                    }
                    double[] u = new double[t.length];
                    double gu = 0;
                    for (int i = 0; i < u.length; i++) {
                        u[i] = Math.sin(1.1 * i + 0.2) + 0.3;
                        gu += g[i] * u[i];
                    }
                    double ju = m.jvp(t, u);
                    if (!(Math.abs(ju - gu) <= 1e-11 * (1 + Math.abs(gu)))) {
                        BAD.append(name + " jvp " + ju + " vs g.u " + gu + "\\n");
                    }
                    double[] hu = m.hvp(t, u);
                    double[] p = t.clone(), q = t.clone();
                    double e = 1e-5;
                    for (int i = 0; i < u.length; i++) {
                        p[i] += e * u[i];
                        q[i] -= e * u[i];
                    }
                    double[] gp = m.grad(p), gq = m.grad(q);
                    for (int i = 0; i < t.length; i++) {
                        double cd = (gp[i] - gq[i]) / (2 * e);
                        if (!(Math.abs(cd - hu[i]) <= 1e-6 + 1e-5 * Math.abs(cd))) {
                            BAD.append(name + " hvp[" + i + "] " + hu[i] + " cd of the gradient " + cd + "\\n");
                            return;
                        }
                    }
                }

                // ---- the MLP's W (layers 3x2 and 1x3) and B (3 and 1) as one vector of 13
                static final int[][] SHAPE = {{3, 2}, {1, 3}};

                static double[][][] w(double[] t) {
                    double[][][] w = new double[SHAPE.length][][];
                    int k = 0;
                    for (int l = 0; l < SHAPE.length; l++) {
                        w[l] = new double[SHAPE[l][0]][SHAPE[l][1]];
                        for (double[] row : w[l]) for (int j = 0; j < row.length; j++) row[j] = t[k++];
                    }
                    return w;
                }

                static double[][] b(double[] t) {
                    double[][] b = new double[SHAPE.length][];
                    int k = 9;
                    for (int l = 0; l < SHAPE.length; l++) {
                        b[l] = new double[SHAPE[l][0]];
                        for (int j = 0; j < b[l].length; j++) b[l][j] = t[k++];
                    }
                    return b;
                }

                static double[] flat(double[][][] w, double[][] b) {
                    double[] t = new double[13];
                    int k = 0;
                    for (double[][] m : w) for (double[] r : m) for (double v : r) t[k++] = v;
                    for (double[] r : b) for (double v : r) t[k++] = v;
                    return t;
                }

                // ---- the spring chain's fields as one vector: k[3], rest[3], mass, damping, x0[4]
                static Springs springs(double[] t) {
                    return new Springs(new double[] {t[0], t[1], t[2]}, new double[] {t[3], t[4], t[5]}, t[6], t[7],
                            new double[] {t[8], t[9], t[10], t[11]});
                }

                static SpringsGrad springsGrad(double[] t) {
                    SpringsGrad g = SpringsGrad.like(springs(t));
                    g.k = new double[] {t[0], t[1], t[2]};
                    g.rest = new double[] {t[3], t[4], t[5]};
                    g.mass = t[6];
                    g.damping = t[7];
                    g.x0 = new double[] {t[8], t[9], t[10], t[11]};
                    return g;
                }

                static double[] flat(SpringsGrad g) {
                    return new double[] {g.k[0], g.k[1], g.k[2], g.rest[0], g.rest[1], g.rest[2], g.mass, g.damping,
                        g.x0[0], g.x0[1], g.x0[2], g.x0[3]};
                }

                static SpringRec.Spring spring(double[] t) {
                    return new SpringRec.Spring(t[0], t[1], t[2]);
                }

                static SpringRec_SpringGrad springGrad(double[] t) {
                    SpringRec_SpringGrad g = SpringRec_SpringGrad.like(spring(t));
                    g.k = t[0];
                    g.c = t[1];
                    g.m = t[2];
                    return g;
                }

                static double[] flat(SpringRec_SpringGrad g) {
                    return new double[] {g.k, g.c, g.m};
                }

                static double[] zeros(double[] t) {
                    return new double[t.length];
                }

                public static String run() {
                    BAD.setLength(0);
                    double[][] x = {{1, 2}, {-1, 0.5}, {0.3, -2}};
                    double[] y = {0.5, -0.2, 0.1};
                    check("Mlp.mlpLoss", new Model() {
                        public double value(double[] t) {
                            return Mlp.mlpLoss(w(t), b(t), x, y);
                        }

                        public double[] grad(double[] t) {
                            double[][][] dw = w(zeros(t));
                            double[][] db = b(zeros(t));
                            MlpAdjoint.mlpLossGrad(w(t), b(t), x, y, dw, db);
                            return flat(dw, db);
                        }

                        public double jvp(double[] t, double[] u) {
                            DoubleGrad out = new DoubleGrad();
                            MlpAdjoint.mlpLossJvp(w(t), b(t), x, y, w(u), b(u), out);
                            return out.get();
                        }

                        public double[] hvp(double[] t, double[] u) {
                            double[][][] hw = w(zeros(t));
                            double[][] hb = b(zeros(t));
                            MlpAdjoint.mlpLossHvp(w(t), b(t), x, y, w(u), b(u), w(zeros(t)), b(zeros(t)), hw, hb);
                            return flat(hw, hb);
                        }
                    }, flat(new double[][][] {{{0.1, 0.2}, {-0.3, 0.4}, {0.5, -0.6}}, {{0.7, -0.8, 0.9}}},
                            new double[][] {{0.01, -0.02, 0.03}, {0.1}}));
                    check("Springs.simulate", new Model() {
                        public double value(double[] t) {
                            return springs(t).simulate(20, 0.05, 3.5);
                        }

                        public double[] grad(double[] t) {
                            SpringsGrad g = springsGrad(zeros(t));
                            SpringsAdjoint.simulateGrad(springs(t), 20, 0.05, 3.5, g);
                            return flat(g);
                        }

                        public double jvp(double[] t, double[] u) {
                            DoubleGrad out = new DoubleGrad();
                            SpringsAdjoint.simulateJvp(springs(t), 20, 0.05, 3.5, springsGrad(u), out);
                            return out.get();
                        }

                        public double[] hvp(double[] t, double[] u) {
                            SpringsGrad h = springsGrad(zeros(t));
                            SpringsAdjoint.simulateHvp(springs(t), 20, 0.05, 3.5, springsGrad(u), springsGrad(zeros(t)), h);
                            return flat(h);
                        }
                    }, new double[] {2, 3, 1.5, 1, 1, 1, 0.8, 0.2, 0, 1.1, 2.3, 2.9});
                    double[] trace = {0.99, 0.97, 0.93, 0.88, 0.82};
                    check("SpringRec.fit", new Model() {
                        public double value(double[] t) {
                            return SpringRec.fit(spring(t), trace, 0.05);
                        }

                        public double[] grad(double[] t) {
                            SpringRec_SpringGrad g = springGrad(zeros(t));
                            SpringRecAdjoint.fitGrad(spring(t), trace, 0.05, g);
                            return flat(g);
                        }

                        public double jvp(double[] t, double[] u) {
                            DoubleGrad out = new DoubleGrad();
                            SpringRecAdjoint.fitJvp(spring(t), trace, 0.05, springGrad(u), out);
                            return out.get();
                        }

                        public double[] hvp(double[] t, double[] u) {
                            SpringRec_SpringGrad h = springGrad(zeros(t));
                            SpringRecAdjoint.fitHvp(spring(t), trace, 0.05, springGrad(u), springGrad(zeros(t)), h);
                            return flat(h);
                        }
                    }, new double[] {2.0, 0.3, 1.2});
                    return BAD.toString();
                }
            }
            """;

    @Test
    void eachStyleIsStaticAndExactToSecondOrder() throws ReflectiveOperationException {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(Path.of("numeric/Mlp.java"), MLP);
        files.put(Path.of("numeric/Springs.java"), SPRINGS);
        files.put(Path.of("numeric/SpringRec.java"), SPRING_REC);
        Translation t = Pipeline.translate(files, Optional.empty(), Options.DEFAULT);
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(
                t.methods()
                        .containsAll(List.of(
                                "numeric.Mlp#mlpLoss: static",
                                "numeric.SpringRec#fit: static",
                                "numeric.Springs#simulate: static")),
                t.methods().toString());
        assertTrue(t.diagnostics().isEmpty(), t.diagnostics().toString());
        Map<String, String> classes = new TreeMap<>(t.generated());
        files.forEach(
                (path, text) -> classes.put(path.toString().replace(".java", "").replace('/', '.'), text));
        classes.put("numeric.Check", CHECK);
        ClassLoader loader = InMemoryCompiler.compile(classes);
        assertEquals("", loader.loadClass("numeric.Check").getMethod("run").invoke(null));
    }
}
