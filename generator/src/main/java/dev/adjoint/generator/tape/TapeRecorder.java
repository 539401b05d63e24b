package dev.adjoint.generator.tape;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
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
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.normalize.Calls;
import dev.adjoint.generator.normalize.Lowering;
import dev.adjoint.generator.normalize.Types;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the recording twin of a method: the same statements in the same control flow, where
 * each floating-point value {@code v} has a handle {@code v_h} on the tape and each differentiable
 * operation pushes a node with its local partial derivatives, taken from the one rule table.
 */
public final class TapeRecorder {
    private final MethodRequest request;
    private final Lowering scope;
    private final Types types;
    private final Calls calls;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private int indent;

    private TapeRecorder(MethodRequest request, MethodIndex index) {
        this.request = request;
        this.scope = new Lowering(request, index);
        this.calls = new Calls(scope);
        this.types = new Types(scope::typeOfName, calls);
    }

    /**
     * The recorder's body as Java text, or the diagnostics of what even the tape cannot do.
     *
     * @param paramHandles the handle parameter's name of each floating parameter (null for others)
     */
    public record Recording(String body, List<Diagnostic> diagnostics, List<String> paramHandles) {}

    /** Writes the recorder of {@code request}. */
    public static Recording record(MethodRequest request, MethodIndex index) {
        TapeRecorder r = new TapeRecorder(request, index);
        r.scope.pushScope();
        for (Param p : request.params()) {
            r.scope.bind(p.name(), new Atom.Var(p.name(), p.type()));
        }
        java.util.stream.Stream.concat(request.declaration().getParameters().stream().map(p -> (Node) p),
                request.declaration().findAll(VariableDeclarator.class).stream().map(v -> (Node) v))
                .filter(TapeRecorder::isNamedMath)
                .forEach(n -> r.error(n, "a variable named 'Math' would hide java.lang.Math in the generated code; rename it"));
        List<String> handles = new ArrayList<>();
        for (Param p : request.params()) {
            handles.add(p.type().isFloating() ? r.handle(p.name()) : null);
        }
        for (Statement s : request.declaration().getBody().orElseThrow().getStatements()) {
            r.statement(s);
        }
        return new Recording(r.out.toString(), List.copyOf(r.diagnostics), java.util.Collections.unmodifiableList(handles));
    }

    private static boolean isNamedMath(Node n) {
        if (n instanceof com.github.javaparser.ast.body.Parameter p) {
            return p.getNameAsString().equals("Math");
        }
        return n instanceof VariableDeclarator v && v.getNameAsString().equals("Math");
    }

    private final java.util.Map<String, String> handles = new java.util.HashMap<>();

    /** The handle variable of value variable {@code name} (a fresh name, never the user's). */
    String handle(String name) {
        return handles.computeIfAbsent(name, n -> scope.claim(n + "_h"));
    }

    // ---- statements, control flow as written -------------------------------------------------

