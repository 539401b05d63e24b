package dev.adjoint.generator.translated;

/**
 * The sources {@link TranslatedStylesTest} compiles: autograd's tuple and list tests as a record of three matrices and
 * {@code List}s of numbers and records ({@code Tuples}), Adept's minimizer {@code State} as an instance method with
 * {@code wrt = "this"} ({@code RosenbrockState}), CoDiPack and autograd functions in {@code float}, a {@code while}
 * with a tolerance, autograd's reductions chosen by a {@code String} and an enum {@code switch}, an {@code int[]} index
 * list ({@code Misc}), a model holding a nested record kernel over a {@code List<double[]>} ({@code Gp}), and the
 * checker ({@code Check.run()}: central differences, the {@code Jvp} dot-product test, the gradients autograd's tests
 * assert, the object left as the method leaves it), which returns what is wrong, or an empty string.
 */
final class TranslatedStylesSources {
    private TranslatedStylesSources() {}

    static final String TUPLES = """
            package styles;

            import dev.adjoint.Differentiable;
            import java.util.List;

            /** autograd tests/test_tuple.py test_getter / test_grads, test_list.py as records and Lists. */
            public class Tuples {
                public record Triple(double[][] a, double[][] b, double[][] c) {}

                static double sum(double[][] m) {
                    double s = 0;
                    for (double[] row : m) {
                        for (double v : row) {
                            s += v;
                        }
                    }
                    return s;
                }

                @Differentiable(wrt = "t")
                public static double getter(Triple t) {
                    double a = sum(t.a());
                    double b = sum(t.b());
                    double c = sum(t.b());
                    return a + b + c;
                }

                @Differentiable(wrt = "t")
                public static double grads(Triple t) {
                    double a = 0;
                    for (double[] row : t.a()) {
                        for (double v : row) {
                            a += Math.sin(v);
                        }
                    }
                    double b = 0;
                    for (int i = 0; i < t.b().length; i++) {
                        for (int j = 0; j < t.b()[i].length; j++) {
                            b += Math.cos(t.b()[i][j]);
                        }
                    }
                    return a + b;
                }

                /** test_list.py's fun with the weights an array and the data a List<Double>. */
                @Differentiable
                public static double weightedList(double[] w, List<Double> xs) {
                    double s = 0;
                    int i = 0;
                    for (Double x : xs) {
                        s += w[i % w.length] * Math.sin(x) * x;
                        i++;
                    }
                    return s * s;
                }

                public record Obs(double x, double y) {}

                @Differentiable
                public static double fitLine(double[] theta, List<Obs> data) {
                    double loss = 0;
                    for (Obs o : data) {
                        double r = theta[0] + theta[1] * o.x() - o.y();
                        loss += r * r;
                    }
                    return loss / data.size();
                }
            }
            """;

    static final String ROSENBROCK_STATE = """
            package styles;

            import dev.adjoint.Differentiable;

            /** Adept test/state.h: the minimizer's State holds x; calc_function_value as an instance method. */
            public class RosenbrockState {
                double[] x;
                double scale = 1.0;
                int evaluations;

                RosenbrockState(double[] x) {
                    this.x = x;
                }

                private double term(int i) {
                    double a = x[i + 1] - x[i] * x[i];
                    return (1.0 - x[i]) * (1.0 - x[i]) + 100.0 * a * a;
                }

                @Differentiable(wrt = "this")
                public double calcFunctionValue() {
                    evaluations++;
                    double sum = 0.0;
                    for (int i = 0; i < x.length - 1; i++) {
                        sum += term(i);
                    }
                    return scale * sum;
                }
            }
            """;

