package dev.adjoint.generator.tape;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.adjoint.generator.code.Listing;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the recording twin of a method: the same statements in the same control flow, where
 * each floating-point value {@code v} has a handle {@code v_h} on the tape and each differentiable
 * operation pushes a node with its local partial derivatives, taken from the one rule table.
 *
 * <p>This class walks the statements and keeps their control flow; {@link VariableWrites} records
 * what a statement writes, {@link ValueRecorder} the floating-point expressions, {@link
 * PassiveCopy} copies the values without derivative, and {@link RecorderState} holds what they
 * share.
 */
public final class TapeRecorder {
    private final RecorderState st;
    private final PassiveCopy passive;
    private final ValueRecorder values;
    private final VariableWrites writes;

    private TapeRecorder(MethodRequest request, MethodIndex index) {
        this.st = new RecorderState(request, index);
        this.passive = new PassiveCopy(st);
        this.values = new ValueRecorder(st, passive);
        this.writes = new VariableWrites(st, passive, values);
    }

    /** Writes the recorder of {@code request}. */
    public static Recording record(MethodRequest request, MethodIndex index) {
        TapeRecorder r = new TapeRecorder(request, index);
        RecorderState st = r.st;
        st.scope.pushScope();
        for (Param p : request.params()) {
            st.scope.bind(p.name(), new Atom.Var(p.name(), p.type()));
        }
        java.util.stream.Stream.concat(
                        request.declaration().getParameters().stream().map(p -> (Node) p),
                        request.declaration().findAll(VariableDeclarator.class).stream()
                                .map(v -> (Node) v))
                .filter(TapeRecorder::isNamedMath)
                .forEach(n -> st.error(
                        n, "a variable named 'Math' would hide java.lang.Math in the generated code; rename it"));
        NameClashes.unqualifiable(request).ifPresent(n -> st.error(n, NameClashes.unqualifiableMessage(request)));
        List<String> handles = new ArrayList<>();
        for (Param p : request.params()) {
            handles.add(p.type().isFloating() ? st.handle(p.name()) : null);
        }
        for (Statement s : request.declaration().getBody().orElseThrow().getStatements()) {
            r.statement(s);
        }
        return new Recording(
                st.out.lines(),
                List.copyOf(st.diagnostics),
                java.util.Collections.unmodifiableList(handles),
                st.copiesSwitch,
                st.untyped);
    }

    private static boolean isNamedMath(Node n) {
        if (n instanceof com.github.javaparser.ast.body.Parameter p) {
            return p.getNameAsString().equals("Math");
        }
        return n instanceof VariableDeclarator v && v.getNameAsString().equals("Math");
    }

    // ---- statements, control flow as written -------------------------------------------------

