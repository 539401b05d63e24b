package dev.adjoint.generator.code;

import java.util.List;

/**
 * A generated Java expression. {@link #precedence()} orders the operators as Java binds them,
 * from assignment (0) to primaries (14); the printer parenthesises a child that binds more loosely
 * than its place requires.
 */
public sealed interface Expr
        permits Expr.Name,
                Expr.Literal,
                Expr.Field,
                Expr.Element,
                Expr.Call,
                Expr.Binary,
                Expr.Unary,
                Expr.Postfix,
                Expr.Cast,
                Expr.Conditional,
                Expr.Assign,
                Expr.Paren,
                Expr.NewArray,
                Expr.New,
                Expr.Push,
                Expr.Pop,
                Expr.Opaque {

    int ASSIGNMENT = 0;
    int CONDITIONAL = 1;
    int UNARY = 12;
    int POSTFIX = 13;
    int PRIMARY = 14;

    /** How tightly the expression binds. */
    int precedence();

    /** A qualified name, {@code dev.adjoint.stack.AdjointStacks}, as names and field accesses. */
    static Expr qualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? new Name(name) : new Field(qualified(name.substring(0, dot)), name.substring(dot + 1));
    }

    /** A variable (or a class, a package) named by one identifier. */
    record Name(String id) implements Expr {
        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** A literal as written: {@code 0.0}, {@code 1.5f}, {@code "text"}, {@code true}, {@code null}, {@code Foo.class}. */
    record Literal(String text) implements Expr {
        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code target.name}: a field, or a qualified name ({@code Math.PI}, {@code x.length}). */
    record Field(Expr target, String name) implements Expr {
        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** {@code array[index]}. */
    record Element(Expr array, Expr index) implements Expr {
        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** {@code target.name(args)}, or {@code name(args)} when {@code target} is null. */
    record Call(Expr target, String name, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** {@code left op right}, left-associative. */
    record Binary(String op, Expr left, Expr right) implements Expr {
        @Override
        public int precedence() {
            return switch (op) {
                case "||" -> 2;
                case "&&" -> 3;
                case "|" -> 4;
                case "^" -> 5;
                case "&" -> 6;
                case "==", "!=" -> 7;
                case "<", ">", "<=", ">=", "instanceof" -> 8;
                case "<<", ">>", ">>>" -> 9;
                case "+", "-" -> 10;
                case "*", "/", "%" -> 11;
                default -> throw new IllegalArgumentException("binary operator " + op);
            };
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** A prefix operator: {@code -x}, {@code !b}, {@code ~i}, {@code ++i}, {@code --i}. */
    record Unary(String op, Expr operand) implements Expr {
        @Override
        public int precedence() {
            return UNARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** A postfix operator: {@code i++}, {@code i--}. */
    record Postfix(Expr operand, String op) implements Expr {
        @Override
        public int precedence() {
            return POSTFIX;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** {@code (type) operand}. */
    record Cast(String type, Expr operand) implements Expr {
        @Override
        public int precedence() {
            return UNARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** {@code cond ? then : otherwise}, right-associative. */
    record Conditional(Expr cond, Expr then, Expr otherwise) implements Expr {
        @Override
        public int precedence() {
            return CONDITIONAL;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** {@code target op value}, {@code op} one of {@code =}, {@code +=}, {@code -=}, ...; right-associative. */
    record Assign(Expr target, String op, Expr value) implements Expr {
        @Override
        public int precedence() {
            return ASSIGNMENT;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** Parentheses written on purpose, where precedence alone would not print them. */
    record Paren(Expr inner) implements Expr {
        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /**
     * {@code new type[d1][d2][]...} ({@code dims} given, {@code extraDims} left open), or
     * {@code new type[] {init...}} when {@code init} is not null.
     */
    record NewArray(String type, List<Expr> dims, int extraDims, List<Expr> init) implements Expr {
        public NewArray {
            dims = List.copyOf(dims);
            init = init == null ? null : List.copyOf(init);
        }

        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** {@code new type(args)}. */
    record New(String type, List<Expr> args) implements Expr {
        public New {
            args = List.copyOf(args);
        }

        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /**
     * A save onto a stack that the method keeps in two locals, its values array and its top:
     * {@code AdjointStacks.push(values, top++, value)}, which returns the (maybe grown) array.
     */
    record Push(String values, String top, Expr value) implements Expr {
        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /** The last saved value taken off such a stack: {@code values[--top]}. */
    record Pop(String values, String top) implements Expr {
        @Override
        public int precedence() {
            return PRIMARY;
        }

        @Override
        public String toString() {
            return Printer.expression(this);
        }
    }

    /**
     * An expression the model does not take apart, kept as its text: binds as loosely as any, and
     * the passes leave the code that holds it as it is.
     */
    record Opaque(String text) implements Expr {
        @Override
        public int precedence() {
            return ASSIGNMENT;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
