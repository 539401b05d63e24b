package dev.adjoint.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.check.GradCheck;
import dev.adjoint.gradbench.json.Numbers;
import dev.adjoint.gradbench.model.Ba;
import dev.adjoint.gradbench.model.Det;
import dev.adjoint.gradbench.model.Gmm;
import dev.adjoint.gradbench.model.KMeans;
import dev.adjoint.gradbench.model.Llsq;
import dev.adjoint.gradbench.model.Lse;
import dev.adjoint.gradbench.model.Lstm;
import dev.adjoint.gradbench.model.Ode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each eval's derivative, as the tool answers it (through its {@link Eval}, output layout
 * included), against central differences of the plain primal at small sizes.
 */
class EvalDerivativesTest {
    private static final double RTOL = 1e-6;
    private static final double ATOL = 1e-8;
    private final Random random = new Random(20261205);

    private static Object evaluate(String module, String function, Object input) {
        Call call = Evals.all().get(module).prepare(function, input);
        call.run();
        call.run(); // a second run must not accumulate into the first one's buffers
        return call.output();
    }

    private double[] uniform(int n, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * random.nextDouble();
        }
        return x;
    }

    private double[] normal(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    @Test
    void hello() {
        assertEquals(9.0, evaluate("hello", "square", 3.0));
        assertEquals(-5.0, evaluate("hello", "double", -2.5));
    }

    @Test
    void lse() {
        double[] x = uniform(7, -3, 3);
        Map<String, Object> in = Map.of("x", Numbers.of(x));
        assertEquals(Lse.logsumexp(x), (double) evaluate("lse", "primal", in));
        GradCheck.assertGradient(Lse::logsumexp, x, (double[]) evaluate("lse", "gradient", in), RTOL, ATOL);
    }

    @Test
    void llsq() {
        double[] x = uniform(5, 0, 1);
        int n = 9;
        Map<String, Object> in = Map.of("x", Numbers.of(x), "n", (long) n);
        GradCheck.assertGradient(v -> Llsq.residual(v, n), x, (double[]) evaluate("llsq", "gradient", in), RTOL, ATOL);
    }

    @Test
    void det() {
        int ell = 4;
        double[] a = uniform(ell * ell, 0, 1);
        Map<String, Object> in = Map.of("A", Numbers.of(a), "ell", (long) ell);
        GradCheck.assertGradient(v -> Det.det(v, ell), a, (double[]) evaluate("det", "gradient", in), RTOL, ATOL);
        // the determinant itself, against the Leibniz formula for a 3 × 3 matrix
        double[] b = {2, -1, 0.5, 1, 3, -2, 0.25, 4, 1};
        double leibniz = 2 * (3 * 1 - (-2) * 4) - (-1) * (1 * 1 - (-2) * 0.25) + 0.5 * (1 * 4 - 3 * 0.25);
        assertEquals(leibniz, Det.det(b, 3), 1e-12);
    }

    @Test
    void odeGradientIsThatOfTheLastComponent() {
        double[] x = uniform(6, 0, 1);
        int s = 3;
        Map<String, Object> in = Map.of("x", Numbers.of(x), "s", (long) s);
        double[] primal = (double[]) evaluate("ode", "primal", in);
        assertArrayEquals(Ode.solve(x, s), primal);
        GradCheck.assertGradient(
                v -> Ode.solve(v, s)[v.length - 1], x, (double[]) evaluate("ode", "gradient", in), RTOL, ATOL);
    }

    @Test
    void kmeansDirIsGradientOverHessianDiagonal() {
        int n = 12;
        int k = 3;
        int d = 2;
        double[] points = uniform(n * d, 0, 1);
        double[] centroids = Arrays.copyOfRange(points, (n - k) * d, n * d); // each centroid has a point
        Map<String, Object> in =
                Map.of("points", Numbers.matrix(points, n, d), "centroids", Numbers.matrix(centroids, k, d));
        double[][] pts = Numbers.matrix(points, n, d).rows();
        java.util.function.ToDoubleFunction<double[]> cost =
                c -> KMeans.cost(pts, Numbers.matrix(c, k, d).rows());
        double[] gradient = GradCheck.centralDifferences(cost, centroids);
        // the Hessian is diagonal, 2 × (points whose nearest centroid is c) for each of c's coordinates
        int[] assigned = new int[k];
        for (double[] p : pts) {
            int nearest = 0;
            for (int c = 1; c < k; c++) {
                if (sq(p, centroids, c) < sq(p, centroids, nearest)) {
                    nearest = c;
                }
            }
            assigned[nearest]++;
        }
        double[][] dir = (double[][]) evaluate("kmeans", "dir", in);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double expected = gradient[c * d + j] / (2.0 * assigned[c]);
                assertEquals(expected, dir[c][j], 1e-6 * Math.max(1, Math.abs(expected)), "dir[" + c + "][" + j + "]");
            }
        }
        assertEquals(KMeans.cost(pts, Numbers.matrix(centroids, k, d).rows()), (double) evaluate("kmeans", "cost", in));
    }

    @Test
    void gmm() {
        int d = 3;
        int k = 2;
        int n = 5;
        int m = 0;
        double gamma = 1.0;
        int lSize = d * (d - 1) / 2;
        double[] alpha = normal(k);
        double[] mu = uniform(k * d, 0, 1);
        double[] q = normal(k * d);
        double[] l = normal(k * lSize);
        double[] x = normal(n * d);
        Map<String, Object> in = new HashMap<>();
        in.put("d", (long) d);
        in.put("k", (long) k);
        in.put("n", (long) n);
        in.put("m", (long) m);
        in.put("gamma", gamma);
        in.put("alpha", Numbers.of(alpha));
        in.put("mu", Numbers.matrix(mu, k, d));
        in.put("q", Numbers.matrix(q, k, d));
        in.put("l", Numbers.matrix(l, k, lSize));
        in.put("x", Numbers.matrix(x, n, d));
        @SuppressWarnings("unchecked")
        Map<String, Object> jac = (Map<String, Object>) evaluate("gmm", "jacobian", in);
        double[] all = concat(
                (double[]) jac.get("alpha"),
                ((Numbers) jac.get("mu")).data(),
                ((Numbers) jac.get("q")).data(),
                ((Numbers) jac.get("l")).data());
        assertArrayEquals(new int[] {k, lSize}, ((Numbers) jac.get("l")).shape());
        GradCheck.assertGradient(
                p -> Gmm.objective(
                        Arrays.copyOfRange(p, 0, k),
                        Arrays.copyOfRange(p, k, k + k * d),
                        Arrays.copyOfRange(p, k + k * d, k + 2 * k * d),
                        Arrays.copyOfRange(p, k + 2 * k * d, p.length),
                        x,
                        d,
                        k,
                        n,
                        gamma,
                        m),
                concat(alpha, mu, q, l),
                all,
                RTOL,
                ATOL);
    }

    @Test
    void lstm() {
        int l = 2;
        int c = 4;
        int b = 3;
        double[] main = normal(2 * l * 4 * b);
        double[] extra = normal(3 * b);
        double[] state = normal(2 * l * b);
        double[] sequence = normal(c * b);
        Map<String, Object> in = Map.of(
                "main_params",
                Numbers.matrix(main, 2 * l, 4 * b),
                "extra_params",
                Numbers.matrix(extra, 3, b),
                "state",
                Numbers.matrix(state, 2 * l, b),
                "sequence",
                Numbers.matrix(sequence, c, b));
        double[] jac = (double[]) evaluate("lstm", "jacobian", in);
        GradCheck.assertGradient(
                p -> Lstm.loss(
                        Arrays.copyOfRange(p, 0, main.length),
                        Arrays.copyOfRange(p, main.length, p.length),
                        state,
                        sequence,
                        l,
                        c,
                        b),
                concat(main, extra),
                jac,
                RTOL,
                ATOL);
        assertArrayEquals(state, Numbers.matrix(state, 2 * l, b).data(), "the input state is left as it was");
    }

    @Test
    void baJacobianRowsAreTheBlockDerivatives() {
        int n = 2;
        int m = 3;
        int p = 12;
        double[] cam = {0.1, -0.2, 0.3, 0.5, -0.4, -3.0, 1.2, 0.05, -0.03, 0.01, -0.002};
        double[] x = {0.3, 0.2, 0.9};
        double w = 0.8;
        double[] feat = {0.4, -0.1};
        Map<String, Object> in = Map.of(
                "n",
                (long) n,
                "m",
                (long) m,
                "p",
                (long) p,
                "cam",
                Numbers.of(cam),
                "x",
                Numbers.of(x),
                "w",
                w,
                "feat",
                Numbers.of(feat));
        @SuppressWarnings("unchecked")
        Map<String, Object> jac = (Map<String, Object>) evaluate("ba", "jacobian", in);
        double[] vals = (double[]) jac.get("vals");
        int[] rows = (int[]) jac.get("rows");
        int[] cols = (int[]) jac.get("cols");
        assertEquals(31, vals.length);
        assertEquals(0, rows[0]);
        assertEquals(15, rows[1]);
        assertEquals(31 * p, rows[30]);
        // observation 0: camera 0's 11 columns, point 0's 3, then its weight's column
        assertEquals(10, cols[10]);
        assertEquals(11 * n, cols[11]);
        assertEquals(11 * n + 3 * m, cols[14]);
        double[] inputs = concat(cam, x, new double[] {w});
        for (int r = 0; r < 2; r++) {
            int row = r;
            double[] analytic = Arrays.copyOfRange(vals, 15 * r, 15 * r + 15);
            GradCheck.assertGradient(
                    v -> Ba.reprojectionError(Arrays.copyOfRange(v, 0, 11), Arrays.copyOfRange(v, 11, 14), v[14], feat)[
                            row],
                    inputs,
                    analytic,
                    RTOL,
                    ATOL);
        }
        assertEquals(-2 * w, vals[30], 1e-15); // the last weight row: d(1 − w²)/dw
        // a camera without rotation takes the other branch of Rodrigues' formula
        double[] still = cam.clone();
        still[0] = still[1] = still[2] = 0.0;
        double[] stillInputs = concat(still, x, new double[] {w});
        double[][] block = new double[2][15];
        dev.adjoint.gradbench.model.BaAdjoint.reprojectionErrorJacobian(still, x, w, feat, block);
        GradCheck.assertGradient(
                v -> Ba.reprojectionError(Arrays.copyOfRange(v, 0, 11), Arrays.copyOfRange(v, 11, 14), v[14], feat)[1],
                stillInputs,
                block[1],
                1e-5,
                1e-7);
    }

    /** A random hand of 22 bones (a chain) and 5 vertices, seen at 3 correspondences. */
    private Map<String, Object> hand(boolean complicated) {
        int bones = 22;
        int vertices = 5;
        int c = 3;
        Map<String, Object> model = new HashMap<>();
        model.put("bone_names", java.util.Collections.nCopies(bones, "bone"));
        double[] parents = new double[bones];
        for (int b = 0; b < bones; b++) {
            parents[b] = b - 1; // the first bone is the root
        }
        model.put("parents", Numbers.of(parents));
        model.put("base_relatives", new Numbers(uniform(16 * bones, -0.6, 0.6), new int[] {bones, 4, 4}));
        model.put("inverse_base_absolutes", new Numbers(uniform(16 * bones, -0.6, 0.6), new int[] {bones, 4, 4}));
        model.put("base_positions", Numbers.matrix(uniform(4 * vertices, -1, 1), vertices, 4));
        model.put("weights", Numbers.matrix(uniform(bones * vertices, 0, 0.1), vertices, bones));
        model.put("triangles", Numbers.matrix(new double[] {0, 1, 2, 2, 3, 4}, 2, 3));
        model.put("is_mirrored", Boolean.TRUE);
        Map<String, Object> data = new HashMap<>();
        data.put("model", model);
        data.put("correspondences", Numbers.of(complicated ? new double[] {1, 0, 1} : new double[] {4, 0, 2}));
        data.put("points", Numbers.matrix(uniform(3 * c, -1, 1), c, 3));
        Map<String, Object> in = new HashMap<>();
        in.put("theta", Numbers.of(uniform(26, -0.5, 0.5)));
        in.put(
                "us",
                complicated ? Numbers.matrix(uniform(2 * c, 0, 0.5), c, 2) : new Numbers(new double[0], new int[] {0}));
        in.put("data", data);
        return in;
    }

    @Test
    void htJacobianColumnsAreTheResidualsDerivatives() {
        for (boolean complicated : new boolean[] {false, true}) {
            Map<String, Object> in = hand(complicated);
            double[][] jac = (double[][]) evaluate("ht", "jacobian", in);
            double[] err = (double[]) evaluate("ht", "objective", in);
            double[] theta = ((Numbers) in.get("theta")).data();
            double[] us = ((Numbers) in.get("us")).data();
            int u = complicated ? 2 : 0;
            assertEquals(9, jac.length);
            assertEquals(u + 26, jac[0].length);
            for (int r = 0; r < jac.length; r++) {
                int row = r;
                int i = r / 3; // the row's correspondence: its us are us[2i], us[2i+1]
                double[] at = new double[u + 26];
                if (complicated) {
                    at[0] = us[2 * i];
                    at[1] = us[2 * i + 1];
                }
                System.arraycopy(theta, 0, at, u, 26);
                GradCheck.assertGradient(
                        v -> {
                            Map<String, Object> moved = new HashMap<>(in);
                            moved.put("theta", Numbers.of(Arrays.copyOfRange(v, u, u + 26)));
                            if (complicated) {
                                double[] movedUs = us.clone();
                                movedUs[2 * i] = v[0];
                                movedUs[2 * i + 1] = v[1];
                                moved.put("us", Numbers.matrix(movedUs, us.length / 2, 2));
                            }
                            return ((double[]) evaluate("ht", "objective", moved))[row];
                        },
                        at,
                        jac[r],
                        RTOL,
                        ATOL);
                assertEquals(err[r], ((double[]) evaluate("ht", "objective", in))[r]);
            }
        }
    }

    private static double sq(double[] p, double[] centroids, int c) {
        double s = 0.0;
        for (int j = 0; j < p.length; j++) {
            s += (p[j] - centroids[c * p.length + j]) * (p[j] - centroids[c * p.length + j]);
        }
        return s;
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] part : parts) {
            n += part.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
