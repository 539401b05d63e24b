package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * The Stommel three-box ocean model, the example TAF and OpenAD are demonstrated on (OpenAD's
 * {@code Examples/ReversalSchemes/head.f}, github.com/dorugeber/OpenAD): temperatures and salinities of three boxes
 * stepped by leapfrog with a Robert filter, the transport from a linear equation of state, its sign choosing the
 * upwind differences. In Java: the {@code all_globals_mod} parameters are {@code static final} constants and tables
 * (CGS units, as there), each subroutine a {@code void} helper writing its output arrays, the six perturbations
 * {@code xx} the independent variables and the final state {@code tsvec} the array result. Twice: with
 * {@code box_cycle_fields} copying the elements, as the Fortran does, and with the three arrays rotated by reference,
 * as a Java programmer may write a leapfrog.
 */
final class OpenAdBoxModel {
    private OpenAdBoxModel() {}

    private static final String REPO = "dorugeber/OpenAD";
    private static final String FILE = "Examples/ReversalSchemes/head.f";

    private static final String MODEL = """
            static final int NDIM = 3;
            static final double[] BLENGTH = {5000.0e5, 1000.0e5, 5000.0e5};
            static final double[] BHEIGHT = {1.0e5, 1.0e5 + 4.0e5, 4.0e5};
            static final double DELTA = BHEIGHT[0] / (BHEIGHT[0] + BHEIGHT[2]);
            static final double BWIDTH = 4000.0e5;
            static final double[] AREA = {BLENGTH[0] * BWIDTH, BLENGTH[1] * BWIDTH, BLENGTH[2] * BWIDTH};
            static final double[] VOL = {AREA[0] * BHEIGHT[0], AREA[1] * (BHEIGHT[0] + BHEIGHT[2]), AREA[2] * BHEIGHT[2]};
            static final double ROBERT_FILTER_COEFF = 0.25;
            static final double HUNDRED = 1.0e2;
            static final double DAY = 3600.0 * 24.0;
            static final double YEAR = DAY * 365.0;
            static final double SV = 1.0e12;
            static final double U0 = 16.0 * SV / 0.0004;
            static final double ALPHA = 1668.0e-7;
            static final double BETA = 0.781e-3;
            static final double GAMMA_T = 1. / (300.0 * DAY);
            static final double GAMMA_S = 0.;
            static final double DELTA_T = 5.0 * DAY;
            static final double[] NULLFORCE = {0.0, 0.0};
            static final double[] FW = {HUNDRED / YEAR * 35.0 * AREA[0], -(HUNDRED / YEAR * 35.0 * AREA[0])};
            static final double[] T_STAR = {22.0, 0.0};
            static final double[] S_STAR = {36.0, 34.0};

            // linear equation of state
            static void density(double[] t, double[] s, double[] rho) {
                for (int l = 0; l < NDIM; l++) {
                    rho[l] = -ALPHA * t[l] + BETA * s[l];
                }
            }

            static double transport(double[] rho) {
                return -U0 * (rho[0] * DELTA + rho[2] * (1.0 - DELTA) - rho[1]);
            }

            static void robertFilter(double[] fldNow, double[] fldOld, double[] fldNew) {
                for (int l = 0; l < NDIM; l++) {
                    fldNow[l] = fldNow[l] + ROBERT_FILTER_COEFF * (fldNew[l] - 2.0 * fldNow[l] + fldOld[l]);
                }
            }

            static void update(double[] fldNew, double[] fldOld, double[] dFldDt) {
                for (int l = 0; l < NDIM; l++) {
                    fldNew[l] = fldOld[l] + 2.0 * DELTA_T * dFldDt[l];
                }
            }

            // upwind differences in the direction of the transport
            static void timestep(double gamma, double[] fldStar, double[] extFor, double uVel, double[] fldNow,
                    double[] fldOld, double[] fldNew) {
                double[] dFldDt = new double[NDIM];
                if (uVel >= 0.) {
                    dFldDt[0] = (extFor[0] + gamma * (fldStar[0] - fldNow[0]) * VOL[0] + uVel * (fldNow[2] - fldNow[0]))
                            / VOL[0];
                    dFldDt[1] = (extFor[1] + gamma * (fldStar[1] - fldNow[1]) * VOL[1] + uVel * (fldNow[0] - fldNow[1]))
                            / VOL[1];
                    dFldDt[2] = uVel * (fldNow[1] - fldNow[2]) / VOL[2];
                } else {
                    dFldDt[0] = (extFor[0] + gamma * (fldStar[0] - fldNow[0]) * VOL[0] - uVel * (fldNow[1] - fldNow[0]))
                            / VOL[0];
                    dFldDt[1] = (extFor[1] + gamma * (fldStar[1] - fldNow[1]) * VOL[1] - uVel * (fldNow[2] - fldNow[1]))
                            / VOL[1];
                    dFldDt[2] = -uVel * (fldNow[0] - fldNow[2]) / VOL[2];
                }
                update(fldNew, fldOld, dFldDt);
            }

            """;

