package dev.adjoint.generator.objects;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.adjoint.generator.types.Ty;
import java.util.List;
import java.util.Optional;

/**
 * A {@code java.util.List} parameter of the user's method, read as data ({@link ListParameters}):
 * the method reads it as the array {@code values} ({@code List<Double>} as a {@code double[]},
 * {@code List<double[]>} as a {@code double[][]} holding the caller's rows), which the public
 * methods fill from the list, once per call, into an array borrowed from the thread's pool (a warm
 * call allocates nothing); a list of records or objects has no {@code values}: its elements' leaves
 * are gathered as those of an array of them are ({@link Receiver.Elements}, the record parameter of
 * the same name), read through {@code get(i)}.
 *
 * @param name the parameter's name
 * @param values the array the method reads; empty for a list of records or objects
 */
public record ListParam(String name, Optional<Ty> values) {
    /** Attached to a method whose {@code List} parameters became arrays. */
    static final DataKey<List<ListParam>> KEY = new DataKey<>() {};

    /** The {@code List} parameters of {@code m}, rewritten into arrays; empty when it has none. */
    /** Whether {@code m} took {@code List} parameters, read as arrays now: a caller cannot pass it its arrays, only inline it. */
    public static boolean takesLists(MethodDeclaration m) {
        return !of(m).isEmpty();
    }

    static List<ListParam> of(MethodDeclaration m) {
        return m.containsData(KEY) ? m.getData(KEY) : List.of();
    }

    /** The {@code List} parameter of {@code rc}'s method named {@code name}, if it is one. */
    public static Optional<ListParam> of(Receiver rc, String name) {
        return rc.lists().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** Whether its elements are boxed numbers ({@code Double}), unboxed into the array. */
    public boolean boxed() {
        return values.filter(t -> t.dims() == 1).isPresent();
    }
}
