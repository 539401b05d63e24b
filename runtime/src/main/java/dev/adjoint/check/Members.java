package dev.adjoint.check;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and replaces the members of records and objects by name, and finds the generated gradient
 * class of a type: {@code p.Params} → {@code p.ParamsGrad}, {@code p.Outer.Inner} →
 * {@code p.Outer_InnerGrad}, {@code Layer[]} → {@code LayerGrad[]}.
 */
final class Members {
    private Members() {}

    /** Whether {@code t} is a record or another class of the user's (not the JDK's, not an array, not a number). */
    static boolean isStructured(Class<?> t) {
        return !t.isPrimitive() && !t.isArray() && !t.isEnum() && !isJdk(t);
    }

    static boolean isJdk(Class<?> t) {
        String n = t.getName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.");
    }

    /** The value of member {@code name} of {@code owner}: a record's component, or a field (any visibility). */
    static Object read(Object owner, String name) {
        try {
            if (owner.getClass().isRecord()) {
                for (RecordComponent c : owner.getClass().getRecordComponents()) {
                    if (c.getName().equals(name)) {
                        Method m = c.getAccessor();
                        m.setAccessible(true);
                        return m.invoke(owner);
                    }
                }
            }
            Field f = field(owner.getClass(), name);
            return f.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + owner.getClass().getName() + "." + name + ": " + e, e);
        }
    }

    /**
     * {@code owner} with member {@code name} set to {@code value}: the same object with its field
     * set, or, for a record, a new record with that component replaced (its canonical constructor).
     */
    static Object with(Object owner, String name, Object value) {
        Class<?> c = owner.getClass();
        try {
            if (c.isRecord()) {
                RecordComponent[] rc = c.getRecordComponents();
                Object[] values = new Object[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    values[i] = rc[i].getName().equals(name) ? value : read(owner, rc[i].getName());
                }
                return remade(c, values);
            }
            field(c, name).set(owner, value);
            return owner;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + c.getName() + "." + name + ": " + e, e);
        }
    }

    /** A copy of record {@code r} whose components are {@code copier}'s copies. */
    static Object copyRecord(Object r, java.util.function.UnaryOperator<Object> copier) {
        Class<?> c = r.getClass();
        RecordComponent[] rc = c.getRecordComponents();
        Object[] values = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            values[i] = copier.apply(read(r, rc[i].getName()));
        }
        try {
            return remade(c, values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + r + ": " + e, e);
        }
    }

    /**
     * A new record of type {@code c} with components {@code values}, by its canonical constructor; one
     * whose constructor changes what it is given ({@code value = value / 100;}) cannot be copied or
     * perturbed so, which is an {@code IllegalArgumentException} rather than a check at another point.
     */
    private static Object remade(Class<?> c, Object[] values) throws ReflectiveOperationException {
        Object r = canonical(c).newInstance(values);
        RecordComponent[] rc = c.getRecordComponents();
        for (int i = 0; i < rc.length; i++) {
            Object kept = read(r, rc[i].getName());
            if (!java.util.Objects.deepEquals(kept, values[i])) {
                throw new IllegalArgumentException("record " + c.getSimpleName() + "'s constructor changes its"
                        + " components (" + rc[i].getName() + ": " + show(values[i]) + " became " + show(kept)
                        + "), and AdjointCheck makes records again through it to copy and perturb them, so it"
                        + " would check the method at other points than the record's: give " + c.getSimpleName()
                        + " a constructor that stores its arguments as they are, or check a function that takes"
                        + " the numbers (GradCheck)");
            }
        }
        return r;
    }

    private static String show(Object v) {
        return v != null && v.getClass().isArray() ? Arrays.deepToString(new Object[] {v}) : String.valueOf(v);
    }

    private static Constructor<?> canonical(Class<?> record) throws NoSuchMethodException {
        Class<?>[] types = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> k = record.getDeclaredConstructor(types);
        k.setAccessible(true);
        return k;
    }

    /** The instance fields of {@code c} and its superclasses of the user's, made accessible. */
    static List<Field> instanceFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && !isJdk(k); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        for (Field f : instanceFields(c)) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        throw new NoSuchFieldException(c.getName() + "." + name);
    }

    /** The gradient class the generator writes for {@code type} (arrays of it as arrays), or null if there is none. */
    static Class<?> gradClass(Class<?> type) {
        if (type.isArray()) {
            Class<?> element = gradClass(type.getComponentType());
            return element == null ? null : element.arrayType();
        }
        if (!isStructured(type)) {
            return null;
        }
        List<String> path = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            path.add(0, c.getSimpleName());
        }
        String pkg = type.getPackageName();
        try {
            return Class.forName(
                    (pkg.isEmpty() ? "" : pkg + ".") + String.join("_", path) + "Grad", false, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** A zero gradient of class {@code grad} shaped like {@code value}: the generated {@code like(value)}. */
    static Object zeroGrad(Class<?> grad, Object value) {
        Class<?> owner = grad.isArray() ? grad.getComponentType() : grad;
        for (Method m : owner.getMethods()) {
            if (m.getName().equals("like")
                    && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 1
                    && m.getReturnType() == grad
                    && m.getParameterTypes()[0].isInstance(value)) {
                try {
                    return m.invoke(null, value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(owner.getName() + ".like threw " + e.getCause(), e);
                }
            }
        }
        throw new IllegalArgumentException(
                owner.getName() + " has no static like(" + value.getClass().getSimpleName() + ")");
    }

    /** The public fields of a generated gradient class, in declaration order: the members it differentiates. */
    static List<Field> gradFields(Class<?> grad) {
        List<Field> out = new ArrayList<>();
        for (Field f : grad.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
                out.add(f);
            }
        }
        return out;
    }
}
