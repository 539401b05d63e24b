package dev.adjoint.generator.code;

import java.util.List;

/**
 * Java text of expressions and statements. A child is parenthesised when it binds more loosely
 * than its place requires; on the right of a left-associative operator also when it binds as
 * tightly ({@code a - (b + c)}: floating-point addition is not associative either).
 */
public final class Printer {
    /** The class that holds the stacks' {@code push}. */
    public static final String STACKS = "dev.adjoint.stack.AdjointStacks";

    private Printer() {}

    public static String statement(Statement s) {
        if (s instanceof Statement.Eval e) {
            return expression(e.expr());
        } else if (s instanceof Statement.Declare d) {
            return (d.modifiers().isEmpty() ? "" : d.modifiers() + " ") + d.type() + " " + d.name()
                    + (d.init() == null ? "" : " = " + expression(d.init()));
        } else if (s instanceof Statement.Return r) {
            return r.value() == null ? "return" : "return " + expression(r.value());
        } else if (s instanceof Statement.Jump j) {
            return j.isBreak() ? "break" : "continue";
        } else if (s instanceof Statement.Throw t) {
            return "throw " + expression(t.value());
        } else if (s instanceof Statement.Assert a) {
            return "assert " + expression(a.cond());
        } else if (s instanceof Statement.Handover h) {
            return h.back() ? "/*hand the stacks back*/" : "/*take the stacks again*/";
        }
        return ((Statement.Opaque) s).text();
    }

    public static String expression(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb);
        return sb.toString();
    }

    private static void print(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Name n) {
            sb.append(n.id());
        } else if (e instanceof Expr.Literal l) {
            sb.append(l.text());
        } else if (e instanceof Expr.Field f) {
            child(f.target(), Expr.PRIMARY, sb);
            sb.append('.').append(f.name());
        } else if (e instanceof Expr.Element el) {
            child(el.array(), Expr.PRIMARY, sb);
            sb.append('[');
            print(el.index(), sb);
            sb.append(']');
        } else if (e instanceof Expr.Call c) {
            if (c.target() != null) {
                child(c.target(), Expr.PRIMARY, sb);
                sb.append('.');
            }
            sb.append(c.name());
            arguments(c.args(), sb);
        } else if (e instanceof Expr.Binary b) {
            int p = b.precedence();
            child(b.left(), p, sb);
            sb.append(' ').append(b.op()).append(' ');
            child(b.right(), p + 1, sb);
        } else if (e instanceof Expr.Unary u) {
            sb.append(u.op());
            // (- -x, not --x)
            boolean clash = u.operand() instanceof Expr.Unary inner
                    && inner.op().charAt(0) == u.op().charAt(u.op().length() - 1)
                    && "+-".indexOf(inner.op().charAt(0)) >= 0;
            child(u.operand(), clash ? Expr.PRIMARY + 1 : Expr.UNARY, sb);
        } else if (e instanceof Expr.Postfix p) {
            child(p.operand(), Expr.POSTFIX, sb);
            sb.append(p.op());
        } else if (e instanceof Expr.Cast c) {
            sb.append('(').append(c.type()).append(") ");
            child(c.operand(), Expr.UNARY, sb);
        } else if (e instanceof Expr.Conditional c) {
            child(c.cond(), Expr.CONDITIONAL + 1, sb);
            sb.append(" ? ");
            child(c.then(), Expr.CONDITIONAL + 1, sb);
            sb.append(" : ");
            child(c.otherwise(), Expr.CONDITIONAL, sb);
        } else if (e instanceof Expr.Assign a) {
            child(a.target(), Expr.POSTFIX, sb);
            sb.append(' ').append(a.op()).append(' ');
            child(a.value(), Expr.ASSIGNMENT, sb);
        } else if (e instanceof Expr.Paren p) {
            sb.append('(');
            print(p.inner(), sb);
            sb.append(')');
        } else if (e instanceof Expr.NewArray n) {
            sb.append("new ").append(n.type());
            for (Expr d : n.dims()) {
                sb.append('[');
                print(d, sb);
                sb.append(']');
            }
            sb.append("[]".repeat(n.extraDims()));
            if (n.init() != null) {
                sb.append(" {");
                for (int i = 0; i < n.init().size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    print(n.init().get(i), sb);
                }
                sb.append('}');
            }
        } else if (e instanceof Expr.New n) {
            sb.append("new ").append(n.type());
            arguments(n.args(), sb);
        } else if (e instanceof Expr.Push p) {
            sb.append(STACKS)
                    .append(".push(")
                    .append(p.values())
                    .append(", ")
                    .append(p.top())
                    .append("++, ");
            print(p.value(), sb);
            sb.append(')');
        } else if (e instanceof Expr.Pop p) {
            sb.append(p.values()).append("[--").append(p.top()).append(']');
        } else if (e instanceof Expr.Opaque o) {
            sb.append(o.text());
        }
    }

    private static void arguments(List<Expr> args, StringBuilder sb) {
        sb.append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i == 0 ? "" : ", ");
            print(args.get(i), sb);
        }
        sb.append(')');
    }

    /** {@code e} where an expression binding at least as tightly as {@code min} may stand. */
    private static void child(Expr e, int min, StringBuilder sb) {
        boolean parens = e.precedence() < min;
        if (parens) {
            sb.append('(');
        }
        print(e, sb);
        if (parens) {
            sb.append(')');
        }
    }
}
