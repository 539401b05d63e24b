package dev.adjoint.generator.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic, collision-free identifiers for one generated method: every name the user wrote
 * is reserved, and each generated name gets the first free numeric suffix.
 */
public final class Names {
    private final Set<String> reserved;
    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> nextSuffix = new HashMap<>();
    private final List<String> handedTemps = new ArrayList<>();
    private int temps;

    /** An allocator that will never hand out any of {@code reserved}. */
    public Names(Set<String> reserved) {
        this.reserved = Set.copyOf(reserved);
        used.addAll(reserved);
    }

    /** An allocator that has handed out what this one has, and from now on goes its own way. */
    public Names copy() {
        Names c = new Names(reserved);
        c.used.addAll(used);
        c.nextSuffix.putAll(nextSuffix);
        c.handedTemps.addAll(handedTemps);
        c.temps = temps;
        return c;
    }

    /**
     * Reserves {@code name} if free and returns it; otherwise the first free {@code name_k}. A
     * keyword (the buffer {@code do} of a parameter {@code o}, the tangent {@code try} of {@code ry})
     * is never free: it becomes {@code d_o}, {@code t_ry}, as a record's buffer is named.
     */
    public String claim(String name) {
        if (javax.lang.model.SourceVersion.isKeyword(name)) {
            return claim(name.charAt(0) + "_" + name.substring(1));
        }
        if (used.add(name)) {
            return name;
        }
        // names are never released, so every name_k below the last one handed out is still taken:
        // start from there (counting from 1 each time made many saves of one variable quadratic)
        for (int k = nextSuffix.getOrDefault(name, 1); ; k++) {
            String candidate = name + "_" + k;
            if (used.add(candidate)) {
                nextSuffix.put(name, k + 1);
                return candidate;
            }
        }
    }

    /** A fresh temporary: {@code _t0}, {@code _t1}, ... skipping names already used. */
    public String temp() {
        while (true) {
            String candidate = "_t" + temps++;
            if (used.add(candidate)) {
                handedTemps.add(candidate);
                return candidate;
            }
        }
    }

    /** The temporaries {@link #temp()} handed out, in order. */
    public List<String> temps() {
        return List.copyOf(handedTemps);
    }

    /** Whether {@code name} was reserved when the allocator was made (a name the user wrote). */
    public boolean isReserved(String name) {
        return reserved.contains(name);
    }

    /** Whether {@code name} is taken. */
    public boolean isUsed(String name) {
        return used.contains(name);
    }
}
