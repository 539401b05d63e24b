package dev.adjoint.generator.ir;

/** An operand of an operation: a variable or a constant. */
public sealed interface Atom permits Atom.Var, Atom.Const, Atom.Elem {

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

    /**
     * An element of an array no statement of the method writes, read where it is used (in the
     * forward and the reverse sweep) instead of being copied into a temporary that loops would have
     * to save: its value is always the same for the same indices.
     */
    record Elem(Var array, java.util.List<Atom> indices, Ty type) implements Atom {
        public Elem {
            indices = java.util.List.copyOf(indices);
        }

        @Override
        public String java() {
            StringBuilder sb = new StringBuilder(array.name());
            indices.forEach(i -> sb.append('[').append(i.java()).append(']'));
            return sb.toString();
        }

        @Override
        public String toString() {
            return java();
        }
    }

    /** The variable whose adjoint receives this atom's derivative: itself, an element's array. */
    static java.util.Optional<Var> carrier(Atom a) {
        if (a instanceof Var v) {
            return java.util.Optional.of(v);
        }
        if (a instanceof Elem e) {
            return java.util.Optional.of(e.array());
        }
        return java.util.Optional.empty();
    }

    /** The variables whose values reading this atom needs: itself, an element's indices. */
    static java.util.List<Var> reads(Atom a) {
        if (a instanceof Var v) {
            return java.util.List.of(v);
        }
        if (a instanceof Elem e) {
            java.util.List<Var> out = new java.util.ArrayList<>();
            e.indices().forEach(i -> out.addAll(reads(i)));
            return out;
        }
        return java.util.List.of();
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
