package dev.adjoint.generator.ir;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The right-hand side of an assignment: exactly one operation. */
public sealed interface Op permits Op.Apply, Op.ArrayLoad, Op.Passive {

    /** The result type. */
    Ty type();

    /** Every atom the operation reads. */
    List<Atom> operands();

    /**
     * A differentiable operation with a rule in the derivative table: an operator, a
     * {@code java.lang.Math} function, a cast, a copy.
     *
     * @param rule the rule's key in the table ({@code "*"}, {@code "Math.sin"}, {@code "copy"}, ...)
     */
    record Apply(String rule, List<Atom> args, Ty type) implements Op {
        public Apply {
            args = List.copyOf(args);
        }

        @Override
        public List<Atom> operands() {
            return args;
        }
    }

    /** {@code array[index]}: the derivative flows into the element's adjoint. */
    record ArrayLoad(Atom.Var array, Atom index, Ty type) implements Op {
        @Override
        public List<Atom> operands() {
            return List.of(array, index);
        }
    }

    /**
     * A value without derivative, computed by a side-effect-free Java expression: integer and
     * boolean arithmetic, comparisons, {@code .length}. Kept as (renamed) source text.
     *
     * @param java the expression's source text, over the method's renamed variables
     * @param reads the variables it reads
     */
    record Passive(String java, Set<Atom.Var> reads, Ty type) implements Op {
        public Passive {
            reads = Set.copyOf(reads);
        }

        @Override
        public List<Atom> operands() {
            return reads.stream().map(v -> (Atom) v).sorted(Comparator.comparing(Atom::java)).toList();
        }
    }
}
