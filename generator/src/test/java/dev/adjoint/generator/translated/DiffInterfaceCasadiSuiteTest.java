package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.testing.BatchCompiler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * DifferentiationInterfaceTest.jl's standard scenarios ({@link DiffInterfaceFunctions}, {@link DiffInterfaceSparse})
 * , CasADi's AD tests and Hock–Schittkowski problems ({@link CasadiMx}, {@link CasadiFunctions},
 * {@link CasadiHockSchittkowski}), Mooncake.jl's test functions ({@link MooncakeFunctions}) and Enzyme.jl's
 * {@code test/basic.jl} ({@link EnzymeJlFunctions}), through {@link PortedHarness} with AUTO and {@link HvpChecks}: each accepted
 * function's {@code Vjp} (and the tape's) against central differences and each other, its {@code Jvp} by the
 * dot-product test, an array result's {@code nameJacobian} against central differences, a scalar one's {@code Hvp}
 * against central differences of the gradient; and what the origins state in closed form: DifferentiationInterface's
 * derivatives, gradients, pullbacks and Hessian products ({@code arr_to_num_gradient}, {@code arr_to_num_hessian},
 * {@code sumdiffcube_hessian}, {@code squarequadraticform_hessian}, ...), CasADi's Jacobians (as {@code seedᵀ·J})
 * and {@code test_hessian}'s Hessian, and each Hock–Schittkowski objective's value at the file's optimum.
 * <p>
 * Outcomes today: 174 functions, 171 static (each with a {@code Jvp}; a {@code nameJacobian} or an {@code Hvp} by
 * its result), 3 rejected on purpose (a {@code void} and a {@code double[][]} result, a boxed {@code Double} local);
 * Mooncake's 2 recursive ones on the tape. The tables are written to {@code target/di-casadi-suite.md} and {@code target/di-casadi-suite-tape.md} (a
 * copy is in README.md next to this class).
 */
class DiffInterfaceCasadiSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>();
        Map<String, List<Ported.Published>> extra = gradients();
        for (Ported f : DiffInterfaceFunctions.all()) {
            fns.add(withGradients(f, extra));
        }
        for (Ported f : DiffInterfaceSparse.all()) {
            fns.add(withGradients(f, extra));
        }
        fns.addAll(CasadiMx.all());
        fns.addAll(CasadiFunctions.all());
        fns.addAll(CasadiHockSchittkowski.all());
        fns.addAll(MooncakeFunctions.all());
        fns.addAll(EnzymeJlFunctions.all());
        return fns;
    }

    private static Ported withGradients(Ported f, Map<String, List<Ported.Published>> extra) {
        for (Ported.Published p : extra.getOrDefault(f.id(), List.of())) {
            f = f.publishes(p.gradient(), p.tolerance(), p.args());
        }
        return f;
    }

    /** arr_to_num_gradient: α x_k^(α-1) Σ_{j≠k} x_j^β + β x_k^(β-1) Σ_{i≠k} x_i^α + (α+β) x_k^(α+β-1), α = 4, β = 6. */
    static double[] arrToNumGradient(double[] x) {
        double[] g = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double sb = 0, sa = 0;
            for (int j = 0; j < x.length; j++) {
                if (j != k) {
                    sb += Math.pow(x[j], 6);
                    sa += Math.pow(x[j], 4);
                }
            }
            g[k] = 4 * Math.pow(x[k], 3) * sb + 6 * Math.pow(x[k], 5) * sa + 10 * Math.pow(x[k], 9);
        }
        return g;
    }

    /** arr_to_num_hessian times v. */
    static double[] arrToNumHvp(double[] x, double[] v) {
        int n = x.length;
        double[] hv = new double[n];
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                double h;
                if (k == l) {
                    double sb = 0, sa = 0;
                    for (int j = 0; j < n; j++) {
                        if (j != k) {
                            sb += Math.pow(x[j], 6);
                            sa += Math.pow(x[j], 4);
                        }
                    }
                    h = 12 * x[k] * x[k] * sb + 30 * Math.pow(x[k], 4) * sa + 90 * Math.pow(x[k], 8);
                } else {
                    h = 24 * (Math.pow(x[k], 3) * Math.pow(x[l], 5) + Math.pow(x[k], 5) * Math.pow(x[l], 3));
                }
                hv[k] += h * v[l];
            }
        }
        return hv;
    }

    /** sumdiffcube_hessian times v: tridiagonal, d = 6 diff(x) on and beside the diagonal. */
    static double[] sumdiffcubeHvp(double[] x, double[] v) {
        int n = x.length;
        double[] hv = new double[n];
        for (int i = 0; i + 1 < n; i++) {
            double d = 6 * (x[i + 1] - x[i]);
            hv[i] += d * v[i] - d * v[i + 1];
            hv[i + 1] += d * v[i + 1] - d * v[i];
        }
        return hv;
    }

    /** squarequadraticform_hessian's column {@code c}. */
    static double[] squareQuadraticFormColumn(double[] x, double[][] a, int c) {
        int n = x.length;
        double[] col = new double[n];
        for (int i = 0; i < n; i++) {
            if (i == c) {
                double s = 12 * a[i][i] * x[i] * x[i];
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        s += 2 * (a[i][j] + a[j][i]) * x[j] * x[j];
                    }
                }
                col[i] = s;
            } else {
                col[i] = 4 * (a[i][c] + a[c][i]) * x[i] * x[c];
            }
        }
        return col;
    }

    /** The gradients and pullbacks (with the suite's seed 0.5, 0.75, ...) the scenarios state in closed form. */
    static Map<String, List<Ported.Published>> gradients() {
        double x = 0.42;
        double[] x6 = DiffInterfaceFunctions.x6();
        double[] vecPullback = new double[6];
        for (int i = 0; i < 6; i++) {
            vecPullback[i] = Math.cos(x6[i]) * (0.5 + 0.25 * i) - Math.sin(x6[i]) * (0.5 + 0.25 * (i + 6));
        }
        double numToArr = 0;
        for (int k = 0; k < 6; k++) {
            numToArr += (k + 1) * Math.cos((k + 1) * x) * (0.5 + 0.25 * k);
        }
        Map<String, List<Ported.Published>> m = new HashMap<>();
        m.put("di.default.numToNum", List.of(new Ported.Published(d(Math.cos(x)), 1e-15, new Object[] {x})));
        m.put("di.default.numToArrVec", List.of(new Ported.Published(d(numToArr), 1e-13, new Object[] {x})));
        m.put("di.default.numToArrBang", List.of(new Ported.Published(d(numToArr), 1e-13, new Object[] {x})));
        for (String id : List.of("di.default.arrToNumLinalg", "di.default.arrToNumNoLinalg")) {
            m.put(id, List.of(new Ported.Published(arrToNumGradient(x6), 1e-13, new Object[] {x6})));
        }
        for (String id : List.of("di.default.vecToVec", "di.default.vecToVecBang")) {
            m.put(id, List.of(new Ported.Published(vecPullback, 1e-14, new Object[] {x6})));
        }
        m.put("di.allocfree.sum", List.of(new Ported.Published(d(1, 1, 1, 1, 1, 1), 0, new Object[] {x6})));
        return m;
    }

    /** The Hessian products the scenarios and CasADi's test_hessian state. */
    static Map<String, List<HvpChecks.Published>> hessians() {
        double[] x6 = DiffInterfaceFunctions.x6();
        double[] dx6 = d(-1, -2, -3, -4, -5, -6);
        double[] small = d(0.3, -0.7, 1.1);
        double[] u3 = d(0.5, -1, 2);
        double[] x50 = DiffInterfaceSparse.x50();
        double[][] a5 = DiffInterfaceSparse.banded(5);
        double[] e0 = new double[50];
        double[] e7 = new double[50];
        e0[0] = 1;
        e7[7] = 1;
        double[] scaled = arrToNumHvp(small, u3);
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 3;
        }
        Map<String, List<HvpChecks.Published>> m = new HashMap<>();
        m.put(
                "di.default.numToNum",
                List.of(new HvpChecks.Published(d(3.14), d(-Math.sin(0.42) * 3.14), 1e-15, new Object[] {0.42})));
        for (String id : List.of("di.default.arrToNumLinalg", "di.default.arrToNumNoLinalg")) {
            m.put(
                    id,
                    List.of(
                            new HvpChecks.Published(dx6, arrToNumHvp(x6, dx6), 1e-13, new Object[] {x6}),
                            new HvpChecks.Published(u3, arrToNumHvp(small, u3), 1e-13, new Object[] {small})));
        }
        // the 2 x 3 matrix flattened row by row: element values (1, 3, 5, 2, 4, 6), direction reshape(-1:-1:-6, 2, 3)
        double[] flat = d(1, 3, 5, 2, 4, 6);
        double[] dflat = d(-1, -3, -5, -2, -4, -6);
        m.put(
                "di.default.arrToNumMatrix",
                List.of(new HvpChecks.Published(
                        dflat, arrToNumHvp(flat, dflat), 1e-13, new Object[] {DiffInterfaceFunctions.x23()})));
        m.put(
                "di.sparse.sumdiffcube",
                List.of(new HvpChecks.Published(dx6, sumdiffcubeHvp(x6, dx6), 1e-14, new Object[] {x6})));
        m.put(
                "di.sparse.squareQuadraticForm",
                List.of(
                        new HvpChecks.Published(
                                e0, squareQuadraticFormColumn(x50, a5, 0), 1e-13, new Object[] {x50, a5}),
                        new HvpChecks.Published(
                                e7, squareQuadraticFormColumn(x50, a5, 7), 1e-13, new Object[] {x50, a5})));
        m.put("di.modify.scaledArrToNum", List.of(new HvpChecks.Published(u3, scaled, 1e-13, new Object[] {small, 3.0
        })));
        m.put("di.allocfree.identity", List.of(new HvpChecks.Published(d(3.14), d(0), 0, new Object[] {0.42})));
        m.put("casadi.ad.hessianSum", CasadiFunctions.hessianSumColumns());
        return m;
    }

    @TestFactory
    Stream<DynamicTest> diffInterfaceAndCasadiFunctions() throws IOException {
        return PortedHarness.run(all(), "di-casadi-suite", new HvpChecks(hessians()));
    }

    /** Mooncake's recursive functions, on the tape, without the second-order checks (the tape has no {@code Hvp}). */
    @TestFactory
    Stream<DynamicTest> recursiveFunctionsOnTheTape() throws IOException {
        return PortedHarness.run(MooncakeFunctions.recursive(), "di-casadi-suite-tape");
    }

    /** Each Hock–Schittkowski objective at the file's {@code x_opt} gives its {@code f_opt}: the translation is right. */
    @Test
    void hockSchittkowskiObjectivesAtTheirOptima() throws Exception {
        Map<String, Ported> byId = new HashMap<>();
        CasadiHockSchittkowski.all().forEach(f -> byId.put(f.id(), f));
        Map<String, String> sources = new HashMap<>();
        for (CasadiHockSchittkowski.Optimum o : CasadiHockSchittkowski.optima()) {
            Ported f = byId.get(o.id());
            sources.put("ported." + f.simpleClassName(), f.source(f.simpleClassName(), null));
        }
        BatchCompiler.Result r = BatchCompiler.compile(sources);
        assertTrue(r.ok(), r.problems().toString());
        for (CasadiHockSchittkowski.Optimum o : CasadiHockSchittkowski.optima()) {
            Ported f = byId.get(o.id());
            java.lang.reflect.Method method =
                    r.loader().loadClass("ported." + f.simpleClassName()).getDeclaredMethod(f.method(), double[].class);
            method.setAccessible(true);
            double value = (double) method.invoke(null, (Object) o.x());
            assertEquals(o.f(), value, o.tolerance() * Math.max(1, Math.abs(o.f())), o.id());
        }
    }
}
