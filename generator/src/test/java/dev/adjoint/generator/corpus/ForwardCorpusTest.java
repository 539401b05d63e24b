package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.corpus.Corpus.Variant;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward mode on every corpus method that has a Jvp (every one the static strategy takes, and those on
 * the tape only for recursion), DEFAULT options, at each
 * {@code //@at} point along a random direction {@code u}: {@code nameJvp} returns the method's
 * value and leaves arrays as the method does; its {@code J·u} matches central differences of
 * {@code f(x + h·u)} (Richardson-extrapolated; float methods against their double twin); the
 * dot-product test {@code ⟨w, J·u⟩ = ⟨Jᵀ·w, u⟩} against {@code nameVjp} holds to
 * ρ = |a−b| / (Σ|w_i (Ju)_i| + Σ|(Jᵀw)_j u_j|) ≤ 1e-12 in double (1e-5 in float), the scale of
 * the terms summed being the scale of their rounding; and the out-cell is set, not added to.
 */
class ForwardCorpusTest {
    static Stream<Arguments> methods() {
        List<Arguments> out = new ArrayList<>();
        for (String c : CorpusTest.selectedClasses()) {
            for (Corpus.Method m : Corpus.methods(c)) {
                out.add(Arguments.of(m));
            }
        }
        return out.stream();
    }

    /** The DEFAULT build of {@code simpleName}, the one {@link CorpusTest} checks. */
    static Differentiated compiled(String simpleName) {
        return CompiledCorpus.compiled(simpleName, Corpus.Variant.DEFAULT);
    }

    static Differentiated twin(String simpleName) {
        return CompiledCorpus.twin(simpleName);
    }

    /** Whether the generator gave {@code m} the static strategy (and so a Jvp). */
    static boolean isStatic(Differentiated d, MethodRequest r) {
        return d.translation().methods().contains(r.methodRef() + ": static");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void jvpAgainstCentralDifferencesAndVjp(Corpus.Method m) {
        Assumptions.assumeTrue(m.bug(Variant.DEFAULT) == null, () -> "BUG: " + m.bug(Variant.DEFAULT));
        Differentiated d = compiled(m.owner());
        MethodRequest r = d.request(m.name());
        boolean hasJvp = d.adjointMethodNames(m.name()).contains(m.name() + "Jvp");
        assertTrue(hasJvp || !isStatic(d, r), m + " is static but has no " + m.name() + "Jvp");
        Assumptions.assumeTrue(hasJvp, () -> m + " goes to the tape for what forward mode rejects too: no Jvp");
        boolean isFloat = Corpus.isFloatClass(m.owner());
        Random rnd = new Random(m.toString().hashCode());
        for (List<String> point : m.points()) {
            Object[] args = Corpus.arguments(r, point);
            String at = m + " at " + point;
            try {
                checkPoint(d, m, r, args, isFloat, rnd);
            } catch (AssertionError e) {
                throw new AssertionError(
                        at + ": " + e.getMessage() + "\n"
                                + d.translation().generated().get(r.adjointQualifiedName()),
                        e);
            }
        }
    }

    /** One random direction per wrt parameter, shaped as the argument. */
    static Object[] direction(MethodRequest r, Object[] args, Random rnd) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!r.params().get(i).wrt()) {
                continue;
            }
            Object a = Differentiated.copyArgument(args[i]);
            if (a instanceof double[] v) {
                Arrays.setAll(v, j -> rnd.nextDouble() * 2 - 1);
            } else if (a instanceof float[] v) {
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) (rnd.nextDouble() * 2 - 1);
                }
            } else if (a instanceof double[][] vv) {
                for (double[] v : vv) {
                    Arrays.setAll(v, j -> rnd.nextDouble() * 2 - 1);
                }
            } else if (a instanceof float[][] vv) {
                for (float[] v : vv) {
                    for (int j = 0; j < v.length; j++) {
                        v[j] = (float) (rnd.nextDouble() * 2 - 1);
                    }
                }
            } else if (a instanceof Object[] layers) {
                // a 3-D array: each layer's rows
                for (Object layer : layers) {
                    for (Object row : (Object[]) layer) {
                        if (row instanceof float[] v) {
                            for (int j = 0; j < v.length; j++) {
                                v[j] = (float) (rnd.nextDouble() * 2 - 1);
                            }
                        } else {
                            Arrays.setAll((double[]) row, j -> rnd.nextDouble() * 2 - 1);
                        }
                    }
                }
            } else if (r.params().get(i).type().prim() == Ty.Prim.FLOAT) {
                a = (float) (rnd.nextDouble() * 2 - 1);
            } else {
                a = rnd.nextDouble() * 2 - 1;
            }
            out.add(a);
        }
        return out.toArray();
    }

    static double[] asDoubles(Object o) {
        if (o instanceof double[] d) {
            return d;
        }
        if (o instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        return new double[] {((Number) o).doubleValue()};
    }

    /** A direction (arrays and boxed scalars) flattened in order. */
    static double[] flattenDirection(Object[] u) {
        Object[] asBuffers = new Object[u.length];
        for (int i = 0; i < u.length; i++) {
            asBuffers[i] = u[i] instanceof Number n ? new DoubleGrad(n.doubleValue()) : u[i];
        }
        return Differentiated.flatten(asBuffers);
    }

    /** The result of {@code nameJvp}: value and J·u. */
    record Jvp(Object value, double[] ju, Object[] argsAfter) {}

    static Jvp jvp(Differentiated d, MethodRequest r, Object[] args, Object[] u, int resultLength) {
        Object[] copy = Differentiated.copyArguments(args);
        List<Object> call = new ArrayList<>(List.of(copy));
        call.addAll(List.of(u));
        Object out;
        if (r.result().isArray()) {
            out = r.result().prim() == Ty.Prim.FLOAT ? new float[resultLength] : new double[resultLength];
        } else {
            out = r.result().prim() == Ty.Prim.FLOAT ? new FloatGrad(123f) : new DoubleGrad(123.0);
        }
        call.add(out);
        Object value = d.invokeGenerated(r.name(), r.name() + "Jvp", call.toArray());
        double[] ju = out instanceof DoubleGrad g
                ? new double[] {g.get()}
                : out instanceof FloatGrad g ? new double[] {g.get()} : asDoubles(out);
        return new Jvp(value, ju, copy);
    }

    private static void checkPoint(
            Differentiated d, Corpus.Method m, MethodRequest r, Object[] args, boolean isFloat, Random rnd) {
        String name = m.name();
        Object[] originalArgs = Differentiated.copyArguments(args);
        Object original = d.invokeOriginal(name, originalArgs);
        double[] y = asDoubles(original);
        Object[] u = direction(r, args, rnd);
        Object[] uBefore = Differentiated.copyArguments(u);
        Jvp j = jvp(d, r, args, u, y.length);
        // the value, and arrays written in place, exactly as the method; the direction untouched
        assertTrue(
                Arrays.deepEquals(new Object[] {original}, new Object[] {j.value()}),
                "Jvp returned " + j.value() + " but the method " + original);
        assertTrue(Arrays.deepEquals(originalArgs, j.argsAfter()), "arguments after Jvp differ from after the method");
        assertTrue(Arrays.deepEquals(uBefore, u), "Jvp changed the caller's direction");
        // set, not added: the cell held 123 before
        Jvp again = jvp(d, r, args, u, y.length);
        assertArrayEquals(j.ju(), again.ju(), 0.0, "a second Jvp call gives another J·u");

        // J·u against central differences along u, of the method (or its double twin, or its frozen oracle)
        Differentiated o = d;
        String on = name;
        Object[] oa = args;
        if (m.frozenOracle() != null) {
            on = m.frozenOracle();
            oa = new Object[2 * args.length];
            System.arraycopy(args, 0, oa, 0, args.length);
            System.arraycopy(args, 0, oa, args.length, args.length);
        } else if (isFloat) {
            o = twin(m.owner());
            oa = Differentiated.twinArgs(args);
        }
        double[] x0 = o.point(on, oa);
        double[] uf = flattenDirection(u);
        assertEquals(x0.length, uf.length, "direction length");
        Differentiated fo = o;
        String fn = on;
        Object[] fa = oa;
        Function<Double, double[]> phi = h -> {
            double[] x = x0.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += h * uf[i];
            }
            return asDoubles(fo.invokeOriginal(fn, fo.at(fn, fa, x)));
        };
        double h = 1e-4;
        double[] ph = phi.apply(h);
        double[] mh = phi.apply(-h);
        double[] ph2 = phi.apply(h / 2);
        double[] mh2 = phi.apply(-h / 2);
        double rtol = isFloat ? 1e-3 : 1e-6;
        double atol = isFloat ? 1e-4 : 1e-8;
        for (int i = 0; i < y.length; i++) {
            double dh = (ph[i] - mh[i]) / (2 * h);
            double dh2 = (ph2[i] - mh2[i]) / h;
            double cd = (4 * dh2 - dh) / 3;
            double got = j.ju()[i];
            assertTrue(
                    Math.abs(got - cd) <= atol + rtol * Math.max(Math.abs(cd), Math.abs(got)),
                    "component " + i + " of J·u: Jvp " + got + ", central differences " + cd);
        }

        // ⟨w, J·u⟩ = ⟨Jᵀ·w, u⟩ with the VJP
        double[] w = new double[y.length];
        Arrays.setAll(w, i -> rnd.nextDouble() * 2 - 1);
        Object seed;
        if (r.result().isArray()) {
            if (r.result().prim() == Ty.Prim.FLOAT) {
                float[] f = new float[w.length];
                for (int i = 0; i < w.length; i++) {
                    f[i] = (float) w[i];
                    w[i] = f[i];
                }
                seed = f;
            } else {
                seed = w.clone();
            }
        } else if (r.result().prim() == Ty.Prim.FLOAT) {
            w[0] = (float) w[0];
            seed = (float) w[0];
        } else {
            seed = w[0];
        }
        Object[] buffers = d.newBuffers(name, args);
        d.invokeVjp(name, Differentiated.copyArguments(args), seed, buffers);
        double[] g = Differentiated.flatten(buffers);
        double rho = GradCheck.dotProductTest(w, j.ju(), g, uf);
        double bound = isFloat ? 1e-5 : 1e-12;
        assertTrue(rho <= bound, "dot-product test: ρ = " + rho + " > " + bound);
    }
    /**
     * The scalar static-strategy corpus methods without {@code nameHvp}: none. Exact: a method that
     * loses its {@code Hvp} fails the coverage test (the last ones, rows {@code X[i]} passed to a
     * method of another class, have theirs since a row's alias in a loop's body is followed up to
     * the update of its index, and the tangents of other classes' methods read their constants
     * wherever they are inlined).
     */
    private static final java.util.Set<String> WITHOUT_HVP =
            java.util.Set.of("Cubes#writesInPlace", "Cubes#layerAliases", "FloatCubes#writesInPlace");

    /**
     * How many corpus methods have each tangent method, printed, with the build's note for every
     * static scalar method without {@code Hvp}; asserted as lower bounds so that a regression
     * (a construct that silently loses its {@code Jvp} or {@code Hvp}) fails here.
     */
    @org.junit.jupiter.api.Test
    @ResourceLock(
            value = Resources.SYSTEM_OUT,
            mode = ResourceAccessMode.READ) // OrdinaryStatementsTest replaces System.out
    void coverageOfTheTangentMethods() {
        int methods = 0;
        int jvps = 0;
        int scalarStatic = 0;
        int hvps = 0;
        int withCalls = 0;
        int tapeJvps = 0;
        Map<String, String> without = new TreeMap<>();
        for (String c : CorpusTest.selectedClasses()) {
            Differentiated d = compiled(c);
            for (Corpus.Method m : Corpus.methods(c)) {
                if (m.bug(Variant.DEFAULT) != null) {
                    continue;
                }
                methods++;
                MethodRequest r = d.request(m.name());
                List<String> names = d.adjointMethodNames(m.name());
                jvps += names.contains(m.name() + "Jvp") ? 1 : 0;
                tapeJvps += names.contains(m.name() + "Jvp") && !isStatic(d, r) ? 1 : 0;
                if (!isStatic(d, r) || r.result().isArray()) {
                    continue;
                }
                scalarStatic++;
                if (names.contains(m.name() + "Hvp")) {
                    hvps++;
                    withCalls += r.declaration().findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
                                    .anyMatch(call -> call.getScope().isEmpty()
                                            || !call.getScope().get().toString().endsWith("Math"))
                            ? 1
                            : 0;
                } else {
                    without.put(
                            m.toString(),
                            d.translation().diagnostics().stream()
                                    .filter(x -> x.line()
                                            == r.declaration()
                                                    .getName()
                                                    .getBegin()
                                                    .get()
                                                    .line)
                                    .map(x -> x.message())
                                    .toList()
                                    .toString());
                }
            }
        }
        System.out.printf(
                "tangent coverage: %d corpus methods, %d with Jvp (%d of them on the tape); %d scalar on the static"
                        + " strategy, %d with Hvp (%d of them calling methods)%n",
                methods, jvps, tapeJvps, scalarStatic, hvps, withCalls);
        without.forEach((m, why) -> System.out.println("  no Hvp: " + m + ": " + why));
        // every scalar static method has an Hvp but the documented exceptions (README, "A scalar method without
        // nameHvp")
        assertTrue(WITHOUT_HVP.containsAll(without.keySet()), "no Hvp, and not a documented exception: " + without);
        if (CorpusTest.selectedClasses().equals(Corpus.CLASSES)) {
            assertEquals(
                    new java.util.TreeSet<>(WITHOUT_HVP),
                    new java.util.TreeSet<>(without.keySet()),
                    "a documented exception now has its Hvp: take it off the list");
            assertTrue(
                    jvps >= 278 && tapeJvps >= 5 && withCalls >= 34,
                    "coverage fell: " + jvps + " Jvps, " + withCalls + " Hvps with calls");
        }
    }

    /** The gradient of {@code name} (the generated one) at the wrt values {@code x}. */
    private static double[] gradientAt(Differentiated d, String name, Object[] args, double[] x) {
        return d.grad(name, d.at(name, args, x)).gradient();
    }

    /**
     * {@code nameHvp} on every scalar corpus method whose tangent is plain Java: the value as the
     * method, the gradient as {@code nameGrad}, and {@code H·v} against Richardson central
     * differences of the generated gradient along {@code v} (float methods: of their double twin's),
     * both added into the buffers (a second call doubles them).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hvpAgainstCentralDifferencesOfTheGradient(Corpus.Method m) {
        Assumptions.assumeTrue(m.bug(Variant.DEFAULT) == null, () -> "BUG: " + m.bug(Variant.DEFAULT));
        Differentiated d = compiled(m.owner());
        MethodRequest r = d.request(m.name());
        Assumptions.assumeTrue(isStatic(d, r) && !r.result().isArray(), () -> m + ": no Hvp (tape or array result)");
        Assumptions.assumeTrue(
                m.frozenOracle() == null,
                () -> m + ": detach makes the generated gradient's differences another function");
        Assumptions.assumeTrue(
                d.adjointMethodNames(m.name()).contains(m.name() + "Hvp"),
                () -> m + ": no Hvp (the build's note says why; coverageOfTheTangentMethods lists them)");
        boolean isFloat = Corpus.isFloatClass(m.owner());
        Random rnd = new Random(31 * m.toString().hashCode());
        for (List<String> point : m.points()) {
            Object[] args = Corpus.arguments(r, point);
            try {
                checkHvp(d, m, r, args, isFloat, rnd);
            } catch (AssertionError e) {
                throw new AssertionError(
                        m + " at " + point + ": " + e.getMessage() + "\n"
                                + d.translation().generated().get(r.adjointQualifiedName()),
                        e);
            }
        }
    }

    private static void checkHvp(
            Differentiated d, Corpus.Method m, MethodRequest r, Object[] args, boolean isFloat, Random rnd) {
        String name = m.name();
        Object original = d.invokeOriginal(name, Differentiated.copyArguments(args));
        Object[] v = direction(r, args, rnd);
        Object[] grad = d.newBuffers(name, args);
        Object[] hv = d.newBuffers(name, args);
        List<Object> call = new ArrayList<>(List.of(Differentiated.copyArguments(args)));
        call.addAll(List.of(v));
        call.addAll(List.of(grad));
        call.addAll(List.of(hv));
        Object value = d.invokeGenerated(name, name + "Hvp", call.toArray());
        assertTrue(
                Arrays.deepEquals(new Object[] {original}, new Object[] {value}),
                "Hvp returned " + value + " but the method " + original);
        double[] g = Differentiated.flatten(grad);
        double[] hvOnce = Differentiated.flatten(hv);
        double[] want = d.grad(name, Differentiated.copyArguments(args)).gradient();
        for (int i = 0; i < g.length; i++) {
            double rho = Math.abs(g[i] - want[i]) / Math.max(1, Math.abs(g[i]) + Math.abs(want[i]));
            assertTrue(
                    rho <= (isFloat ? 1e-5 : 1e-12), "gradient component " + i + ": Hvp " + g[i] + ", Grad " + want[i]);
        }
        // H·v against central differences of the generated gradient along v
        Differentiated o = isFloat ? twin(m.owner()) : d;
        Object[] oa = isFloat ? Differentiated.twinArgs(args) : args;
        double[] x0 = o.point(name, oa);
        double[] vf = flattenDirection(v);
        Function<Double, double[]> grads = h -> {
            double[] x = x0.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += h * vf[i];
            }
            return gradientAt(o, name, oa, x);
        };
        double h = 1e-4;
        double[] ph = grads.apply(h);
        double[] mh = grads.apply(-h);
        double[] ph2 = grads.apply(h / 2);
        double[] mh2 = grads.apply(-h / 2);
        double rtol = isFloat ? 2e-3 : 1e-6;
        double atol = isFloat ? 1e-3 : 1e-8;
        for (int i = 0; i < hvOnce.length; i++) {
            double cd = (4 * (ph2[i] - mh2[i]) / h - (ph[i] - mh[i]) / (2 * h)) / 3;
            assertTrue(
                    Math.abs(hvOnce[i] - cd) <= atol + rtol * Math.max(Math.abs(cd), Math.abs(hvOnce[i])),
                    "component " + i + " of H·v: Hvp " + hvOnce[i] + ", central differences of the gradient " + cd);
        }
        // and with GradCheck's Hessian-vector check (plain central differences)
        if (!isFloat) {
            GradCheck.Report report = GradCheck.checkHvp(x -> gradientAt(o, name, oa, x), x0, vf, hvOnce, 1e-5, 1e-6);
            assertTrue(report.passed(), report.describe());
        }
        // added into the buffers (on fresh copies of the arguments: the method may write them in place)
        List<Object> again = new ArrayList<>(List.of(Differentiated.copyArguments(args)));
        again.addAll(List.of(v));
        again.addAll(List.of(grad));
        again.addAll(List.of(hv));
        d.invokeGenerated(name, name + "Hvp", again.toArray());
        double[] hvTwice = Differentiated.flatten(hv);
        double tol = isFloat ? 1e-6 : 1e-12;
        for (int i = 0; i < hvOnce.length; i++) {
            assertEquals(
                    2 * hvOnce[i], hvTwice[i], tol * Math.max(1, Math.abs(hvTwice[i])), "H·v is added into the buffer");
        }
    }
    /**
     * {@code nameJacobian} on every array-result corpus method the static strategy takes: the value
     * and the arrays written in place as the method; each row against {@code nameVjp} with a unit
     * seed (ρ ≤ 1e-12 in double, 1e-5 in float), each column against central differences along that
     * input; whichever of the two ways the method chose at run time.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void jacobianAgainstRowsAndCentralDifferences(Corpus.Method m) {
        Assumptions.assumeTrue(m.bug(Variant.DEFAULT) == null, () -> "BUG: " + m.bug(Variant.DEFAULT));
        Differentiated d = compiled(m.owner());
        MethodRequest r = d.request(m.name());
        Assumptions.assumeTrue(r.result().isArray() && isStatic(d, r), () -> m + ": not a static array-result method");
        assertTrue(d.adjointMethodNames(m.name()).contains(m.name() + "Jacobian"), m + " has no Jacobian");
        boolean isFloat = Corpus.isFloatClass(m.owner());
        for (List<String> point : m.points()) {
            Object[] args = Corpus.arguments(r, point);
            String at = m + " at " + point;
            Object[] originalArgs = Differentiated.copyArguments(args);
            double[] y = asDoubles(d.invokeOriginal(m.name(), originalArgs));
            int n = d.point(m.name(), args).length;
            double[][] jac = new double[y.length][n];
            Object[] copy = Differentiated.copyArguments(args);
            List<Object> call = new ArrayList<>(List.of(copy));
            call.add(jac);
            double[] value = asDoubles(d.invokeGenerated(m.name(), m.name() + "Jacobian", call.toArray()));
            assertArrayEquals(y, value, 0.0, at + ": Jacobian's value");
            assertTrue(
                    Arrays.deepEquals(originalArgs, copy), at + ": arrays after Jacobian differ from after the method");
            for (int row = 0; row < y.length; row++) {
                Object seed;
                if (r.result().prim() == Ty.Prim.FLOAT) {
                    float[] s = new float[y.length];
                    s[row] = 1;
                    seed = s;
                } else {
                    double[] s = new double[y.length];
                    s[row] = 1;
                    seed = s;
                }
                Object[] buffers = d.newBuffers(m.name(), args);
                d.invokeVjp(m.name(), Differentiated.copyArguments(args), seed, buffers);
                double[] g = Differentiated.flatten(buffers);
                for (int c = 0; c < n; c++) {
                    double rho = Math.abs(g[c] - jac[row][c]) / Math.max(1, Math.abs(g[c]) + Math.abs(jac[row][c]));
                    assertTrue(
                            rho <= (isFloat ? 1e-5 : 1e-12),
                            at + ": jac[" + row + "][" + c + "] = " + jac[row][c] + ", Vjp " + g[c]);
                }
            }
            Differentiated o = isFloat ? twin(m.owner()) : d;
            Object[] oa = isFloat ? Differentiated.twinArgs(args) : args;
            double[] x0 = o.point(m.name(), oa);
            double h = 1e-6;
            for (int c = 0; c < n; c++) {
                double[] xp = x0.clone();
                double[] xm = x0.clone();
                xp[c] += h;
                xm[c] -= h;
                double[] fp = asDoubles(o.invokeOriginal(m.name(), o.at(m.name(), oa, xp)));
                double[] fm = asDoubles(o.invokeOriginal(m.name(), o.at(m.name(), oa, xm)));
                for (int row = 0; row < y.length; row++) {
                    double cd = (fp[row] - fm[row]) / (2 * h);
                    double tol = (isFloat ? 1e-3 : 1e-6) * Math.max(1, Math.abs(cd));
                    assertEquals(
                            cd, jac[row][c], tol, at + ": jac[" + row + "][" + c + "] against central differences");
                }
            }
        }
    }
}
