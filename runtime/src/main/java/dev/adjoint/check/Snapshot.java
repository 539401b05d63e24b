package dev.adjoint.check;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The state of the objects a check's arguments reach (a receiver, object parameters, their fields
 * and arrays), put back before each call: a method may assign its object's fields or write its
 * arrays, and central differences need every call to start from the same point. Arrays and
 * records are copied per call instead ({@link Arguments#copy}); objects cannot be (they have no
 * general copy), so they are shared and restored. JDK objects (collections, strings) are not
 * looked into.
 */
final class Snapshot {
    private final List<Runnable> restorers = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The state of everything {@code args} reach through objects. */
    static Snapshot of(Object[] args) {
        Snapshot s = new Snapshot();
        for (Object a : args) {
            s.capture(a, false);
        }
        return s;
    }

    /** Puts every captured field and array element back. */
    void restore() {
        restorers.forEach(Runnable::run);
    }

    /** Captures {@code v}; arrays only when an object holds them ({@code inObject}), since copies protect the others. */
    private void capture(Object v, boolean inObject) {
        if (v == null
                || v instanceof Number
                || v instanceof Boolean
                || v instanceof Character
                || v instanceof String
                || v.getClass().isEnum()
                || !seen.add(v)) {
            return;
        }
        Class<?> c = v.getClass();
        if (c.isArray()) {
            int n = Array.getLength(v);
            if (c.getComponentType().isPrimitive()) {
                if (inObject) {
                    Object saved = Array.newInstance(c.getComponentType(), n);
                    System.arraycopy(v, 0, saved, 0, n);
                    restorers.add(() -> System.arraycopy(saved, 0, v, 0, n));
                }
                return;
            }
            Object[] saved = ((Object[]) v).clone();
            if (inObject) {
                restorers.add(() -> System.arraycopy(saved, 0, v, 0, n));
            }
            for (Object e : saved) {
                capture(e, inObject);
            }
            return;
        }
        if (Members.isJdk(c)) {
            return;
        }
        if (c.isRecord()) {
            for (java.lang.reflect.RecordComponent rc : c.getRecordComponents()) {
                capture(Members.read(v, rc.getName()), inObject);
            }
            return;
        }
        for (Field f : Members.instanceFields(c)) {
            Object saved = get(f, v);
            restorers.add(() -> {
                if (!Objects.equals(get(f, v), saved)) {
                    set(f, v, saved);
                }
            });
            capture(saved, true);
        }
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static void set(Field f, Object o, Object value) {
        try {
            f.set(o, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot restore " + f + " after a call: " + e.getMessage(), e);
        }
    }
}
