package dev.adjoint.check;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A checked method's parameters as its adjoint takes them: for an instance method the receiver
 * comes first (named {@code this}), as in {@code lossGrad(Model self, double[] x, ...)}.
 *
 * @param method the original method
 * @param instance whether it is an instance method
 * @param types the parameter types, the receiver's class first for an instance method
 * @param names the parameter names ({@code this} first for an instance method; Java's {@code arg0} without {@code -parameters})
 * @param namesPresent whether the class file keeps the parameter names
 */
record Signature(Method method, boolean instance, Class<?>[] types, String[] names, boolean namesPresent) {

    static Signature of(Method m) {
        boolean instance = !Modifier.isStatic(m.getModifiers());
        Stream<Class<?>> receiver = instance ? Stream.of(m.getDeclaringClass()) : Stream.empty();
        Stream<String> self = instance ? Stream.of("this") : Stream.empty();
        java.lang.reflect.Parameter[] ps = m.getParameters();
        return new Signature(
                m,
                instance,
                Stream.concat(receiver, Arrays.stream(m.getParameterTypes())).toArray(Class<?>[]::new),
                Stream.concat(self, Arrays.stream(ps).map(java.lang.reflect.Parameter::getName))
                        .toArray(String[]::new),
                ps.length == 0 || ps[0].isNamePresent());
    }

    /**
     * This signature with the parameter names a caller gave ({@code this} first for an instance
     * method), which then count as kept: {@code wrt("w")} and the annotation's {@code wrt} read them.
     */
    Signature named(String[] given) {
        return Arrays.equals(given, names) ? this : new Signature(method, instance, types, given.clone(), true);
    }

    int count() {
        return types.length;
    }

    /** The method called with {@code args} (the receiver first for an instance method). */
    Object invoke(Object[] args) {
        try {
            return instance
                    ? method.invoke(args[0], Arrays.copyOfRange(args, 1, args.length))
                    : method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    method.getDeclaringClass().getSimpleName() + "." + method.getName() + " threw " + e.getCause(),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method + ": " + e.getMessage(), e);
        }
    }
}