    private void statement(Statement s) {
        if (s instanceof BlockStmt b) {
            st.frame("{");
            st.indent++;
            st.scope.pushScope();
            b.getStatements().forEach(this::statement);
            st.scope.popScope();
            st.indent--;
            st.frame("}");
        } else if (s instanceof EmptyStmt) {
            return;
        } else if (s instanceof ExpressionStmt es) {
            st.frame("// " + Positions.line(st.request.file(), s).lead() + Positions.oneLine(s));
            values.beginStatement(es.getExpression());
            writes.expressionStatement(es.getExpression());
            values.endStatement();
        } else if (s instanceof IfStmt i) {
            st.frame("if (" + passive.text(i.getCondition()) + ")");
            nested(i.getThenStmt());
            i.getElseStmt().ifPresent(e -> {
                st.appendToLast(" else", Listing.Role.FRAME);
                nested(e);
            });
        } else if (s instanceof WhileStmt w) {
            st.frame("while (" + passive.text(w.getCondition()) + ")");
            nested(w.getBody());
        } else if (s instanceof DoStmt d) {
            st.frame("do");
            nested(d.getBody());
            st.appendToLast(" while (" + passive.text(d.getCondition()) + ");", Listing.Role.LOOP_TEST);
        } else if (s instanceof ForStmt f) {
            forStatement(f);
        } else if (s instanceof ForEachStmt fe) {
            forEach(fe);
        } else if (s instanceof LabeledStmt l) {
            st.frame(l.getLabel().asString() + ":");
            statement(l.getStatement());
        } else if (s instanceof BreakStmt || s instanceof ContinueStmt || s instanceof ThrowStmt) {
            st.statement(
                    s instanceof ThrowStmt t
                            ? "throw "
                                    + passive.text(dev.adjoint.generator.select.ClassNames.qualifiedCreation(
                                            t.getExpression()))
                                    + ";"
                            : Positions.oneLine(s));
        } else if (s instanceof AssertStmt a) {
            st.statement("assert " + passive.text(a.getCheck())
                    + a.getMessage().map(m -> " : " + passive.text(m)).orElse("") + ";");
        } else if (s instanceof SwitchStmt sw) {
            st.copiesSwitch = true;
            st.frame("switch (" + passive.text(sw.getSelector()) + ") {");
            for (SwitchEntry e : sw.getEntries()) {
                // an arrow case (Java 14) never falls through: it keeps its arrow
                boolean arrow = e.getType() != SwitchEntry.Type.STATEMENT_GROUP;
                String labels = e.getLabels().stream()
                        .map(passive::text)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("");
                st.frame((e.isDefault() || e.getLabels().isEmpty() ? "default" : "case " + labels)
                        + (arrow ? " -> {" : ":"));
                st.indent++;
                st.scope.pushScope();
                e.getStatements().forEach(this::statement);
                st.scope.popScope();
                st.indent--;
                if (arrow) {
                    st.frame("}");
                }
            }
            st.frame("}");
        } else if (s instanceof ReturnStmt r && r.getExpression().isEmpty()) {
            st.error(
                    s,
                    "'return;' without a value in method '" + st.request.name() + "', which returns "
                            + st.request.result() + ": return the result, 'return <value>;'");
        } else if (s instanceof ReturnStmt r && st.request.result().isArray()) {
            values.elements.returnArray(r.getExpression().orElseThrow());
        } else if (s instanceof ReturnStmt r) {
            values.beginStatement(r.getExpression().orElseThrow());
            ValueRecorder.Value v =
                    values.convert(values.value(r.getExpression().orElseThrow()), st.request.result());
            st.statement(st.tape + ".setResult(" + values.handle(v) + ");");
            st.statement("return " + v.value() + ";");
            values.endStatement();
        } else if (s instanceof com.github.javaparser.ast.stmt.TryStmt) {
            st.error(s, "'try' is not supported by either strategy; " + dev.adjoint.generator.fence.Fence.TRY_TODO);
        } else {
            st.error(
                    s,
                    "'" + keyword(s) + "' is not supported by the tape strategy either;"
                            + " rewrite it with the constructs in the README's supported-Java table");
        }
    }

    /** The statement up to its first bracket, as the user wrote it: its keyword ('try', 'synchronized'). */
    private static String keyword(Statement s) {
        String line = Positions.oneLine(s);
        int end = java.util.stream.IntStream.range(0, line.length())
                .filter(i -> "({".indexOf(line.charAt(i)) >= 0)
                .findFirst()
                .orElse(line.length());
        return line.substring(0, end).trim();
    }

    private void nested(Statement s) {
        st.openBrace();
        st.indent++;
        st.scope.pushScope();
        if (s instanceof BlockStmt b) {
            b.getStatements().forEach(this::statement);
        } else {
            statement(s);
        }
        st.scope.popScope();
        st.indent--;
        st.frame("}");
    }

