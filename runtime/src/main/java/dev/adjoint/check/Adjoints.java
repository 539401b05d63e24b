package dev.adjoint.check;

import dev.adjoint.Differentiable;
import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Finds the generated adjoint of a method, and which of its parameters it differentiates. */
final class Adjoints {
    private Adjoints() {}

    /**
     * {@code OwnerAdjoint.nameGrad} (or {@code nameVjp} for an array result) of {@code original}:
     * the class next to the owner ({@code p.Outer.Inner} → {@code p.Outer_InnerAdjoint}), the
     * method named {@code nameGrad} or, for overloads the generator numbers, {@code name_NGrad},
     * whose leading parameters are the original's.
     */
    static Method find(Signature s, boolean vjp) {
        Method original = s.method();
        Class<?> owner = original.getDeclaringClass();
        List<String> path = new ArrayList<>();
        for (Class<?> c = owner; c != null; c = c.getEnclosingClass()) {
            path.add(0, c.getSimpleName());
        }
        String pkg = owner.getPackageName();
        String name = (pkg.isEmpty() ? "" : pkg + ".") + String.join("_", path) + "Adjoint";
        Class<?> adjoint;
        try {
            adjoint = Class.forName(name, true, owner.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "no class " + name + ": is " + owner.getName() + "." + original.getName()
                            + " annotated @Differentiable, and did the build run Adjoint's generator?",
                    e);
        }
        String suffix = vjp ? "Vjp" : "Grad";
        int n = s.count();
        int written = original.getParameterCount(); // the generator numbers overloads by the method's own parameters
        for (Method m : adjoint.getDeclaredMethods()) {
            boolean named = m.getName().equals(original.getName() + suffix)
                    || m.getName().equals(original.getName() + "_" + written + suffix);
            if (named
                    && m.getParameterCount() > n + (vjp ? 1 : 0)
                    && Arrays.equals(Arrays.copyOf(m.getParameterTypes(), n), s.types())) {
                return m;
            }
        }
        throw new IllegalArgumentException(name + " has no " + original.getName() + suffix + " for " + original
                + (vjp ? "" : " (is it differentiated with respect to any parameter?)"));
    }

    /** Whether the generator gives a parameter of {@code type} a buffer of class {@code buffer}. */
    static boolean fits(Class<?> type, Class<?> buffer) {
        if (type == double.class) {
            return buffer == DoubleGrad.class;
        }
        if (type == float.class) {
            return buffer == FloatGrad.class;
        }
        return floating(type) ? buffer == type : buffer != null && buffer == Members.gradClass(type);
    }

    private static boolean floating(Class<?> t) {
        return t == double.class
                || t == float.class
                || t == double[].class
                || t == float[].class
                || t == double[][].class
                || t == float[][].class
                || t == double[][][].class
                || t == float[][][].class;
    }

    private static Class<?>[] buffers(Signature s, Method adjoint, boolean vjp) {
        int first = s.count() + (vjp ? 1 : 0);
        return Arrays.copyOfRange(adjoint.getParameterTypes(), first, adjoint.getParameterCount());
    }

    /**
     * The differentiated parameters: the annotation's {@code wrt} where the class file keeps
     * parameter names (or it names only {@code this}); else the only choice of floating parameters
     * whose buffer types are, in order, those of the adjoint.
     */
    static int[] defaultWrt(Signature s, Method adjoint, boolean vjp) {
        Class<?>[] buffers = buffers(s, adjoint, vjp);
        Differentiable d = s.method().getAnnotation(Differentiable.class);
        List<String> names = d == null ? List.of() : Arrays.asList(d.wrt());
        if (!names.isEmpty() && (s.namesPresent() || names.equals(List.of("this")))) {
            int[] named = java.util.stream.IntStream.range(0, s.count())
                    .filter(p -> names.contains(s.names()[p]))
                    .toArray();
            checkBuffers(s, adjoint, vjp, named);
            return named;
        }
        int[] candidates = java.util.stream.IntStream.range(0, s.count())
                .filter(p -> floating(s.types()[p]) || Members.gradClass(s.types()[p]) != null)
                .toArray();
        List<int[]> choices = new ArrayList<>();
        choose(candidates, 0, new int[buffers.length], 0, s.types(), buffers, choices);
        if (choices.size() != 1) {
            // the choices themselves, as calls to copy: a fixed example could name a parameter the method lacks
            String fit = choices.isEmpty()
                    ? "no choice of its floating parameters fits the adjoint's buffers"
                    : "at least 2 choices fit its signature: " + wrtCall(choices.get(0)) + " or "
                            + wrtCall(choices.get(1));
            throw new IllegalArgumentException("cannot tell which parameters of "
                    + s.method().getName()
                    + " its adjoint differentiates (" + fit + "); say which with AdjointCheck.of(...).wrt(...), or"
                    + " name the parameters so that the annotation's wrt can be read (.named(\"w\", \"x\"), or"
                    + " compile with -parameters: Maven's maven.compiler.parameters=true)");
        }
        return choices.get(0);
    }

    /** {@code .wrt(0, 2)} for the positions {@code {0, 2}}. */
    private static String wrtCall(int[] positions) {
        StringBuilder out = new StringBuilder(".wrt(");
        for (int i = 0; i < positions.length; i++) {
            out.append(i == 0 ? "" : ", ").append(positions[i]);
        }
        return out.append(')').toString();
    }

    /** Every increasing choice of {@code candidates} whose buffer types are {@code buffers}, in order. */
    private static void choose(
            int[] candidates,
            int from,
            int[] picked,
            int count,
            Class<?>[] types,
            Class<?>[] buffers,
            List<int[]> out) {
        if (count == buffers.length) {
            out.add(picked.clone());
            return;
        }
        for (int c = from; c < candidates.length && out.size() < 2; c++) {
            if (fits(types[candidates[c]], buffers[count])) {
                picked[count] = candidates[c];
                choose(candidates, c + 1, picked, count + 1, types, buffers, out);
            }
        }
    }

    /** Throws unless the adjoint has, after the original parameters, one buffer of the right type per position. */
    static void checkBuffers(Signature s, Method adjoint, boolean vjp, int[] positions) {
        Class<?>[] buffers = buffers(s, adjoint, vjp);
        boolean ok = buffers.length == positions.length;
        for (int i = 0; ok && i < positions.length; i++) {
            ok = positions[i] >= 0 && positions[i] < s.count() && fits(s.types()[positions[i]], buffers[i]);
        }
        if (!ok) {
            throw new IllegalArgumentException(
                    adjoint.getName() + "'s buffers " + Arrays.toString(buffers) + " do not fit parameters "
                            + Arrays.toString(positions) + " of " + s.method().getName());
        }
    }
}
