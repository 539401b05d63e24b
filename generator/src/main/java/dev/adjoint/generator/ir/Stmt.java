package dev.adjoint.generator.ir;

import java.util.List;
import java.util.Set;

/** A statement of the intermediate form. */
public sealed interface Stmt permits Stmt.Assign, Stmt.ArrayStore, Stmt.If, Stmt.Loop, Stmt.Return, Stmt.Effect {

    /** The user statement this was lowered from. */
    Origin origin();

    /** {@code target = op}; for a differentiable op, {@code target} is never among its operands. */
    record Assign(Atom.Var target, Op op, Origin origin) implements Stmt {}

    /** {@code array[i] = value} or {@code array[i][j] = value}. */
    record ArrayStore(Atom.Var array, List<Atom> indices, Atom value, Origin origin) implements Stmt {
        public ArrayStore {
            indices = List.copyOf(indices);
        }
    }

    /** A two-way branch on a boolean variable. */
    record If(Atom cond, List<Stmt> then, List<Stmt> otherwise, Origin origin) implements Stmt {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /**
     * Every loop shape: {@code repeat { head; if (!cond) exit; body; }}. A {@code for} loop's head
     * computes its condition and its body ends with its update; a {@code do}-{@code while} loop
     * runs its body in the head. {@code break}, {@code continue} and early returns have been
     * turned into flags that the condition and guards read.
     */
    record Loop(List<Stmt> head, Atom cond, List<Stmt> body, Origin origin) implements Stmt {
        public Loop {
            head = List.copyOf(head);
            body = List.copyOf(body);
        }

        /**
         * The test, when the head only computes it from values without derivative ({@code c = i < n}):
         * then every sweep may write {@code while (i < n)} instead of {@code while (true)} with the
         * head and an exit, since nothing else of the head runs or is recorded.
         */
        public java.util.Optional<Op.Passive> passiveTest() {
            return head.size() == 1
                            && head.get(0) instanceof Assign a
                            && a.target().equals(cond)
                            && a.op() instanceof Op.Passive p
                    ? java.util.Optional.of(p)
                    : java.util.Optional.empty();
        }
    }

    /** The method's result: the last statement of the body, and the only return. */
    record Return(Atom value, Origin origin) implements Stmt {}

    /**
     * A statement without derivative that runs where it stands in the forward sweep and nowhere
     * else: a {@code throw} (the adjoint throws where the method throws; nothing after it runs, so
     * the reverse sweep never starts), an {@code assert} (enabled as the method's package is), or
     * output ({@code System.out.println} of values).
     *
     * @param java the statement's source text, over the method's renamed variables, with its semicolon
     * @param reads the variables it reads
     */
    record Effect(Kind kind, String java, Set<Atom.Var> reads, Origin origin) implements Stmt {
        public Effect {
            reads = Set.copyOf(reads);
        }

        /** What the statement does besides reading values. */
        public enum Kind {
            /** Always ends the method. */
            THROW,
            /** Ends the method when enabled and its condition is false. */
            ASSERT,
            /** Writes output; the method goes on. */
            OUTPUT
        }
    }
}