    private void statement(Statement s) {
        if (s instanceof BlockStmt b) {
            line("{");
            indent++;
            scope.pushScope();
            b.getStatements().forEach(this::statement);
            scope.popScope();
            indent--;
            line("}");
        } else if (s instanceof EmptyStmt) {
            return;
        } else if (s instanceof ExpressionStmt es) {
            line("// " + Positions.oneLine(s));
            expressionStatement(es.getExpression());
        } else if (s instanceof IfStmt i) {
            line("if (" + passive(i.getCondition()) + ")");
            nested(i.getThenStmt());
            i.getElseStmt().ifPresent(e -> {
                out.setLength(out.length() - 1);
                out.append(" else\n");
                nested(e);
            });
        } else if (s instanceof WhileStmt w) {
            line("while (" + passive(w.getCondition()) + ")");
            nested(w.getBody());
        } else if (s instanceof DoStmt d) {
            line("do");
            nested(d.getBody());
            out.setLength(out.length() - 1);
            out.append(" while (" + passive(d.getCondition()) + ");\n");
        } else if (s instanceof ForStmt f) {
            forStatement(f);
        } else if (s instanceof ForEachStmt fe) {
            forEach(fe);
        } else if (s instanceof LabeledStmt l) {
            line(l.getLabel().asString() + ":");
            statement(l.getStatement());
        } else if (s instanceof BreakStmt || s instanceof ContinueStmt || s instanceof ThrowStmt) {
            line(s instanceof ThrowStmt t ? "throw " + passive(t.getExpression()) + ";" : Positions.oneLine(s));
        } else if (s instanceof SwitchStmt sw) {
            line("switch (" + passive(sw.getSelector()) + ") {");
            for (SwitchEntry e : sw.getEntries()) {
                line(e.getLabels().isEmpty() ? "default:" : "case " + String.join(", ", e.getLabels().stream().map(Node::toString).toList()) + ":");
                indent++;
                scope.pushScope();
                e.getStatements().forEach(this::statement);
                scope.popScope();
                indent--;
            }
            line("}");
        } else if (s instanceof ReturnStmt r) {
            Value v = convert(value(r.getExpression().orElseThrow()), request.result());
            line("_tape.setResult(" + v.handle() + ");");
            line("return " + v.value() + ";");
        } else {
            error(s, "'" + Positions.oneLine(s).split("[({]")[0].trim() + "' is not supported by the tape strategy either;"
                    + " rewrite it with the constructs in the README's supported-Java table");
        }
    }

    private void nested(Statement s) {
        openBrace();
        indent++;
        scope.pushScope();
        if (s instanceof BlockStmt b) {
            b.getStatements().forEach(this::statement);
        } else {
            statement(s);
        }
        scope.popScope();
        indent--;
        line("}");
    }

    private void forStatement(ForStmt f) {
        scope.pushScope();
        List<String> init = new ArrayList<>();
        for (Expression e : f.getInitialization()) {
            if (e instanceof VariableDeclarationExpr v && v.getVariables().stream().allMatch(d -> typeOf(d).filter(t -> !t.isFloating()).isPresent())) {
                v.getVariables().forEach(d -> scope.bind(d.getNameAsString(), new Atom.Var(d.getNameAsString(), typeOf(d).get())));
                init.add(v.getElementType() + " " + String.join(", ", v.getVariables().stream()
                        .map(d -> d.getNameAsString() + d.getInitializer().map(x -> " = " + passive(x)).orElse("")).toList()));
            } else if (types.of(e).filter(t -> !t.isFloating()).isPresent() || isIntegerUpdate(e)) {
                init.add(passiveStatement(e));
            } else {
                error(e, "a for loop's initialization '" + Positions.oneLine(e) + "' computes a floating-point value:"
                        + " the tape strategy needs it before the loop; move it to its own statement");
            }
        }
        List<String> update = new ArrayList<>();
        for (Expression e : f.getUpdate()) {
            if (isIntegerUpdate(e)) {
                update.add(passiveStatement(e));
            } else {
                error(e, "a for loop's update '" + Positions.oneLine(e) + "' changes a floating-point value: move it into the"
                        + " loop body");
            }
        }
        line("for (" + String.join(", ", init) + "; " + f.getCompare().map(this::passive).orElse("") + "; "
                + String.join(", ", update) + ")");
        nested(f.getBody());
        scope.popScope();
    }

