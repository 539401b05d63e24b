package dev.adjoint.generator.select;

import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of a compiled class's overloads of one arity a call reaches, by javac's first phase of
 * overload resolution (JLS 15.12.2.2 and 15.12.2.5) over the types Adjoint knows: the methods whose
 * parameters each argument's type is, or widens to (int to long, float, double; long to float,
 * double; float to double; an array only to its own type), and of those the one whose parameters
 * all widen to every other's. Anything else (no such method, several, an argument of unknown type)
 * is no answer, and the call is then an unknown one: never a guess at another method than javac's.
 */
public final class CompiledOverloads {
    private CompiledOverloads() {}

    /** The overload among {@code candidates} (one arity) that arguments of types {@code args} call; empty when unsure. */
    public static Optional<MethodIndex.Entry> choose(List<MethodIndex.Entry> candidates, List<Optional<Ty>> args) {
        if (args.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<MethodIndex.Entry> applicable = new ArrayList<>();
        for (MethodIndex.Entry e : candidates) {
            List<Optional<Ty>> params = params(e);
            boolean fits = params.size() == args.size();
            for (int i = 0; fits && i < args.size(); i++) {
                fits = params.get(i).isPresent()
                        && widens(args.get(i).get(), params.get(i).get());
            }
            if (fits) {
                applicable.add(e);
            }
        }
        List<MethodIndex.Entry> mostSpecific = applicable.stream()
                .filter(e -> applicable.stream().allMatch(other -> moreSpecific(e, other)))
                .toList();
        return mostSpecific.size() == 1 ? Optional.of(mostSpecific.get(0)) : Optional.empty();
    }

    private static List<Optional<Ty>> params(MethodIndex.Entry e) {
        return e.declaration().getParameters().stream()
                .map(p -> MethodSelector.toTy(p.getType()))
                .toList();
    }

    /** Whether every parameter of {@code a} widens to {@code b}'s at the same place. */
    private static boolean moreSpecific(MethodIndex.Entry a, MethodIndex.Entry b) {
        List<Optional<Ty>> pa = params(a);
        List<Optional<Ty>> pb = params(b);
        for (int i = 0; i < pa.size(); i++) {
            if (!widens(pa.get(i).orElseThrow(), pb.get(i).orElseThrow())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a value of type {@code from} may be passed for a parameter of type {@code to} without boxing. */
    static boolean widens(Ty from, Ty to) {
        if (from.equals(to)) {
            return true;
        }
        if (from.isArray()
                || to.isArray()
                || from.prim() == Ty.Prim.BOOLEAN
                || to.prim() == Ty.Prim.BOOLEAN
                || from.isObject()
                || to.isObject()) {
            return false;
        }
        return rank(from.prim()) < rank(to.prim());
    }

    /** int, long, float, double: each widens to every later one (JLS 5.1.2). */
    private static int rank(Ty.Prim p) {
        return switch (p) {
            case INT -> 0;
            case LONG -> 1;
            case FLOAT -> 2;
            case DOUBLE -> 3;
            case BOOLEAN -> -1;
            case SHORT, BYTE, CHAR, STRING, ENUM, RANDOM -> -1;
        };
    }
}