    private void forStatement(ForStmt f) {
        st.scope.pushScope();
        List<String> init = new ArrayList<>();
        for (Expression e : f.getInitialization()) {
            if (e instanceof VariableDeclarationExpr v
                    && v.getVariables().stream()
                            .allMatch(d -> writes.typeOf(d)
                                    .filter(t -> !t.isFloating())
                                    .isPresent())) {
                v.getVariables()
                        .forEach(d -> st.scope.bind(
                                d.getNameAsString(),
                                new Atom.Var(
                                        d.getNameAsString(), writes.typeOf(d).get())));
                init.add(v.getElementType() + " "
                        + String.join(
                                ", ",
                                v.getVariables().stream()
                                        .map(d -> d.getNameAsString()
                                                + d.getInitializer()
                                                        .map(x -> " = " + passive.text(x))
                                                        .orElse(""))
                                        .toList()));
            } else if (st.types.of(e).filter(t -> !t.isFloating()).isPresent() || isIntegerUpdate(e)) {
                init.add(passive.text(e));
            } else {
                st.error(
                        e,
                        "a for loop's initialization '" + Positions.oneLine(e) + "' computes a floating-point value:"
                                + " the tape strategy needs it before the loop; move it to its own statement");
            }
        }
        List<String> update = new ArrayList<>();
        for (Expression e : f.getUpdate()) {
            if (isIntegerUpdate(e)) {
                update.add(passive.text(e));
            } else {
                st.error(
                        e,
                        "a for loop's update '" + Positions.oneLine(e)
                                + "' changes a floating-point value: move it into the" + " loop body");
            }
        }
        int at = st.out.size();
        String compare = f.getCompare().map(passive::text).orElse("");
        st.frame("for (" + String.join(", ", init) + "; " + compare + "; " + String.join(", ", update) + ")");
        // (only int bounds: j < 2.5 runs three times, a long bound may never be reached)
        boolean intBounds = f.getCompare()
                        .filter(e -> e instanceof BinaryExpr b
                                && b.getOperator() == BinaryExpr.Operator.LESS
                                && st.types
                                        .of(b.getRight())
                                        .filter(Ty.INT::equals)
                                        .isPresent())
                        .isPresent()
                && f.getInitialization().size() == 1
                && f.getInitialization().get(0) instanceof VariableDeclarationExpr v
                && v.getVariables().size() == 1
                && v.getVariables()
                        .get(0)
                        .getInitializer()
                        .flatMap(st.types::of)
                        .filter(Ty.INT::equals)
                        .isPresent();
        LoopRoom outer = st.room;
        st.room = intBounds ? LoopRoom.of(f, st).orElse(null) : null;
        LoopRoom room = st.room;
        nested(f.getBody());
        st.room = outer;
        if (room != null) {
            Expression start = ((VariableDeclarationExpr) f.getInitialization().get(0))
                    .getVariable(0)
                    .getInitializer()
                    .orElseThrow();
            Expression bound = ((BinaryExpr) f.getCompare().orElseThrow()).getRight();
            room.reserve(st.out, at, start, passive.text(start), bound, passive.text(bound), st.tape, st.indent);
        }
        st.scope.popScope();
    }

    private void forEach(ForEachStmt fe) {
        Optional<Ty> t = st.types.of(fe.getIterable());
        VariableDeclarator d = fe.getVariable().getVariables().get(0);
        // the array and its handles: a variable, or a row of a 2-D one, m[i] (its index read once, as Java does)
        Optional<List<String>> iterable = t.filter(x -> x.dims() == 1)
                .flatMap(x -> fe.getIterable() instanceof NameExpr arr
                        ? Optional.of(List.of(arr.getNameAsString(), st.handle(arr.getNameAsString())))
                        : values.elements.argument(fe.getIterable()));
        if (iterable.isEmpty()) {
            st.error(
                    fe.getIterable(),
                    "for-each over '" + Positions.oneLine(fe.getIterable()) + "' is not supported: iterate over a"
                            + " double[] or float[] variable, or a row of a 2-D one");
            return;
        }
        String array = iterable.get().get(0);
        String handles = iterable.get().get(1);
        String i = "_i" + st.indent;
        if (st.userNames.contains(i)) {
            i = st.scope.claim(i); // (only then: sibling loops at one depth share the name, as they always have)
        }
        st.frame("for (int " + i + " = 0; " + i + " < " + array + ".length; " + i + "++) {");
        st.indent++;
        st.scope.pushScope();
        Ty elem = t.get().element();
        st.scope.bind(d.getNameAsString(), new Atom.Var(d.getNameAsString(), elem));
        st.statement(elem.java() + " " + d.getNameAsString() + " = " + array + "[" + i + "];");
        if (elem.isFloating()) {
            st.statement("int " + st.handle(d.getNameAsString()) + " = " + handles + "[" + i + "];");
        }
        if (fe.getBody() instanceof BlockStmt b) {
            b.getStatements().forEach(this::statement);
        } else {
            statement(fe.getBody());
        }
        st.scope.popScope();
        st.indent--;
        st.frame("}");
    }

    private boolean isIntegerUpdate(Expression e) {
        if (e instanceof UnaryExpr u) {
            return st.types.of(u.getExpression()).filter(Ty::isIntegral).isPresent();
        }
        if (e instanceof AssignExpr a) {
            return st.types.of(a.getTarget()).filter(t -> !t.isFloating()).isPresent();
        }
        return false;
    }
}