    private void forEach(ForEachStmt fe) {
        Optional<Ty> t = types.of(fe.getIterable());
        VariableDeclarator d = fe.getVariable().getVariables().get(0);
        if (t.isEmpty() || !(fe.getIterable() instanceof NameExpr arr) || t.get().dims() != 1) {
            error(fe.getIterable(), "for-each over '" + Positions.oneLine(fe.getIterable()) + "' is not supported: iterate over a"
                    + " double[] or float[] variable");
            return;
        }
        String i = "_i" + indent;
        line("for (int " + i + " = 0; " + i + " < " + arr.getNameAsString() + ".length; " + i + "++) {");
        indent++;
        scope.pushScope();
        Ty elem = t.get().element();
        scope.bind(d.getNameAsString(), new Atom.Var(d.getNameAsString(), elem));
        line(elem.java() + " " + d.getNameAsString() + " = " + arr.getNameAsString() + "[" + i + "];");
        if (elem.isFloating()) {
            line("int " + handle(d.getNameAsString()) + " = " + handle(arr.getNameAsString()) + "[" + i + "];");
        }
        if (fe.getBody() instanceof BlockStmt b) {
            b.getStatements().forEach(this::statement);
        } else {
            statement(fe.getBody());
        }
        scope.popScope();
        indent--;
        line("}");
    }

    private boolean isIntegerUpdate(Expression e) {
        if (e instanceof UnaryExpr u) {
            return types.of(u.getExpression()).filter(Ty::isIntegral).isPresent();
        }
        if (e instanceof AssignExpr a) {
            return types.of(a.getTarget()).filter(t -> !t.isFloating()).isPresent();
        }
        return false;
    }

    private String passiveStatement(Expression e) {
        return passive(e);
    }

