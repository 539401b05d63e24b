package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Programs written for Tapenade (Inria's source-transformation AD tool for Fortran and C), from the public
 * repositories of its users, written in Java as a Java programmer would: Fortran modules' {@code parameter}s and
 * C's {@code #define}s become {@code static final} constants and tables, {@code intent(out)} arrays {@code void}
 * helpers filling a local array or array results, C's pointers into the middle of an array an offset passed with the
 * array ({@code &w[i * 4]} becomes {@code w, i * 4}), Fortran's whole-array assignments loops, {@code where} an
 * {@code if}, 1-based indices 0-based. Sizes are cut down (a glacier of 31 cells for 40 steps rather than 60 000, a
 * 6-4-3 network rather than 784-20-10) so that central differences stay cheap; the code is the same.
 */
final class TapenadeFunctions {
    private TapenadeFunctions() {}

    private static Ported of(String repo, String file, int line, String method, String body, Object[]... points) {
        return Ported.of("tapenade", repo, file, line, method, body, points);
    }

    /** {@code n} values {@code base + amp · sin(freq · (k + 1))}: deterministic, irregular test data. */
    static double[] wave(int n, double base, double amp, double freq) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = base + amp * Math.sin(freq * (k + 1));
        }
        return v;
    }

    /** An {@code n × m} grid of {@link #wave} rows, each row's phase shifted. */
    static double[][] grid(int n, int m, double base, double amp, double freq) {
        double[][] g = new double[n][];
        for (int i = 0; i < n; i++) {
            g[i] = wave(m, base, amp, freq * (1 + 0.37 * i));
        }
        return g;
    }

    /** The glacier model's constants (forward.f90's module and subroutine parameters). */
    private static final String GLACIER = """
            static final double XEND = 30;
            static final double DX = 1;
            static final int NX = (int) (XEND / DX);
            static final double RHO = 920.0;
            static final double G = 9.2;
            static final double N = 3;
            static final double A = 1e-16;
            static final double DT = 1 / 12.0;
            static final double C = 2 * A / (N + 2) * Math.pow(RHO * G, N) * Math.pow(1.e3, N);
            static final double BX = -0.0001;
            static final double M0 = .004;
            static final double M1 = 0.0002;

            """;

    /** stream_vel's module constants, with 10 cells instead of 79. */
    private static final String STREAM = """
            static final int N = 10;
            static final int N_NL = 50;
            static final double LX = 79.e3;
            static final double EP_GLEN = 1.e-7;
            static final double AGLEN = 5.0002e-17;
            static final double NGLEN = 3.;
            static final double G = 9.81;
            static final double RHOI = 910.;
            static final double RHOW = 1035.;
            static final double R_BED = -900.;
            static final double BETA_CONST = 5.;
            static final double H_LEFT = 1100.;
            static final double H_RIGHT = 1100.;
            static final double DX = LX / N;

            """;

    /** stream_vel_taud: the driving stress, one-sided at the ends; the last element is fend, at the front. */
    private static final String TAUD = """
            static double[] drivingStress(double[] h) {
                double[] f = new double[N + 1];
                double factor = 0.5;
                for (int i = 0; i < N; i++) {
                    if (i > 0 && i < N - 1) {
                        f[i] = RHOI * G * h[i] * (h[i + 1] - h[i - 1]) / 2. / DX;
                    } else if (i == 0) {
                        f[i] = RHOI * G * h[i] * (h[i + 1] - h[i]) / DX;
                    } else if (i == N - 1) {
                        f[i] = RHOI * G * h[i] * (h[i] - h[i - 1]) / DX;
                    }
                }
                f[N] = .5 * (RHOI * G * h[N - 1] * h[N - 1] - RHOW * G * R_BED * R_BED) * factor;
                return f;
            }

            """;

    /** stream_vel_visc and stream_assemble: Glen's-law viscosity per cell, the tridiagonal matrix as n × 3. */
    private static final String VISC_ASSEMBLE = """
            static void viscosity(double[] h, double[] u, double[] nu) {
                for (int i = 0; i < N; i++) {
                    double ux = (u[i + 1] - u[i]) / DX;
                    double tmp = ux * ux + EP_GLEN * EP_GLEN;
                    nu[i] = .5 * h[i] * Math.pow(AGLEN, -1. / NGLEN) * Math.pow(tmp, (1 - NGLEN) / 2. / NGLEN);
                }
            }

            static void assemble(double[] nu, double[] betaFric, double[][] a) {
                for (int i = 0; i < N; i++) {
                    a[i][1] = 4 * nu[i] / DX + DX / 3. * betaFric[i] * betaFric[i];
                    if (i > 0) {
                        a[i][0] = -4 * nu[i] / DX + DX / 6. * betaFric[i] * betaFric[i];
                    }
                    if (i < N - 1) {
                        a[i][1] += 4 * nu[i + 1] / DX + DX / 3. * betaFric[i + 1] * betaFric[i + 1];
                        a[i][2] = -4 * nu[i + 1] / DX + DX / 6. * betaFric[i + 1] * betaFric[i + 1];
                    }
                }
            }

            """;

    /** conj_grad: CG on the tridiagonal system, stopped at a relative residual of 1e-12. */
    private static final String CONJ_GRAD = """
            static void tridiagTimes(double[][] a, double[] p, double[] ap) {
                int n = p.length;
                for (int i = 0; i < n; i++) {
                    ap[i] = a[i][1] * p[i];
                    if (i > 0) {
                        ap[i] += a[i][0] * p[i - 1];
                    }
                    if (i < n - 1) {
                        ap[i] += a[i][2] * p[i + 1];
                    }
                }
            }

            static double dot(double[] x, double[] y) {
                double s = 0;
                for (int i = 0; i < x.length; i++) {
                    s += x[i] * y[i];
                }
                return s;
            }

            static void conjGrad(double[] x, double[] b, double[][] a) {
                int n = b.length;
                double[] r = new double[n];
                double[] p = new double[n];
                double[] ap = new double[n];
                Arrays.fill(x, 0.0);
                tridiagTimes(a, x, ap);
                for (int i = 0; i < n; i++) {
                    r[i] = b[i] - ap[i];
                    p[i] = r[i];
                }
                double rr = dot(r, r);
                double resInit = Math.sqrt(rr);
                double resid = resInit;
                for (int k = 0; k < 200 * n; k++) {
                    if (resid <= 1e-12 * resInit) {
                        break;
                    }
                    tridiagTimes(a, p, ap);
                    double alpha = rr / dot(p, ap);
                    for (int i = 0; i < n; i++) {
                        x[i] += alpha * p[i];
                        r[i] -= alpha * ap[i];
                    }
                    double rrNew = dot(r, r);
                    resid = Math.sqrt(rrNew);
                    double beta = rrNew / rr;
                    rr = rrNew;
                    for (int i = 0; i < n; i++) {
                        p[i] = r[i] + beta * p[i];
                    }
                }
            }

            """;

    private static final String SIGMOID_TABLES = """
            static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9};
            static final double[] Y = {0, 0, 0, 0, 0, 1, 1, 1, 1};

            static void sigmoid(double[] x, double[] sigmoidX) {
                for (int i = 0; i < x.length; i++) {
                    sigmoidX[i] = Math.pow(1 + Math.exp(-x[i]), -1);
                }
            }

            """;

    static List<Ported> all() {
        String toy = "Shreyas911/tapenade_toy_problem";
        String logistic = "Shreyas911/tapenade_logistic_regression";
        String stream = "dngoldberg/stream_vel_tapenade";
        return List.of(
                // the glacier flow-line model of Tapenade's toy problem: shallow-ice diffusion D ~ H^{n+2} |h_x|^{n-1},
                // explicit steps, `where (h < b) h = b`; V = ∫ H dx at the end, sensitive to the mass balance
                // perturbation xx. The Fortran keeps h(nx+1, nt+1); so does the port.
                of(
                        toy,
                        "forward.f90",
                        11,
                        "glacierVolume",
                        GLACIER + """
                        @Differentiable(wrt = "xx")
                        static double glacierVolume(double[] xx, int nt) {
                            double[] m = new double[NX + 1];
                            double[] b = new double[NX + 1];
                            for (int i = 0; i <= NX; i++) {
                                m[i] = M0 - i * DX * M1 + xx[i];
                                b[i] = 1.0 + BX * i * DX;
                            }
                            double[][] h = new double[nt + 1][NX + 1];
                            double[][] hCap = new double[nt + 1][NX + 1];
                            for (int t = 0; t <= nt; t++) {
                                h[t][0] = b[0];
                                h[t][NX] = b[NX];
                            }
                            for (int i = 0; i <= NX; i++) {
                                h[0][i] = b[i];
                            }
                            double[] d = new double[NX];
                            double[] phi = new double[NX];
                            for (int t = 0; t < nt; t++) {
                                for (int i = 0; i < NX; i++) {
                                    double hMid = (hCap[t][i] + hCap[t][i + 1]) / 2;
                                    double slope = (h[t][i + 1] - h[t][i]) / DX;
                                    d[i] = C * Math.pow(hMid, N + 2) * Math.pow(slope, N - 1);
                                    phi[i] = -d[i] * slope;
                                }
                                for (int i = 1; i < NX; i++) {
                                    h[t + 1][i] = h[t][i] + m[i] * DT - DT / DX * (phi[i] - phi[i - 1]);
                                }
                                for (int i = 0; i <= NX; i++) {
                                    if (h[t + 1][i] < b[i]) {
                                        h[t + 1][i] = b[i];
                                    }
                                    hCap[t + 1][i] = h[t + 1][i] - b[i];
                                }
                            }
                            double v = 0;
                            for (int i = 0; i <= NX; i++) {
                                v += hCap[nt][i] * DX;
                            }
                            return v;
                        }
                        """,
                        p(wave(31, 3e-4, 1.5e-4, 1.3), 40),
                        p(wave(31, 1e-3, 5e-4, 0.7), 25)),
                // logistic regression's cost, the weights moved by xx in place (intent(inout)), a void sigmoid
                // filling an output array, the data in the module's tables
                of(
                        logistic,
                        "logistic_regression.f90",
                        24,
                        "logistic",
                        SIGMOID_TABLES + """
                        @Differentiable(wrt = "xx")
                        static double logistic(double[] xx, double[] weights) {
                            weights[0] += xx[0];
                            weights[1] += xx[1];
                            double[] z = new double[X.length];
                            for (int i = 0; i < X.length; i++) {
                                z[i] = weights[0] + weights[1] * X[i];
                            }
                            double[] sigmoidX = new double[X.length];
                            sigmoid(z, sigmoidX);
                            double sum = 0;
                            for (int i = 0; i < X.length; i++) {
                                sum += Y[i] * Math.log(sigmoidX[i]) + (1 - Y[i]) * Math.log(1 - sigmoidX[i]);
                            }
                            return -1. / X.length * sum;
                        }
                        """,
                        p(d(0.1, -0.2), d(-5.0, 1.0)),
                        p(d(0.0, 0.0), d(0.3, 0.1))),
                // predict: the same sigmoid into the caller's y_hat, here the array result
                of(
                        logistic,
                        "logistic_regression.f90",
                        40,
                        "predict",
                        SIGMOID_TABLES + """
                        @Differentiable
                        static double[] predict(double[] weights, double[] x) {
                            double[] z = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                z[i] = weights[0] + weights[1] * x[i];
                            }
                            double[] yHat = new double[x.length];
                            sigmoid(z, yHat);
                            return yHat;
                        }
                        """,
                        p(d(-5.0, 1.0), d(1, 4, 6, 9)),
                        p(d(0.5, -0.25), d(-2, 0.5, 3))),
                // stream_vel_taud: if / else-if on the index, the front's stress appended
                of(
                        stream,
                        "stream_vel_dan.f90",
                        125,
                        "drivingStress",
                        STREAM + "@Differentiable\n" + TAUD,
                        p(wave(10, 1100, 40, 0.9)),
                        p(wave(10, 800, 120, 2.1))),
                // stream_vel_visc as an array result: Glen's law with its regularisation, powers of constants
                of(
                        stream,
                        "stream_vel_dan.f90",
                        154,
                        "viscosities",
                        STREAM + VISC_ASSEMBLE + """
                        @Differentiable
                        static double[] viscosities(double[] h, double[] u) {
                            double[] nu = new double[N];
                            viscosity(h, u, nu);
                            return nu;
                        }
                        """,
                        p(wave(10, 1100, 40, 0.9), wave(11, 300, 200, 0.6)),
                        p(wave(10, 900, 90, 1.7), wave(11, -50, 400, 1.1))),
                // stream_assemble into a local n × 3 matrix by a void helper, then the residual A u - b squared
                of(
                        stream,
                        "stream_vel_dan.f90",
                        175,
                        "residual",
                        STREAM + VISC_ASSEMBLE + """
                        @Differentiable(wrt = {"nu", "betaFric", "u"})
                        static double residual(double[] nu, double[] betaFric, double[] u, double[] b) {
                            double[][] a = new double[N][3];
                            assemble(nu, betaFric, a);
                            double r2 = 0;
                            for (int i = 0; i < N; i++) {
                                double r = a[i][1] * u[i] - b[i];
                                if (i > 0) {
                                    r += a[i][0] * u[i - 1];
                                }
                                if (i < N - 1) {
                                    r += a[i][2] * u[i + 1];
                                }
                                r2 += r * r;
                            }
                            return r2 * 1e-20;
                        }
                        """,
                        p(wave(10, 3e7, 1e7, 0.9), wave(10, 5, 1, 1.3), wave(10, 40, 30, 0.5), wave(10, 2e9, 5e8, 0.4)),
                        p(
                                wave(10, 1e8, 4e7, 2.9),
                                wave(10, 2, 1.5, 0.3),
                                wave(10, 0, 60, 1.5),
                                wave(10, -1e9, 5e8, 1.4))),
                // conj_grad: the solution of the tridiagonal system, CG with its stopping test as a break. With
                // respect to b only: CG takes A symmetric, and a difference in one off-diagonal element alone makes it
                // not, so that CG needs more steps and central differences see another function than the one
                // differentiated (stream_vel's A stays symmetric: its differences are over the friction)
                of(
                        stream,
                        "conj_grad.f90",
                        2,
                        "solve",
                        STREAM + CONJ_GRAD + """
                        @Differentiable(wrt = "b")
                        static double[] solve(double[][] a, double[] b) {
                            double[] x = new double[b.length];
                            conjGrad(x, b, a);
                            return x;
                        }
                        """,
                        p(Fn.m(d(0, 4, -1), d(-1, 4, -1), d(-1, 5, -1), d(-1, 4, 0)), d(1, 2, 0.5, -1)),
                        p(Fn.m(d(0, 3, 0.5), d(0.5, 3.5, 0.2), d(0.2, 2.5, 0)), d(0.3, -0.7, 2))),
                // stream_vel: Picard iterations (viscosity, assembly, CG) until the velocity stops changing, the
                // cost Σ u² against the friction perturbation bb
                of(
                        stream,
                        "stream_vel_dan.f90",
                        51,
                        "streamVel",
                        STREAM + TAUD + VISC_ASSEMBLE + CONJ_GRAD + """
                        @Differentiable(wrt = "bb")
                        static double streamVel(double[] bb) {
                            double[] h = new double[N];
                            double[] betaFric = new double[N];
                            for (int i = 0; i < N; i++) {
                                betaFric[i] = BETA_CONST + bb[i];
                                h[i] = H_LEFT + (H_RIGHT - H_LEFT) / LX * (i + 0.5) * DX;
                            }
                            double[] f = drivingStress(h);
                            double[] u = new double[N + 1];
                            double[] b = new double[N];
                            for (int i = 0; i < N; i++) {
                                b[i] = -DX * f[i];
                                if (i < N - 1) {
                                    b[i] -= f[i + 1] * DX;
                                }
                            }
                            b[N - 1] += f[N];
                            double[] nu = new double[N];
                            double[][] a = new double[N][3];
                            double[] utmp = new double[N];
                            double sumDiff = 1e10;
                            int iter = 0;
                            while (sumDiff > 1e-14 && iter < N_NL) {
                                viscosity(h, u, nu);
                                assemble(nu, betaFric, a);
                                conjGrad(utmp, b, a);
                                sumDiff = 0;
                                for (int j = 0; j < N; j++) {
                                    sumDiff += (utmp[j] - u[j + 1]) * (utmp[j] - u[j + 1]);
                                    u[j + 1] = utmp[j];
                                }
                                iter++;
                            }
                            double fc = 0;
                            for (int i = 1; i <= N; i++) {
                                fc += u[i] * u[i];
                            }
                            return fc;
                        }
                        """,
                        p(wave(10, 0, 0.5, 0.8)),
                        p(wave(10, 1, 0.3, 2.2))));
    }
}
