package dev.adjoint.generator.ir;

import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The right-hand side of an assignment: exactly one operation. */
public sealed interface Op permits Op.Apply, Op.ArrayLoad, Op.Passive, Op.NewArray, Op.Call {

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

    /** {@code array[i]} or {@code array[i][j]}: the derivative flows into the element's adjoint. */
    record ArrayLoad(Atom.Var array, List<Atom> indices, Ty type) implements Op {
        public ArrayLoad {
            indices = List.copyOf(indices);
        }

        @Override
        public List<Atom> operands() {
            List<Atom> all = new ArrayList<>();
            all.add(array);
            all.addAll(indices);
            return all;
        }
    }

    /**
     * A value without derivative, computed by a side-effect-free Java expression: integer and
     * boolean arithmetic, comparisons, {@code .length}. Kept as (renamed) source text.
     *
     * @param java the expression's source text, over the method's renamed variables
     * @param reads the variables it reads
     * @param finite whether the value is known to be a finite number (an integer converted to floating
     *     point), which products by it need not guard against {@code 0 · ∞}
     */
    record Passive(String java, Set<Atom.Var> reads, Ty type, boolean finite) implements Op {
        public Passive {
            reads = Set.copyOf(reads);
        }

        /** A value that may be anything its type holds. */
        public Passive(String java, Set<Atom.Var> reads, Ty type) {
            this(java, reads, type, false);
        }

        @Override
        public List<Atom> operands() {
            return reads.stream()
                    .map(v -> (Atom) v)
                    .sorted(Comparator.comparing(Atom::java))
                    .toList();
        }
    }

    /** {@code new double[n]} or {@code new double[n][m]}: a fresh zeroed array. */
    record NewArray(List<Atom> dims, Ty type) implements Op {
        public NewArray {
            dims = List.copyOf(dims);
        }

        @Override
        public List<Atom> operands() {
            return dims;
        }
    }

    /**
     * A call to another {@code @Differentiable} method: the forward sweep calls the method, the
     * reverse sweep calls its generated {@code Vjp}.
     */
    record Call(MethodRequest callee, List<Atom> args, Ty type) implements Op {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public List<Atom> operands() {
            return args;
        }
    }
}