    private void expressionStatement(Expression e) {
        if (e instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator d : v.getVariables()) {
                declare(d);
            }
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
                    error(a, "compound assignment '" + a.getOperator().asString() + "' is not supported");
                    return;
                }
                value = new BinaryExpr(a.getTarget().clone(), new EnclosedExpr(value.clone()), op);
                a.getRange().ifPresent(value::setRange);
            }
            store(a.getTarget(), value);
        } else if (e instanceof UnaryExpr u && u.getOperator().name().contains("CREMENT")) {
            boolean inc = u.getOperator().name().contains("INCREMENT");
            store(u.getExpression(), new BinaryExpr(u.getExpression().clone(), new IntegerLiteralExpr("1"),
                    inc ? BinaryExpr.Operator.PLUS : BinaryExpr.Operator.MINUS));
        } else if (types.of(e).filter(t -> !t.isFloating()).isPresent() || e instanceof MethodCallExpr) {
            line(passive(e) + ";");
        } else {
            error(e, "expression statement '" + Positions.oneLine(e) + "' is not supported");
        }
    }

    private Optional<Ty> typeOf(VariableDeclarator d) {
        return dev.adjoint.generator.select.MethodSelector.toTy(d.getType());
    }

    private void declare(VariableDeclarator d) {
        Optional<Ty> ty = typeOf(d);
        if (ty.isEmpty()) {
            error(d, "local '" + d.getNameAsString() + "' of type " + d.getType() + " is not supported");
            return;
        }
        String name = d.getNameAsString();
        Ty t = ty.get();
        if (t.isArray()) {
            if (t.dims() != 1 || d.getInitializer().isEmpty()
                    || !(d.getInitializer().get() instanceof com.github.javaparser.ast.expr.ArrayCreationExpr c)
                    || c.getInitializer().isPresent()) {
                error(d, "local array '" + name + "': the tape strategy supports 1-D arrays created with new " + t.prim().java() + "[n]");
                return;
            }
            String n = passive(c.getLevels().get(0).getDimension().orElseThrow());
            scope.bind(name, new Atom.Var(name, t));
            line(t.java() + " " + name + " = new " + t.prim().java() + "[" + n + "];");
            line("int[] " + handle(name) + " = _tape.borrowHandles(" + name + ".length);");
            return;
        }
        if (!t.isFloating()) {
            line(t.java() + " " + name + d.getInitializer().map(x -> " = " + passive(x)).orElse("") + ";");
            scope.bind(name, new Atom.Var(name, t));
            return;
        }
        if (d.getInitializer().isPresent()) {
            Value v = convert(value(d.getInitializer().get()), t);
            line(t.java() + " " + name + " = " + v.value() + ";");
            line("int " + handle(name) + " = " + v.handle() + ";");
        } else {
            line(t.java() + " " + name + " = " + t.zero() + ";");
            line("int " + handle(name) + " = dev.adjoint.tape.Tape.CONSTANT;");
        }
        scope.bind(name, new Atom.Var(name, t));
    }

    private void store(Expression target, Expression value) {
        Optional<Ty> tt = types.of(target);
        if (tt.isEmpty()) {
            error(target, "cannot assign '" + Positions.oneLine(target) + "'");
            return;
        }
        Ty t = tt.get();
        if (!t.isFloating()) {
            line(Positions.oneLine(target).isEmpty() ? "" : passive(target) + " = " + passive(value) + ";");
            return;
        }
        if (t.isArray()) {
            error(target, "assigning the array variable '" + Positions.oneLine(target) + "' is not supported: write its elements");
            return;
        }
        Value v = convert(value(value), t);
        if (target instanceof NameExpr n) {
            line(n.getNameAsString() + " = " + v.value() + ";");
            line(handle(n.getNameAsString()) + " = " + v.handle() + ";");
        } else if (target instanceof ArrayAccessExpr a && a.getName() instanceof NameExpr arr) {
            String idx = passive(a.getIndex());
            String i = temp("int");
            line("int " + i + " = " + idx + ";");
            line(arr.getNameAsString() + "[" + i + "] = " + v.value() + ";");
            line(handle(arr.getNameAsString()) + "[" + i + "] = " + v.handle() + ";");
        } else {
            error(target, "assignment to '" + Positions.oneLine(target) + "' is not supported by the tape strategy"
                    + " (1-D arrays and locals only)");
        }
    }

    // ---- values: (value, handle) pairs -------------------------------------------------------

    /** A floating-point value and its handle, both as Java text. */
    private record Value(String value, String handle, Ty type) {}

    private Value constant(String text, Ty t) {
        return new Value(text, "dev.adjoint.tape.Tape.CONSTANT", t);
    }

    private Value value(Expression e) {
        Optional<Ty> ot = types.of(e);
        if (ot.isEmpty()) {
            for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
                if (calls.resolve(m).filter(x -> x.differentiable().isEmpty() && x.result().filter(Ty::isFloating).isPresent()).isPresent()) {
                    return call(m, Ty.DOUBLE);
                }
            }
            error(e, "cannot determine the type of '" + Positions.oneLine(e) + "'");
            return constant("0", Ty.DOUBLE);
        }
        Ty t = ot.get();
        if (!t.isFloating()) {
            return constant(passive(e), t);
        }
        if (e instanceof EnclosedExpr en) {
            return value(en.getInner());
        }
        if (e instanceof DoubleLiteralExpr) {
            return constant(e.toString(), t);
        }
        if (e instanceof NameExpr n) {
            if (scope.lookup(n.getNameAsString()).isPresent()) {
                return new Value(n.getNameAsString(), handle(n.getNameAsString()), t);
            }
            return constant(passive(e), t);
        }
        if (e instanceof FieldAccessExpr) {
            return constant(passive(e), t);
        }
        if (e instanceof ArrayAccessExpr a && a.getName() instanceof NameExpr arr && t.dims() == 0) {
            String i = temp("int");
            line("int " + i + " = " + passive(a.getIndex()) + ";");
            return new Value(arr.getNameAsString() + "[" + i + "]", handle(arr.getNameAsString()) + "[" + i + "]", t);
        }
        if (e instanceof UnaryExpr u) {
            Value a = convert(value(u.getExpression()), t);
            return u.getOperator() == UnaryExpr.Operator.PLUS ? a : apply("neg", List.of(a), t);
        }
        if (e instanceof BinaryExpr b) {
            String key = switch (b.getOperator()) {
                case PLUS -> "+";
                case MINUS -> "-";
                case MULTIPLY -> "*";
                case DIVIDE -> "/";
                default -> null;
            };
            if (key == null) {
                error(b, "operator '" + b.getOperator().asString() + "' on " + t + " values has no derivative rule");
                return constant("0", t);
            }
            Value l = convert(value(b.getLeft()), t);
            Value r = convert(value(b.getRight()), t);
            return apply(key, List.of(l, r), t);
        }
        if (e instanceof CastExpr c) {
            return convert(value(c.getExpression()), t);
        }
        if (e instanceof ConditionalExpr c) {
            String v = temp("v");
            line(t.java() + " " + v + ";");
            line("int " + handle(v) + ";");
            line("if (" + passive(c.getCondition()) + ") {");
            indent++;
            Value a = convert(value(c.getThenExpr()), t);
            line(v + " = " + a.value() + ";");
            line(handle(v) + " = " + a.handle() + ";");
            indent--;
            line("} else {");
            indent++;
            Value b = convert(value(c.getElseExpr()), t);
            line(v + " = " + b.value() + ";");
            line(handle(v) + " = " + b.handle() + ";");
            indent--;
            line("}");
            return new Value(v, handle(v), t);
        }
        if (e instanceof MethodCallExpr m) {
            return call(m, t);
        }
        error(e, "expression '" + Positions.oneLine(e) + "' is not supported by the tape strategy");
        return constant("0", t);
    }

    private Value call(MethodCallExpr m, Ty t) {
        Optional<MethodRequest> callee = calls.differentiableCallee(m);
        if (callee.isPresent() && callee.get().customPullback() != null) {
            return customCall(m, callee.get(), t);
        }
        if (callee.isPresent()) {
            MethodRequest c = callee.get();
            List<String> args = new ArrayList<>();
            args.add("_tape");
            for (int i = 0; i < m.getArguments().size(); i++) {
                Param p = c.params().get(i);
                Expression a = m.getArgument(i);
                if (p.type().isArray()) {
                    if (!(a instanceof NameExpr an)) {
                        error(a, "pass arrays to " + c.name() + " by variable name");
                        return constant("0", t);
                    }
                    args.add(an.getNameAsString());
                    args.add(handle(an.getNameAsString()));
                } else if (p.type().isFloating()) {
                    Value v = convert(value(a), p.type());
                    args.add(v.value());
                    args.add(v.handle());
                } else {
                    args.add(passive(a));
                }
            }
            String v = temp("v");
            String owner = c.packageName().equals(request.packageName()) ? c.adjointSimpleName() : c.adjointQualifiedName();
            line(t.java() + " " + v + " = " + owner + "." + c.adjointName() + "Record(" + String.join(", ", args) + ");");
            line("int " + handle(v) + " = _tape.result();");
            return new Value(v, handle(v), t);
        }
        if (m.getNameAsString().equals("detach") && calls.isBuiltin(m)) {
            return constant(convert(value(m.getArgument(0)), t).value(), t);
        }
        if (!calls.isBuiltin(m)) {
            error(m, "call to '" + m.getNameAsString() + "' returns a floating-point value but is neither @Differentiable nor"
                    + " given a @CustomDerivative: its derivative is unknown; annotate it, or supply its pullback with"
                    + " @CustomDerivative(of = \"" + m.getNameAsString() + "\")");
            return constant("0", t);
        }
        Rule rule = DerivativeRules.get("Math." + m.getNameAsString());
        Ty argTy = rule.floatOverload() ? t : Ty.DOUBLE;
        List<Value> args = new ArrayList<>();
        for (Expression a : m.getArguments()) {
            args.add(convert(value(a), argTy));
        }
        return apply(rule.key(), args, t);
    }

    /**
     * A call to a method with a user-supplied pullback: the pullback, seeded with 1, gives the
     * value and the local partials, which become one node (a chain of nodes past three).
     */
    private Value customCall(MethodCallExpr m, MethodRequest c, Ty t) {
        String owner = c.packageName().equals(request.packageName()) ? c.ownerSimpleName() : c.ownerQualifiedName();
        String stacks = temp("s");
        String mark = temp("cells");
        line("dev.adjoint.stack.AdjointStacks " + stacks + " = dev.adjoint.stack.AdjointStacks.forThread();");
        line("int " + mark + " = " + stacks + ".doubleCellMark();");
        line("int " + mark + "f = " + stacks + ".floatCellMark();");
        List<String> args = new ArrayList<>();
        List<String> buffers = new ArrayList<>();
        List<String[]> parents = new ArrayList<>();
        for (int i = 0; i < m.getArguments().size(); i++) {
            Param p = c.params().get(i);
            Expression a = m.getArgument(i);
            if (p.type().isArray()) {
                error(a, "the tape strategy passes only scalars to the custom derivative of '" + c.name() + "'");
                return constant("0", t);
            }
            if (!p.type().isFloating()) {
                args.add(passive(a));
                continue;
            }
            Value v = convert(value(a), p.type());
            args.add(v.value());
            String cell = temp("g");
            boolean f = p.type().prim() == Ty.Prim.FLOAT;
            line((f ? "dev.adjoint.FloatGrad " : "dev.adjoint.DoubleGrad ") + cell + " = " + stacks
                    + (f ? ".borrowFloatCell();" : ".borrowDoubleCell();"));
            buffers.add(cell);
            parents.add(new String[] {v.handle(), cell + ".get()"});
        }
        args.add(t.prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0");
        args.addAll(buffers);
        String z = temp("v");
        line(t.java() + " " + z + " = " + owner + "." + c.customPullback() + "(" + String.join(", ", args) + ");");
        String h = handle(z);
        if (parents.isEmpty()) {
            line("int " + h + " = dev.adjoint.tape.Tape.CONSTANT;");
        } else {
            // z = Σ g_i · x_i locally: up to three parents per node, chained with partial 1
            String acc = null;
            int i = 0;
            while (i < parents.size()) {
                List<String> ps = new ArrayList<>();
                if (acc != null) {
                    ps.add(acc + ", 1.0");
                }
                while (ps.size() < 3 && i < parents.size()) {
                    ps.add(parents.get(i)[0] + ", " + parents.get(i)[1]);
                    i++;
                }
                String next = i >= parents.size() ? h : temp("chain");
                line("int " + next + " = _tape.push" + ps.size() + "(" + String.join(", ", ps) + ");");
                acc = next;
            }
        }
        line(stacks + ".releaseCells(" + mark + ", " + mark + "f);");
        return new Value(z, h, t);
    }

    /** {@code z = rule(args)}: the value, and a node whose partials are the rule's contributions at dz = 1. */
    private Value apply(String key, List<Value> args, Ty t) {
        Rule rule = DerivativeRules.get(key);
        List<String> vals = new ArrayList<>();
        for (Value a : args) {
            String x = a.value();
            if (!x.matches("[A-Za-z_$][A-Za-z_$0-9]*(\\[[A-Za-z_$0-9]+\\])?") && !x.matches("[0-9.]+[fFdD]?")) {
                // the partials read the argument again: evaluate it once
                String tmp = temp("v");
                line(a.type().java() + " " + tmp + " = " + x + ";");
                x = tmp;
            }
            vals.add(x);
        }
        String z = temp("v");
        line(t.java() + " " + z + " = " + rule.instantiatePrimal(vals) + ";");
        StringBuilder push = new StringBuilder();
        int n = 0;
        for (int i = 0; i < args.size(); i++) {
            if (!rule.differentiableIn(i)) {
                continue;
            }
            String partial = simplify(rule.instantiateContribution(i, vals, z, "1.0"));
            push.append(n == 0 ? "" : ", ").append(args.get(i).handle()).append(", ").append(partial);
            n++;
        }
        String h = handle(z);
        if (n == 0) {
            line("int " + h + " = dev.adjoint.tape.Tape.CONSTANT;");
        } else {
            line("int " + h + " = _tape.push" + n + "(" + push + ");");
        }
        return new Value(z, h, t);
    }

    private static String simplify(String partial) {
        return partial.replaceAll("^1\\.0 \\* ", "").replaceAll("^-1\\.0 \\* ", "-").replaceAll("^-1\\.0$", "-1.0");
    }

    private Value convert(Value v, Ty to) {
        if (v.type().equals(to) || !to.isFloating()) {
            return v;
        }
        if (!v.type().isFloating()) {
            return constant("(" + to.java() + ") (" + v.value() + ")", to); // (double) (n / 2): integer division first
        }
        return new Value("(" + to.java() + ") " + v.value(), v.handle(), to);
    }

    /** A value without derivative, as written (names are the user's own in the recorder). */
    private String passive(Expression e) {
        Expression c = e.clone();
        for (MethodCallExpr m : c.findAll(MethodCallExpr.class)) {
            if (m.getScope().isEmpty()) {
                if (request.importsMathMethod(m.getNameAsString()) && DerivativeRules.isMathFunction(m.getNameAsString(), m.getArguments().size())) {
                    m.setScope(new NameExpr("Math"));
                } else {
                    calls.resolve(m).ifPresent(entry -> m.setScope(new NameExpr(entry.ownerQualified())));
                }
            } else {
                calls.resolve(m).ifPresent(entry -> m.setScope(new NameExpr(entry.ownerQualified())));
            }
        }
        for (FieldAccessExpr f : c.findAll(FieldAccessExpr.class)) {
            if (f.getScope() instanceof NameExpr sc && request.ownerPath().contains(sc.getNameAsString())
                    && request.staticFields().containsKey(f.getNameAsString())) {
                f.replace(new NameExpr(request.qualifiedField(f.getNameAsString())));
            }
        }
        for (NameExpr n : c.findAll(NameExpr.class)) {
            String id = n.getNameAsString();
            if (scope.lookup(id).isEmpty() && !request.staticFields().containsKey(id) && (id.equals("PI") || id.equals("E"))
                    && request.importsMath(id) && n.getParentNode().filter(p -> p instanceof MethodCallExpr || p instanceof FieldAccessExpr).isEmpty()) {
                n.replace(new NameExpr("Math." + id));
            }
        }
        if (c instanceof NameExpr n0 && scope.lookup(n0.getNameAsString()).isEmpty() && (n0.getNameAsString().equals("PI")
                || n0.getNameAsString().equals("E")) && request.importsMath(n0.getNameAsString())
                && !request.staticFields().containsKey(n0.getNameAsString())) {
            return "Math." + n0.getNameAsString();
        }
        if (c instanceof FieldAccessExpr f0 && f0.getScope() instanceof NameExpr sc0 && request.ownerPath().contains(sc0.getNameAsString())
                && request.staticFields().containsKey(f0.getNameAsString())) {
            return request.qualifiedField(f0.getNameAsString());
        }
        for (NameExpr n : c.findAll(NameExpr.class)) {
            if (scope.lookup(n.getNameAsString()).isEmpty() && request.staticFields().containsKey(n.getNameAsString())
                    && n.getParentNode().filter(p -> p instanceof MethodCallExpr || p instanceof FieldAccessExpr).isEmpty()) {
                n.replace(new NameExpr(request.qualifiedField(n.getNameAsString())));
            }
        }
        if (c instanceof NameExpr n && scope.lookup(n.getNameAsString()).isEmpty() && request.staticFields().containsKey(n.getNameAsString())) {
            return request.qualifiedField(n.getNameAsString());
        }
        return c.toString();
    }

    private int temps;

    private String temp(String prefix) {
        return scope.claim("_" + prefix + temps++);
    }

    /** Ends the previous line with " {" (Java style: the brace on the header's line). */
    private void openBrace() {
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
            out.append(" {\n");
        } else {
            line("{");
        }
    }

    private void line(String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(request.file(), at, message));
    }
}
