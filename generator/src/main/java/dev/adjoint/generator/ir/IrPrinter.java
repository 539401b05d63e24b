package dev.adjoint.generator.ir;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The intermediate form as stable, readable text, for {@code --dump normalize} and
 * {@code --dump analyze} and for pass-level tests: one line per statement, nested blocks
 * indented, each line ending with the source line it came from. An annotator adds a pass's facts
 * about a statement (the analysis: what its overwrite keeps) in brackets.
 */
public final class IrPrinter {
    private IrPrinter() {}

    /** {@code ir} without annotations. */
    public static String print(MethodIr ir) {
        return print(ir, s -> "");
    }

    /** {@code ir}, each statement followed by {@code note.apply(s)} in brackets where that is not empty. */
    public static String print(MethodIr ir, Function<Stmt, String> note) {
        StringBuilder out = new StringBuilder();
        out.append("method ")
                .append(ir.request().methodRef())
                .append('(')
                .append(ir.params().stream()
                        .map(v -> v.type().java() + " " + v.name())
                        .collect(Collectors.joining(", ")))
                .append(") -> ")
                .append(ir.request().result().java())
                .append('\n');
        out.append("  wrt: ")
                .append(ir.request().wrtParams().stream().map(p -> p.name()).collect(Collectors.joining(", ")))
                .append('\n');
        out.append("  locals: ")
                .append(ir.locals().stream()
                        .map(v -> v.type().java() + " " + v.name())
                        .collect(Collectors.joining(", ")))
                .append('\n');
        if (!ir.hoisted().isEmpty()) {
            out.append("  hoisted: ")
                    .append(ir.hoisted().stream().map(Atom.Var::name).sorted().collect(Collectors.joining(", ")))
                    .append('\n');
        }
        if (!ir.restoredArrays().isEmpty()) {
            out.append("  restored arrays: ")
                    .append(ir.restoredArrays().stream()
                            .map(Atom.Var::name)
                            .sorted()
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        block(ir.body(), "  ", note, out, String.valueOf(ir.request().file().getFileName()));
        return out.toString();
    }

    private static void block(
            List<Stmt> stmts, String indent, Function<Stmt, String> note, StringBuilder out, String file) {
        for (Stmt s : stmts) {
            statement(s, indent, note, out, file);
        }
    }

    private static void statement(Stmt s, String indent, Function<Stmt, String> note, StringBuilder out, String file) {
        String facts = note.apply(s);
        String tail = (facts.isEmpty() ? "" : "   [" + facts + "]") + "   // " + file + ":"
                + s.origin().line();
        if (s instanceof Stmt.Assign a) {
            out.append(indent)
                    .append(a.target().name())
                    .append(" = ")
                    .append(op(a.op()))
                    .append(tail)
                    .append('\n');
        } else if (s instanceof Stmt.ArrayStore st) {
            out.append(indent)
                    .append(st.array().name())
                    .append(st.indices().stream().map(i -> "[" + i.java() + "]").collect(Collectors.joining()))
                    .append(" = ")
                    .append(st.value().java())
                    .append(tail)
                    .append('\n');
        } else if (s instanceof Stmt.If i) {
            out.append(indent)
                    .append("if ")
                    .append(i.cond().java())
                    .append(tail)
                    .append('\n');
            block(i.then(), indent + "  ", note, out, file);
            if (!i.otherwise().isEmpty()) {
                out.append(indent).append("else\n");
                block(i.otherwise(), indent + "  ", note, out, file);
            }
        } else if (s instanceof Stmt.Loop l) {
            out.append(indent).append("loop").append(tail).append('\n');
            block(l.head(), indent + "  ", note, out, file);
            out.append(indent).append("  exit unless ").append(l.cond().java()).append('\n');
            block(l.body(), indent + "  ", note, out, file);
        } else if (s instanceof Stmt.Return r) {
            out.append(indent)
                    .append("return ")
                    .append(r.value().java())
                    .append(tail)
                    .append('\n');
        } else if (s instanceof Stmt.Effect e) {
            out.append(indent).append(e.java()).append(tail).append('\n'); // its own keyword says which kind
        }
    }

    /** One operation: a rule applied to atoms, a load, passive Java, an array creation or a call. */
    static String op(Op op) {
        if (op instanceof Op.Apply a) {
            return a.rule() + "(" + atoms(a.args()) + ") : " + a.type().java();
        }
        if (op instanceof Op.ArrayLoad l) {
            return l.array().name()
                    + l.indices().stream().map(i -> "[" + i.java() + "]").collect(Collectors.joining()) + " : "
                    + l.type().java();
        }
        if (op instanceof Op.Passive p) {
            return "passive " + p.java() + " : " + p.type().java();
        }
        if (op instanceof Op.NewArray n) {
            return "new " + n.type().element().java()
                    + n.dims().stream().map(d -> "[" + d.java() + "]").collect(Collectors.joining());
        }
        if (op instanceof Op.Call c) {
            return "call " + c.callee().methodRef() + "(" + atoms(c.args()) + ") : "
                    + c.type().java();
        }
        return op.toString();
    }

    private static String atoms(List<Atom> as) {
        return as.stream().map(Atom::java).collect(Collectors.joining(", "));
    }
}