    static final String MISC = """
            package styles;

            import dev.adjoint.Differentiable;

            public class Misc {
                /** CoDiPack TestBigExpressions in float. */
                @Differentiable
                public static float tetVolumeF(float[] x) {
                    float a0 = x[0] - x[9], a1 = x[1] - x[10], a2 = x[2] - x[11];
                    float b0 = x[3] - x[9], b1 = x[4] - x[10], b2 = x[5] - x[11];
                    float c0 = x[6] - x[9], c1 = x[7] - x[10], c2 = x[8] - x[11];
                    float d0 = a1 * b2 - a2 * b1;
                    float d1 = -(a0 * b2 - a2 * b0);
                    float d2 = a0 * b1 - a1 * b0;
                    return Math.abs(c0 * d0 + c1 * d1 + c2 * d2) / 6.0f;
                }

                /** autograd test_scalar_ops test_abs in float. */
                @Differentiable
                public static float abs3f(float x) {
                    return 3.0f * Math.abs(x) + (float) Math.sin(x);
                }

                /** Newton's square root with a tolerance (autograd's test_misc-style fixed point). */
                @Differentiable
                public static double newtonSqrt(double a) {
                    double x = a > 1 ? a : 1.0;
                    int it = 0;
                    while (Math.abs(x * x - a) > 1e-13 * a && it < 100) {
                        x = 0.5 * (x + a / x);
                        it++;
                    }
                    return x;
                }

                /** autograd test_plain_numpy_reductions_on_box: the reduction chosen by name. */
                @Differentiable
                public static double reduce(double[] a, String reduction) {
                    double r;
                    switch (reduction) {
                        case "sum": {
                            r = 0;
                            for (double v : a) r += Math.exp(v) * 1.5;
                            break;
                        }
                        case "prod": {
                            r = 1;
                            for (double v : a) r *= Math.exp(v) * 1.5;
                            break;
                        }
                        case "max":
                            r = Double.NEGATIVE_INFINITY;
                            for (double v : a) r = Math.max(r, Math.exp(v) * 1.5);
                            break;
                        default:
                            throw new IllegalArgumentException("unknown reduction " + reduction);
                    }
                    return r;
                }

                enum Reduction { SUM, MEAN, MIN }

                @Differentiable
                public static double reduceEnum(double[] a, Reduction how) {
                    return switch (how) {
                        case SUM -> { double s = 0; for (double v : a) s += v * v; yield s; }
                        case MEAN -> { double s = 0; for (double v : a) s += v * v; yield s / a.length; }
                        case MIN -> { double m = a[0] * a[0]; for (int i = 1; i < a.length; i++) m = Math.min(m, a[i] * a[i]); yield m; }
                    };
                }

                /** autograd test_index_lists: x[[0, 1, 2]] with repeated indices, as an int[]. */
                @Differentiable
                public static double indexLists(double[] x, int[] idx) {
                    double s = 0;
                    for (int k = 0; k < idx.length; k++) {
                        s += x[idx[k]] * x[idx[(k + 1) % idx.length]];
                    }
                    return s;
                }
            }
            """;

    static final String GP = """
            package styles;

            import dev.adjoint.Differentiable;
            import java.util.List;

            /** A GP marginal-likelihood-ish model holding a nested record kernel; data as List<double[]>. */
            public class Gp {
                public record Scale(double s, double[] shift) {}
                public record Kernel(double ell, Scale scale) {}

                private Kernel kernel;
                private double noise;
                private final double[] w;

                Gp(Kernel k, double noise, double[] w) { this.kernel = k; this.noise = noise; this.w = w; }

                private double k(double[] a, double[] b) {
                    double d = 0;
                    for (int i = 0; i < a.length; i++) {
                        double e = (a[i] - kernel.scale().shift()[i]) - (b[i] - kernel.scale().shift()[i]);
                        d += e * e;
                    }
                    return kernel.scale().s() * Math.exp(-0.5 * d / (kernel.ell() * kernel.ell()));
                }

                @Differentiable(wrt = "this")
                public double energy(List<double[]> xs) {
                    double e = 0;
                    for (int i = 0; i < xs.size(); i++) {
                        for (int j = 0; j < xs.size(); j++) {
                            e += w[i] * w[j] * (k(xs.get(i), xs.get(j)) + (i == j ? noise : 0));
                        }
                    }
                    return e;
                }
            }
            """;

