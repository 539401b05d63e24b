package dev.adjoint.generator.analyze;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.rules.DerivativeRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values that may be flat: constant throughout a neighbourhood of the point although the method
 * computes them, so that a singular partial met there is met on a whole region, not at one point. A
 * clamp's bound ({@code max(v, 0)} at {@code v < 0}), a value that no differentiated input reaches (a
 * parameter outside {@code wrt}, {@code x * 0}), what {@code floor} or {@code signum} gives, and what is
 * computed from such values: a product or a quotient with a flat factor (which is flat where that factor
 * is 0), a sum or function of flat values only. {@code sqrt(max(v, 0) * w)} at {@code v < 0} is
 * {@code sqrt} of a flat value: its infinite partial meets the factor 0, and the function, 0 on the region,
 * has the derivative 0 there, which the reverse sweep must give rather than {@code ∞ · 0}. At a singular
 * point of a value that is not flat ({@code sqrt(x * y)} at the origin) the partial derivatives may not
 * exist, and the sweep keeps IEEE's NaN.
 *
 * <p>A flow-insensitive fixpoint, like {@link ActivityAnalysis}: a variable is flat when any assignment
 * makes it so (one branch assigning a constant). A new array's zeros are not counted as flat: an element
 * is read after it is written.
 */
final class FlatValues {
    private FlatValues() {}

    /** Rules whose derivative is 0 wherever it exists: their values are flat. */
    private static final Set<String> STEPS = Set.of("floor", "ceil", "rint", "signum", "round", "detach");

    /** Rules whose value is flat where one argument is (0 times anything, a clamp at its bound). */
    private static final Set<String> ANY_ARGUMENT = Set.of("*", "max", "min", "pow");

    /** The flat variables of a method's statements ({@code stmts}, flattened), given the varied ones. */
    static Set<Atom.Var> of(List<Stmt> stmts, Set<Atom.Var> varied) {
        return ForwardFacts.closure(
                stmts,
                Set.of(),
                (a, flat) -> a.target().type().isFloating() && flat(a.op(), flat, varied),
                (value, flat) -> isFlat(value, flat, varied));
    }

    /** Whether {@code a} may be flat: a constant, a value no differentiated input reaches, or a flat variable. */
    static boolean isFlat(Atom a, Set<Atom.Var> flat, Set<Atom.Var> varied) {
        return Atom.carrier(a).map(v -> flat.contains(v) || !varied.contains(v)).orElse(true);
    }

    private static boolean flat(Op op, Set<Atom.Var> flat, Set<Atom.Var> varied) {
        if (op instanceof Op.Apply ap) {
            String f = DerivativeRules.mathFunction(ap.rule()).orElse(ap.rule());
            List<Atom> args = ap.args();
            if (STEPS.contains(f)) {
                return true;
            }
            if (ANY_ARGUMENT.contains(f)) {
                return args.stream().anyMatch(x -> isFlat(x, flat, varied));
            }
            if (f.equals("/")) {
                return isFlat(args.get(0), flat, varied);
            }
            if (f.equals("fma")) {
                return (isFlat(args.get(0), flat, varied) || isFlat(args.get(1), flat, varied))
                        && isFlat(args.get(2), flat, varied);
            }
            return args.stream().allMatch(x -> isFlat(x, flat, varied));
        }
        if (op instanceof Op.ArrayLoad load) {
            return isFlat(load.array(), flat, varied);
        }
        // a callee may clamp what it returns; a passive value is constant; a new array is written before it is read
        return !(op instanceof Op.NewArray);
    }

    /** The variables a differentiated input reaches through any operation (an array as one). */
    static Set<Atom.Var> varied(MethodIr ir, List<Stmt> stmts) {
        Set<Atom.Var> wrt = new HashSet<>();
        for (int i = 0; i < ir.params().size(); i++) {
            if (ir.request().params().get(i).wrt()) {
                wrt.add(ir.params().get(i));
            }
        }
        return ForwardFacts.closure(
                stmts,
                wrt,
                (a, varied) -> a.op().operands().stream().anyMatch(x -> reaches(x, varied)),
                FlatValues::reaches);
    }

    private static boolean reaches(Atom x, Set<Atom.Var> varied) {
        return Atom.carrier(x).filter(varied::contains).isPresent();
    }
}
