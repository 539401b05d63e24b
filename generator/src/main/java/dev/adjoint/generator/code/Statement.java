package dev.adjoint.generator.code;

/** A generated Java statement that is not a block: what one line of a method body holds, without its semicolon. */
public sealed interface Statement
        permits Statement.Eval,
                Statement.Declare,
                Statement.Return,
                Statement.Jump,
                Statement.Throw,
                Statement.Assert,
                Statement.Handover,
                Statement.Opaque {

    /** An expression run for its effect: an assignment, a call, an increment. */
    record Eval(Expr expr) implements Statement {
        @Override
        public String toString() {
            return Printer.statement(this);
        }
    }

    /** {@code modifiers type name = init}, or without an initialiser when {@code init} is null. */
    record Declare(String modifiers, String type, String name, Expr init) implements Statement {
        @Override
        public String toString() {
            return Printer.statement(this);
        }
    }

    /** {@code return value}, or {@code return} when {@code value} is null. */
    record Return(Expr value) implements Statement {
        @Override
        public String toString() {
            return Printer.statement(this);
        }
    }

    /** {@code break} or {@code continue}. */
    record Jump(boolean isBreak) implements Statement {
        @Override
        public String toString() {
            return Printer.statement(this);
        }
    }

    /** {@code throw value}. */
    record Throw(Expr value) implements Statement {
        @Override
        public String toString() {
            return Printer.statement(this);
        }
    }

    /** {@code assert cond}: run only with {@code -ea}, so that it costs nothing without. */
    record Assert(Expr cond) implements Statement {
        @Override
        public String toString() {
            return Printer.statement(this);
        }
    }

    /**
     * Where a call to another adjoint, which uses the same stacks, starts ({@code back}: the
     * method's stack locals are handed back to the thread's stacks) or ends (they are read again:
     * the values arrays may have grown). Replaced once the method's stacks are known.
     */
    record Handover(boolean back) implements Statement {
        @Override
        public String toString() {
            return Printer.statement(this);
        }
    }

    /**
     * A statement the model does not take apart, kept as its text: the passes leave it, and the
     * code around it, as it is.
     */
    record Opaque(String text) implements Statement {
        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code target = value}. */
    static Statement assign(Expr target, Expr value) {
        return assign(target, "=", value);
    }

    /** {@code target op value}, {@code op} one of {@code =}, {@code +=}, {@code -=}, ... */
    static Statement assign(Expr target, String op, Expr value) {
        return new Eval(new Expr.Assign(target, op, value));
    }

    /** {@code values = AdjointStacks.push(values, top++, value)}. */
    static Statement push(String values, String top, Expr value) {
        return new Eval(new Expr.Assign(new Expr.Name(values), "=", new Expr.Push(values, top, value)));
    }
}