    static final String CHECK = """
            package styles;

            import dev.adjoint.DoubleGrad;
            import dev.adjoint.FloatGrad;
            import java.util.List;
            import java.util.function.ToDoubleFunction;

            public class Check {
                static final StringBuilder BAD = new StringBuilder();

                static double[] cd(ToDoubleFunction<double[]> f, double[] x, double h) {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        double[] p = x.clone(), m = x.clone();
                        p[i] += h;
                        m[i] -= h;
                        g[i] = (f.applyAsDouble(p) - f.applyAsDouble(m)) / (2 * h);
                    }
                    return g;
                }

                static void cmp(String name, double[] g, double[] n, double tol) {
                    for (int i = 0; i < g.length; i++) {
                        if (!(Math.abs(g[i] - n[i]) <= tol * (1 + Math.abs(n[i])))) {
                            BAD.append(name + " [" + i + "] grad " + g[i] + " cd " + n[i]).append("\\n");
                            return;
                        }
                    }
                }

                static void dot(String name, double jvp, double[] g, double[] u) {
                    double s = 0;
                    for (int i = 0; i < g.length; i++) s += g[i] * u[i];
                    if (!(Math.abs(s - jvp) <= 1e-10 * (1 + Math.abs(s)))) {
                        BAD.append(name + " jvp " + jvp + " vs g.u " + s).append("\\n");
                    }
                }

                static double[][] unflat(double[] v, double[][] shape, int off) {
                    double[][] m = new double[shape.length][];
                    int k = off;
                    for (int i = 0; i < shape.length; i++) {
                        m[i] = new double[shape[i].length];
                        for (int j = 0; j < m[i].length; j++) m[i][j] = v[k++];
                    }
                    return m;
                }

                static double[] flat(double[][]... ms) {
                    int n = 0;
                    for (double[][] m : ms) for (double[] r : m) n += r.length;
                    double[] v = new double[n];
                    int k = 0;
                    for (double[][] m : ms) for (double[] r : m) for (double e : r) v[k++] = e;
                    return v;
                }

                public static String run() {
                    BAD.setLength(0);
                    // --- Tuples: getter and grads, a record of three matrices
                    double[][] A = {{0.3, -1.2, 2.5}, {1.1, 0.4, -0.6}};
                    double[][] B = {{0.7, 0.2}, {-1.5, 0.8}, {0.1, 0.9}};
                    double[][] C = {{2.0, -0.3, 0.6}};
                    Tuples.Triple t = new Tuples.Triple(A, B, C);
                    double[] x0 = flat(A, B, C);
                    for (String which : new String[] {"getter", "grads"}) {
                        ToDoubleFunction<double[]> f = v -> {
                            Tuples.Triple q = new Tuples.Triple(unflat(v, A, 0), unflat(v, B, 6), unflat(v, C, 12));
                            return which.equals("getter") ? Tuples.getter(q) : Tuples.grads(q);
                        };
                        Tuples_TripleGrad g = Tuples_TripleGrad.like(t);
                        double val = which.equals("getter") ? TuplesAdjoint.getterGrad(t, g) : TuplesAdjoint.gradsGrad(t, g);
                        if (val != f.applyAsDouble(x0)) { BAD.append("value " + which + "\\n"); }
                        double[] gv = flat(g.a, g.b, g.c);
                        cmp("tuple." + which, gv, cd(f, x0, 1e-6), 1e-6);
                        Tuples_TripleGrad u = Tuples_TripleGrad.like(t);
                        double[] uv = new double[x0.length];
                        for (int i = 0; i < uv.length; i++) uv[i] = Math.sin(i + 1.0);
                        u.a = unflat(uv, A, 0); u.b = unflat(uv, B, 6); u.c = unflat(uv, C, 12);
                        DoubleGrad tout = new DoubleGrad();
                        if (which.equals("getter")) TuplesAdjoint.getterJvp(t, u, tout); else TuplesAdjoint.gradsJvp(t, u, tout);
                        dot("tuple." + which, tout.get(), gv, uv);
                    }
                    // published: ones, 2 ones, zeros
                    Tuples_TripleGrad g0 = Tuples_TripleGrad.like(t);
                    TuplesAdjoint.getterGrad(t, g0);
                    if (g0.a[1][2] != 1.0 || g0.b[2][1] != 2.0 || g0.c[0][1] != 0.0) BAD.append("getter published 1, 2, 0\\n");

                    // --- Lists
                    List<Double> xs = List.of(0.3, -1.2, 2.5, 0.7, 1.9);
                    double[] w = {0.5, -0.25, 1.5};
                    double[] dw = new double[3];
                    TuplesAdjoint.weightedListGrad(w, xs, dw);
                    cmp("weightedList", dw, cd(v -> Tuples.weightedList(v, xs), w, 1e-6), 1e-6);
                    DoubleGrad to = new DoubleGrad();
                    double[] u3 = {0.3, 0.9, -0.4};
                    TuplesAdjoint.weightedListJvp(w, xs, u3, to);
                    dot("weightedList", to.get(), dw, u3);
                    List<Tuples.Obs> data = List.of(new Tuples.Obs(0, 1), new Tuples.Obs(1, 2.5), new Tuples.Obs(2, 2.9));
                    double[] th = {0.2, 0.9};
                    double[] dth = new double[2];
                    TuplesAdjoint.fitLineGrad(th, data, dth);
                    cmp("fitLine", dth, cd(v -> Tuples.fitLine(v, data), th, 1e-6), 1e-6);

                    // --- Rosenbrock state, wrt this
                    RosenbrockState s = new RosenbrockState(new double[] {-1.2, 1.0, -0.5, 0.8});
                    s.scale = 0.75;
                    RosenbrockStateGrad gs = RosenbrockStateGrad.like(s);
                    double v0 = RosenbrockStateAdjoint.calcFunctionValueGrad(s, gs);
                    if (s.evaluations != 1 || v0 != fs0(s)) BAD.append("evaluations after Grad " + s.evaluations + "\\n");
                    double[] sx = {-1.2, 1.0, -0.5, 0.8, 0.75};
                    ToDoubleFunction<double[]> fs = v -> {
                        RosenbrockState q = new RosenbrockState(java.util.Arrays.copyOf(v, 4));
                        q.scale = v[4];
                        return q.calcFunctionValue();
                    };
                    double[] gsv = {gs.x[0], gs.x[1], gs.x[2], gs.x[3], gs.scale};
                    cmp("rosenbrockState", gsv, cd(fs, sx, 1e-6), 1e-6);
                    RosenbrockStateGrad us = RosenbrockStateGrad.like(s);
                    us.x = new double[] {0.1, -0.2, 0.3, 0.4};
                    us.scale = -0.5;
                    DoubleGrad ts = new DoubleGrad();
                    RosenbrockStateAdjoint.calcFunctionValueJvp(s, us, ts);
                    dot("rosenbrockState", ts.get(), gsv, new double[] {0.1, -0.2, 0.3, 0.4, -0.5});
                    if (s.evaluations != 2) BAD.append("evaluations after Jvp " + s.evaluations + "\\n");

                    // --- Misc
                    float[] xf = {1.25f, 2.5f, 3.25f, 4.5f, 5.75f, 6.25f, 7.5f, 8.5f, 9.25f, 0.25f, 0.5f, 2.0f};
                    float[] dxf = new float[12];
                    MiscAdjoint.tetVolumeFGrad(xf, dxf);
                    double[] xfd = new double[12];
                    double[] dxfd = new double[12];
                    for (int i = 0; i < 12; i++) { xfd[i] = xf[i]; dxfd[i] = dxf[i]; }
                    cmp("tetVolumeF", dxfd, cd(v -> { float[] q = new float[12]; for (int i = 0; i < 12; i++) q[i] = (float) v[i];
                        return Misc.tetVolumeF(q); }, xfd, 1e-2), 1e-3);
                    FloatGrad fg = new FloatGrad();
                    MiscAdjoint.abs3fGrad(-1.1f, fg);
                    cmp("abs3f", new double[] {fg.get()}, cd(v -> Misc.abs3f((float) v[0]), new double[] {-1.1}, 1e-3), 1e-3);
                    for (double a : new double[] {0.3, 2.0, 17.0}) {
                        DoubleGrad da = new DoubleGrad();
                        MiscAdjoint.newtonSqrtGrad(a, da);
                        cmp("newtonSqrt(" + a + ")", new double[] {da.get()}, new double[] {0.5 / Math.sqrt(a)}, 1e-9);
                        DoubleGrad tn = new DoubleGrad();
                        MiscAdjoint.newtonSqrtJvp(a, 1.0, tn);
                        dot("newtonSqrt", tn.get(), new double[] {da.get()}, new double[] {1.0});
                    }
                    double[] ar = {0.3, -1.2, 0.25, 0.7};
                    double[] ur = {0.5, 0.1, -0.3, 0.2};
                    for (String red : new String[] {"sum", "prod", "max"}) {
                        double[] dr = new double[4];
                        MiscAdjoint.reduceGrad(ar, red, dr);
                        cmp("reduce." + red, dr, cd(v -> Misc.reduce(v, red), ar, 1e-6), 1e-6);
                        DoubleGrad tr = new DoubleGrad();
                        MiscAdjoint.reduceJvp(ar, red, ur, tr);
                        dot("reduce." + red, tr.get(), dr, ur);
                    }
                    try {
                        MiscAdjoint.reduceGrad(ar, "median", new double[4]);
                        BAD.append("no throw\\n");
                    } catch (IllegalArgumentException e) { }
                    for (Misc.Reduction how : Misc.Reduction.values()) {
                        double[] dr = new double[4];
                        MiscAdjoint.reduceEnumGrad(ar, how, dr);
                        cmp("reduceEnum." + how, dr, cd(v -> Misc.reduceEnum(v, how), ar, 1e-6), 1e-6);
                        DoubleGrad tr = new DoubleGrad();
                        MiscAdjoint.reduceEnumJvp(ar, how, ur, tr);
                        dot("reduceEnum." + how, tr.get(), dr, ur);
                    }
                    int[] idx = {0, 1, 2, 1, 3, 0};
                    double[] di = new double[4];
                    MiscAdjoint.indexListsGrad(ar, idx, di);
                    cmp("indexLists", di, cd(v -> Misc.indexLists(v, idx), ar, 1e-6), 1e-6);
                    DoubleGrad ti = new DoubleGrad();
                    MiscAdjoint.indexListsJvp(ar, idx, ur, ti);
                    dot("indexLists", ti.get(), di, ur);
                    gp();
                    return BAD.toString();
                }

                static double fs0(RosenbrockState s) {
                    RosenbrockState q = new RosenbrockState(s.x.clone());
                    q.scale = s.scale;
                    return q.calcFunctionValue();
                }

                static void gp() {
                    List<double[]> xs = List.of(new double[] {0.1, 0.5}, new double[] {-0.3, 1.2}, new double[] {0.8, -0.4});
                    double[] v = {0.9, 0.35, 0.25, -0.1, 0.3, 0.7, -0.2, 0.4}; // ell, s, shift0, shift1, noise, w0..w2
                    java.util.function.ToDoubleFunction<double[]> f = q -> new Gp(new Gp.Kernel(q[0], new Gp.Scale(q[1], new double[] {q[2], q[3]})), q[4], new double[] {q[5], q[6], q[7]}).energy(xs);
                    Gp gp = new Gp(new Gp.Kernel(v[0], new Gp.Scale(v[1], new double[] {v[2], v[3]})), v[4], new double[] {v[5], v[6], v[7]});
                    GpGrad g = GpGrad.like(gp);
                    GpAdjoint.energyGrad(gp, xs, g);
                    double[] gv = {g.kernel.ell, g.kernel.scale.s, g.kernel.scale.shift[0], g.kernel.scale.shift[1], g.noise, g.w[0], g.w[1], g.w[2]};

                    for (int i = 0; i < v.length; i++) {
                        double[] p = v.clone(), m = v.clone(); p[i] += 1e-6; m[i] -= 1e-6;
                        double c = (f.applyAsDouble(p) - f.applyAsDouble(m)) / 2e-6;
                        if (!(Math.abs(c - gv[i]) <= 1e-6 * (1 + Math.abs(c)))) BAD.append("gp " + i + " " + gv[i] + " cd " + c + "\\n");
                    }
                    GpGrad t = GpGrad.like(gp);
                    double[] u = {0.2, -0.5, 0.3, 0.1, 0.7, -0.4, 0.6, 0.25};
                    t.kernel.ell = u[0]; t.kernel.scale.s = u[1]; t.kernel.scale.shift[0] = u[2]; t.kernel.scale.shift[1] = u[3]; t.noise = u[4]; t.w[0] = u[5]; t.w[1] = u[6]; t.w[2] = u[7];
                    DoubleGrad tout = new DoubleGrad();
                    GpAdjoint.energyJvp(gp, xs, t, tout);
                    double s = 0; for (int i = 0; i < 8; i++) s += gv[i] * u[i];
                    if (!(Math.abs(s - tout.get()) < 1e-10)) BAD.append("gp jvp " + tout.get() + " g.u " + s + "\\n");
                }
            }
            """;
}
