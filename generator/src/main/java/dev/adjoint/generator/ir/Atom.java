package dev.adjoint.generator.ir;

/** An operand of an operation: a variable or a constant. */
public sealed interface Atom permits Atom.Var, Atom.Const {

    /** The type of the value. */
    Ty type();

    /** Java source text of the operand. */
    String java();

    /** A variable (parameter, local or temporary), unique by name within its method. */
    record Var(String name, Ty type) implements Atom {
        @Override
        public String java() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A constant, kept as Java source text (a literal, {@code Math.PI}, a static final field). */
    record Const(String text, Ty type) implements Atom {
        @Override
        public String java() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