    static List<Ported> all() {
        return List.of(
                // box_model_body: box_ini_fields (the steady state plus xx), n_max box_forward steps, box_final_state
                Ported.of(
                        "openad",
                        REPO,
                        FILE,
                        371,
                        "boxModel",
                        MODEL + """
                        @Differentiable
                        static double[] boxModel(double[] xx, int nMax) {
                            double[] tNow = {20.0 + xx[0], 1.0 + xx[1], 1.0 + xx[2]};
                            double[] sNow = {35.5 + xx[3], 34.5 + xx[4], 34.5 + xx[5]};
                            double[] tOld = tNow.clone();
                            double[] sOld = sNow.clone();
                            double[] tNew = tNow.clone();
                            double[] sNew = sNow.clone();
                            double[] rho = new double[NDIM];
                            for (int iloop = 0; iloop < nMax; iloop++) {
                                density(tNow, sNow, rho);
                                double uVel = transport(rho);
                                timestep(GAMMA_T, T_STAR, NULLFORCE, uVel, tNow, tOld, tNew);
                                timestep(GAMMA_S, S_STAR, FW, uVel, sNow, sOld, sNew);
                                robertFilter(tNow, tOld, tNew);
                                robertFilter(sNow, sOld, sNew);
                                for (int l = 0; l < NDIM; l++) {
                                    tOld[l] = tNow[l];
                                    tNow[l] = tNew[l];
                                    sOld[l] = sNow[l];
                                    sNow[l] = sNew[l];
                                }
                                for (int l = 0; l < NDIM; l++) {
                                    if (tNow[l] < -2.) {
                                        tNow[l] = 2.;
                                    }
                                }
                            }
                            double[] tsvec = new double[2 * NDIM];
                            for (int l = 0; l < NDIM; l++) {
                                tsvec[l] = tNow[l];
                                tsvec[l + NDIM] = sNow[l];
                            }
                            return tsvec;
                        }
                        """,
                        p(d(0, 0, 0, 0, 0, 0), 200),
                        p(d(0.5, -0.2, 0.1, 0.05, -0.1, 0.02), 120)),
                // the same model, box_cycle_fields as a rotation of the three arrays by reference
                Ported.of(
                        "openad",
                        REPO,
                        FILE,
                        559,
                        "boxModelRotated",
                        MODEL + """
                        @Differentiable
                        static double[] boxModelRotated(double[] xx, int nMax) {
                            double[] tNow = {20.0 + xx[0], 1.0 + xx[1], 1.0 + xx[2]};
                            double[] sNow = {35.5 + xx[3], 34.5 + xx[4], 34.5 + xx[5]};
                            double[] tOld = tNow.clone();
                            double[] sOld = sNow.clone();
                            double[] tNew = tNow.clone();
                            double[] sNew = sNow.clone();
                            double[] rho = new double[NDIM];
                            for (int iloop = 0; iloop < nMax; iloop++) {
                                density(tNow, sNow, rho);
                                double uVel = transport(rho);
                                timestep(GAMMA_T, T_STAR, NULLFORCE, uVel, tNow, tOld, tNew);
                                timestep(GAMMA_S, S_STAR, FW, uVel, sNow, sOld, sNew);
                                robertFilter(tNow, tOld, tNew);
                                robertFilter(sNow, sOld, sNew);
                                double[] t = tOld;
                                tOld = tNow;
                                tNow = tNew;
                                tNew = t;
                                double[] s = sOld;
                                sOld = sNow;
                                sNow = sNew;
                                sNew = s;
                                for (int l = 0; l < NDIM; l++) {
                                    if (tNow[l] < -2.) {
                                        tNow[l] = 2.;
                                    }
                                }
                            }
                            double[] tsvec = new double[2 * NDIM];
                            for (int l = 0; l < NDIM; l++) {
                                tsvec[l] = tNow[l];
                                tsvec[l + NDIM] = sNow[l];
                            }
                            return tsvec;
                        }
                        """,
                        p(d(0, 0, 0, 0, 0, 0), 200),
                        p(d(0.5, -0.2, 0.1, 0.05, -0.1, 0.02), 120)));
    }
}
