package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.SuiteValues.at;
import static dev.adjoint.generator.translated.SuiteValues.buffers;
import static dev.adjoint.generator.translated.SuiteValues.cause;
import static dev.adjoint.generator.translated.SuiteValues.compareValues;
import static dev.adjoint.generator.translated.SuiteValues.describe;
import static dev.adjoint.generator.translated.SuiteValues.normalize;
import static dev.adjoint.generator.translated.SuiteValues.point;
import static dev.adjoint.generator.translated.SuiteValues.round;

import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.types.Ty;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second-order checks {@link PortedHarness} runs for a suite that asks for them: for a {@code double} result, which
 * must have a {@code nameHvp}, at each point, {@code H·u} (a fixed direction {@code u}) against central
 * differences of the {@code Vjp}'s gradient along {@code u} (step 1e-5; to 1e-5 relative, 1e-6 absolute), and the
 * gradient the {@code Hvp} adds against the {@code Vjp}'s (1e-12); then the Hessian columns or products the origin
 * publishes ({@link Published}: {@code H·direction} at its arguments).
 */
final class HvpChecks {
    /** {@code H·direction} published (or stated in closed form) at {@code args}. */
    record Published(double[] direction, double[] hv, double tolerance, Object[] args) {}

    private final Map<String, List<Published>> published;

    /** Checks at every point, and the published products of each function id. */
    HvpChecks(Map<String, List<Published>> published) {
        this.published = published;
    }

    List<Published> published(String id) {
        return published.getOrDefault(id, List.of());
    }

    void check(
            List<String> problems,
            Set<String> ran,
            String id,
            MethodRequest r,
            Class<?> adjoint,
            Method vjp,
            Method original,
            Object[] rawArgs,
            double[] gradient) {
        if (r.result().dims() != 0 || r.result().prim() != Ty.Prim.DOUBLE) {
            return;
        }
        Method hvp = find(
                adjoint,
                r.tangentName() + "Hvp",
                r.params().size() + 3 * r.wrtParams().size());
        if (hvp == null) {
            problems.add("no " + r.tangentName() + "Hvp (" + id + "): every scalar method of the suite must have one");
            return;
        }
        ran.add("AUTO Hvp");
        List<Param> ps = r.params();
        Object[] args = normalize(ps, rawArgs);
        String at = "AUTO Hvp at " + describe(rawArgs);
        double[] x0 = point(ps, args);
        double[] u = new double[x0.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = Math.cos(1.3 * k + 0.4) + 0.2;
        }
        double[][] got = product(problems, r, hvp, original, args, u, at);
        if (got == null) {
            return;
        }
        for (int k = 0; k < gradient.length; k++) {
            if (!(Math.abs(got[0][k] - gradient[k]) <= 1e-12 * Math.max(1, Math.abs(gradient[k])))) {
                problems.add(
                        at + ": its gradient " + Arrays.toString(got[0]) + ", the Vjp's " + Arrays.toString(gradient));
                return;
            }
        }
        double h = 1e-5;
        double[] plus = x0.clone();
        double[] minus = x0.clone();
        for (int k = 0; k < u.length; k++) {
            plus[k] += h * u[k];
            minus[k] -= h * u[k];
        }
        double[] gp = gradientAt(vjp, ps, args, plus);
        double[] gm = gradientAt(vjp, ps, args, minus);
        if (gp == null || gm == null) {
            problems.add(at + ": the Vjp throws near the point");
            return;
        }
        double[] numeric = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            numeric[k] = (gp[k] - gm[k]) / (2 * h);
        }
        compare(problems, at, got[1], numeric, 1e-5, "central differences of the gradient");
    }

    /** The published products of {@code id}. */
    void published(List<String> problems, String id, MethodRequest r, Class<?> adjoint, Method original) {
        for (Published p : published(id)) {
            Method hvp = find(
                    adjoint,
                    r.tangentName() + "Hvp",
                    r.params().size() + 3 * r.wrtParams().size());
            String at = "AUTO Hvp at " + describe(p.args()) + " along " + Arrays.toString(p.direction());
            if (hvp == null) {
                problems.add(at + ": no Hvp, but a Hessian is published");
                return;
            }
            double[][] got = product(problems, r, hvp, original, normalize(r.params(), p.args()), p.direction(), at);
            if (got != null) {
                compare(problems, at, got[1], p.hv(), p.tolerance(), "published");
            }
        }
    }

    /** The gradient and {@code H·u} the {@code Hvp} gives at {@code args}, or null (the problem added). */
    private static double[][] product(
            List<String> problems, MethodRequest r, Method hvp, Method original, Object[] args, double[] u, String at) {
        List<Param> ps = r.params();
        Object[] shaped = at(ps, args, u);
        Object[] grads = buffers(ps, args);
        Object[] products = buffers(ps, args);
        List<Object> call = new ArrayList<>(List.of(Differentiated.copyArguments(args)));
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).wrt()) {
                call.add(shaped[i]);
            }
        }
        call.addAll(List.of(grads));
        call.addAll(List.of(products));
        Object value;
        Object value0;
        try {
            value0 = original.invoke(null, Differentiated.copyArguments(args));
            value = hvp.invoke(null, call.toArray());
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(at + ": threw " + cause(e));
            return null;
        }
        String valueProblem = compareValues(value0, value);
        if (valueProblem != null) {
            problems.add(at + ": " + valueProblem);
            return null;
        }
        return new double[][] {Differentiated.flatten(grads), Differentiated.flatten(products)};
    }

    private static double[] gradientAt(Method vjp, List<Param> ps, Object[] args, double[] x) {
        Object[] sinks = buffers(ps, args);
        List<Object> call = new ArrayList<>(List.of(at(ps, args, x)));
        call.add(1.0);
        call.addAll(List.of(sinks));
        try {
            vjp.invoke(null, call.toArray());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return Differentiated.flatten(sinks);
    }

    private static void compare(
            List<String> problems, String at, double[] got, double[] want, double rtol, String what) {
        for (int k = 0; k < Math.max(got.length, want.length); k++) {
            if (k >= got.length
                    || k >= want.length
                    || !(Math.abs(got[k] - want[k]) <= 1e-6 + rtol * Math.max(Math.abs(got[k]), Math.abs(want[k])))) {
                problems.add(
                        at + ": H.u " + Arrays.toString(round(got)) + ", " + what + " " + Arrays.toString(round(want)));
                return;
            }
        }
    }

    private static Method find(Class<?> cls, String name, int arity) {
        for (Method m : cls.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                m.setAccessible(true);
                return m;
            }
        }
        return null;
    }
}
