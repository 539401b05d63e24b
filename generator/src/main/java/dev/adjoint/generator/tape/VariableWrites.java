package dev.adjoint.generator.tape;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.Updates;
import dev.adjoint.generator.types.Ty;
import java.util.Optional;

/**
 * Records what an expression statement writes: a declaration, an assignment (a compound one as
 * {@code x = x op (value)}), an increment, or a call kept for its effects. A floating-point
 * variable gets its value and its handle; an int one is copied as written, without derivative.
 */
final class VariableWrites {
    private final RecorderState st;
    private final PassiveCopy passive;
    private final ValueRecorder values;

    VariableWrites(RecorderState st, PassiveCopy passive, ValueRecorder values) {
        this.st = st;
        this.passive = passive;
        this.values = values;
    }

    void expressionStatement(Expression e) {
        if (e instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator d : v.getVariables()) {
                declare(d);
            }
        } else if (e instanceof AssignExpr a
                && a.getOperator() != AssignExpr.Operator.ASSIGN
                && st.types.of(a.getTarget()).filter(t -> !t.isFloating()).isPresent()) {
            // an int b += x * 2.5 keeps Java's implicit narrowing, as written (no derivative)
            st.statement(passive.text(a) + ";");
        } else if (e instanceof AssignExpr a) {
            Expression value = a.getValue();
            if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                BinaryExpr.Operator op = switch (a.getOperator()) {
                    case PLUS -> BinaryExpr.Operator.PLUS;
                    case MINUS -> BinaryExpr.Operator.MINUS;
                    case MULTIPLY -> BinaryExpr.Operator.MULTIPLY;
                    case DIVIDE -> BinaryExpr.Operator.DIVIDE;
                    case REMAINDER -> BinaryExpr.Operator.REMAINDER;
                    default -> null;
                };
                if (op == null) {
                    st.error(a, "compound assignment '" + a.getOperator().asString() + "' is not supported");
                    return;
                }
                value = new BinaryExpr(a.getTarget().clone(), new EnclosedExpr(value.clone()), op);
                a.getRange().ifPresent(value::setRange);
            }
            store(a.getTarget(), value);
        } else if (e instanceof UnaryExpr u && Updates.isUpdate(u.getOperator())) {
            boolean inc = Updates.isIncrement(u.getOperator());
            store(
                    u.getExpression(),
                    new BinaryExpr(
                            u.getExpression().clone(),
                            new IntegerLiteralExpr("1"),
                            inc ? BinaryExpr.Operator.PLUS : BinaryExpr.Operator.MINUS));
        } else if (e instanceof MethodCallExpr m
                && st.calls.differentiableCallee(m).isPresent()) {
            values.value(m); // recorded though its value is unused: the callee may write the arrays it is given
        } else if (st.types.of(e).filter(t -> !t.isFloating()).isPresent() || e instanceof MethodCallExpr) {
            st.statement(passive.text(e) + ";");
        } else {
            st.error(e, "expression statement '" + Positions.oneLine(e) + "' is not supported");
        }
    }

    Optional<Ty> typeOf(VariableDeclarator d) {
        if (d.getType().isVarType()) {
            return d.getInitializer().flatMap(st.types::of); // 'var' takes its initializer's type, as javac gives it
        }
        return dev.adjoint.generator.select.ValueTypes.of(d.getType());
    }

    private void declare(VariableDeclarator d) {
        Optional<Ty> ty = typeOf(d);
        if (ty.isEmpty()) {
            st.rejectLocal(d);
            return;
        }
        String name = d.getNameAsString();
        Ty t = ty.get();
        if (t.isArray()) {
            values.elements.declare(d, t);
            return;
        }
        if (!t.isFloating()) {
            st.local(
                    t.java() + " " + name,
                    d.getInitializer().map(x -> " = " + passive.text(x)).orElse(""));
            st.scope.bind(name, new Atom.Var(name, t));
            return;
        }
        if (d.getInitializer().isPresent()) {
            ValueRecorder.Value v =
                    values.convert(values.value(d.getInitializer().get()), t);
            String h = values.handle(v);
            st.statement(t.java() + " " + name + " = " + v.value() + ";");
            st.statement("int " + st.handle(name) + " = " + h + ";");
        } else {
            st.statement(t.java() + " " + name + " = " + t.zero() + ";");
            st.statement("int " + st.handle(name) + " = dev.adjoint.tape.Tape.CONSTANT;");
        }
        st.scope.bind(name, new Atom.Var(name, t));
    }

    /** The name of the array whose element {@code target} is ({@code IN} of {@code IN[0][1]}), if a name. */
    private static Optional<String> tableOf(Expression target) {
        Expression base = target;
        while (base instanceof com.github.javaparser.ast.expr.ArrayAccessExpr a) {
            base = a.getName();
        }
        return base != target && base instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty();
    }

    private void store(Expression target, Expression value) {
        Optional<Ty> tt = st.types.of(target);
        if (tt.isEmpty()) {
            st.error(
                    target,
                    (target instanceof NameExpr n
                                    ? dev.adjoint.generator.select.AssignedStaticFields.why(
                                            st.request, n.getNameAsString(), true)
                                    : tableOf(target)
                                            .flatMap(table -> dev.adjoint.generator.select.AssignedStaticFields.why(
                                                    st.request, table, false)))
                            .orElse("cannot assign '" + Positions.oneLine(target) + "'"));
            return;
        }
        Ty t = tt.get();
        if (!t.isFloating()) {
            if (Positions.oneLine(target).isEmpty()) {
                st.frame(""); // (nothing to assign)
            } else {
                st.statement(passive.text(target) + " = " + passive.text(value) + ";");
            }
            return;
        }
        if (t.isArray()) {
            if (target instanceof NameExpr n) {
                values.elements.create(n, value, t); // (a fresh array, new double[n]; anything else is an error there)
            } else {
                st.error(
                        target,
                        "replacing the row '" + Positions.oneLine(target)
                                + "' of a 2-D array is not supported by the tape" + " strategy: write its elements");
            }
            return;
        }
        ValueRecorder.Value v = values.convert(values.value(value), t);
        if (target instanceof NameExpr n) {
            String h = values.handle(v); // the node first: its partials may read the value about to be overwritten
            st.statement(n.getNameAsString() + " = " + v.value() + ";");
            st.statement(st.handle(n.getNameAsString()) + " = " + h + ";");
        } else if (!values.elements.store(target, v)) {
            st.error(
                    target,
                    "assignment to '" + Positions.oneLine(target) + "' is not supported by the tape strategy"
                            + " (elements of array variables and locals only)");
        }
    }
}
