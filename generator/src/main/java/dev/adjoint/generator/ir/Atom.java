package dev.adjoint.generator.ir;

import dev.adjoint.generator.types.Ty;

/** An operand of an operation: a variable or a constant. */
public sealed interface Atom permits Atom.Var, Atom.Const, Atom.Elem, Atom.Index {

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
     * An element of an array that no statement writes after it (nor in a loop around it), read
     * where it is used, in the forward and the reverse sweep, instead of being copied into a
     * temporary that loops would have to save: by then the array holds its final values.
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

    /**
     * An integer index expression such as {@code c * d + j}, kept as (renamed) source text and
     * evaluated where it is used, in the forward and the reverse sweep, instead of a temporary
     * that loops would have to save: the reverse sweep restores the variables it reads anyway.
     *
     * @param text the renamed source text
     * @param vars the variables it reads
     */
    record Index(String text, java.util.List<Var> vars) implements Atom {
        public Index {
            vars = java.util.List.copyOf(vars);
        }

        @Override
        public Ty type() {
            return Ty.INT;
        }

        @Override
        public String java() {
            return text;
        }

        @Override
        public String toString() {
            return text;
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
        if (a instanceof Index i) {
            return i.vars();
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
