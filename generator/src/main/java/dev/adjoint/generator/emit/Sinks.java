package dev.adjoint.generator.emit;

import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The names of a lifted method's public gradient ({@code d}) or tangent ({@code t}) objects:
 * {@code dthis} for the object, {@code dp} for record parameter {@code p}. Each is unique among
 * the public method's parameters (a user parameter named {@code dp} makes record {@code p}'s
 * {@code dp_1}), and every place that prints one asks this, so they all print the same name.
 *
 * @param prefix {@code d} or {@code t}; also the prefix of the wrappers' own locals
 * @param self the object's sink
 * @param records each record parameter's sink, by the parameter's name
 */
record Sinks(String prefix, String self, Map<String, String> records) {
    Sinks {
        records = Map.copyOf(records);
    }

    /**
     * The sinks of {@code r}'s public methods, avoiding its public parameters and {@code generated},
     * the other generated parameters' names (seed, buffers or tangents of scalars and arrays, out).
     */
    static Sinks of(String prefix, MethodRequest r, Receiver rc, List<String> generated) {
        Set<String> taken = new HashSet<>(generated);
        if (rc.instance()) {
            taken.add(Receiver.SELF);
        }
        ReceiverWrappers.publicParams(r, rc).forEach(p -> taken.add(p.name()));
        String self = rc.wrtThis() ? unique(prefix + "this", taken) : prefix + "this";
        Map<String, String> records = new HashMap<>();
        for (Receiver.RecordParam p : rc.records()) {
            if (p.isHeld()) {
                records.put(
                        p.name(), self + "." + p.held().get().field()); // dthis.layers: part of the object's gradient
                continue;
            }
            // d_o for o: do is a keyword
            String base = SourceVersion.isKeyword(prefix + p.name()) ? prefix + "_" + p.name() : prefix + p.name();
            records.put(p.name(), unique(base, taken));
        }
        return new Sinks(prefix, self, records);
    }

    /** The indices of the {@code wrt} parameters of {@code r} that the public methods take as they are (not fields or components). */
    static List<Integer> plainWrt(MethodRequest r, Receiver rc) {
        Set<String> lifted = new HashSet<>();
        rc.leaves().forEach(l -> lifted.add(l.param()));
        rc.records().forEach(p -> p.components().forEach(l -> lifted.add(l.param())));
        List<Param> wrt = r.wrtParams();
        return java.util.stream.IntStream.range(0, wrt.size())
                .filter(i -> !lifted.contains(wrt.get(i).name()))
                .boxed()
                .toList();
    }

    /** The sink of record parameter {@code p}. */
    String of(Receiver.RecordParam p) {
        return records.get(p.name());
    }

    /** {@code base}, or the first free {@code base_k}; claimed in {@code taken}. */
    private static String unique(String base, Set<String> taken) {
        String name = base;
        for (int k = 1; !taken.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }
}
