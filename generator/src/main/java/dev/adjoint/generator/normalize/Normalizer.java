package dev.adjoint.generator.normalize;

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
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Origin;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.select.Param;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Lowers one fenced method to the intermediate form. */
public final class Normalizer {
    private final MethodRequest request;
    private final Names names;
    private final Types types;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Deque<Map<String, Atom.Var>> scopes = new ArrayDeque<>();
    private final List<Atom.Var> params = new ArrayList<>();
    private final List<Atom.Var> locals = new ArrayList<>();
    private final Set<Atom.Var> hoisted = new LinkedHashSet<>();
    private List<Stmt> out = new ArrayList<>();
    private int depth;
    private int originCount;
    private Origin origin;

    private Normalizer(MethodRequest request) {
        this.request = request;
        Set<String> reserved = new TreeSet<>();
        request.declaration().findAll(SimpleName.class).forEach(n -> reserved.add(n.asString()));
        this.names = new Names(reserved);
        this.types = new Types(this::typeOfName);
    }

    /** The lowered method, or the diagnostics that stopped lowering. */
    public record Result(Optional<MethodIr> ir, List<Diagnostic> diagnostics) {}

    /** Lowers {@code request}'s body, which the fence accepted. */
    public static Result normalize(MethodRequest request) {
        Normalizer n = new Normalizer(request);
        n.scopes.push(new HashMap<>());
        for (Param p : request.params()) {
            Atom.Var v = new Atom.Var(p.name(), p.type());
            n.params.add(v);
            n.scopes.peek().put(p.name(), v);
        }
        BlockStmt body = request.declaration().getBody().orElseThrow();
        for (Statement s : body.getStatements()) {
            n.statement(s);
        }
        if (!n.diagnostics.isEmpty()) {
            return new Result(Optional.empty(), n.diagnostics);
        }
        return new Result(Optional.of(new MethodIr(request, n.params, n.locals, n.hoisted, n.out, n.names)), List.of());
    }

    // ---- statements ---------------------------------------------------------------------------

    private void statement(Statement s) {
        if (s instanceof BlockStmt b) {
            scopes.push(new HashMap<>());
            depth++;
            b.getStatements().forEach(this::statement);
            depth--;
            scopes.pop();
        } else if (s instanceof EmptyStmt) {
            return;
        } else if (s instanceof ExpressionStmt es) {
            origin = newOrigin(s);
            expressionStatement(es.getExpression());
        } else if (s instanceof IfStmt i) {
            ifStatement(i);
        } else if (s instanceof ReturnStmt r) {
            origin = newOrigin(s);
            Expression e = r.getExpression().orElseThrow();
            Atom v = convert(expr(e), request.result(), e);
            out.add(new Stmt.Return(v, origin));
        } else {
            error(s, "statement '" + Positions.oneLine(s) + "' is not supported here");
        }
    }

    private void ifStatement(IfStmt i) {
        origin = newOrigin(i, "if (" + Positions.oneLine(i.getCondition()) + ")");
        Origin ifOrigin = origin;
        Atom cond = booleanAtom(i.getCondition());
        List<Stmt> saved = out;
        depth++;
        out = new ArrayList<>();
        branch(i.getThenStmt());
        List<Stmt> then = out;
        out = new ArrayList<>();
        i.getElseStmt().ifPresent(this::branch);
        List<Stmt> otherwise = out;
        depth--;
        out = saved;
        out.add(new Stmt.If(cond, then, otherwise, ifOrigin));
    }

    private void branch(Statement s) {
        scopes.push(new HashMap<>());
        statement(s);
        scopes.pop();
    }

    private void expressionStatement(Expression e) {
        if (e instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator d : v.getVariables()) {
                declare(d);
            }
        } else if (e instanceof AssignExpr a) {
            assign(a);
        } else if (e instanceof UnaryExpr u && u.getOperator().name().contains("CREMENT")) {
            boolean inc = u.getOperator().name().contains("INCREMENT");
            Expression target = u.getExpression();
            Expression value = new BinaryExpr(target.clone(), new IntegerLiteralExpr("1"),
                    inc ? BinaryExpr.Operator.PLUS : BinaryExpr.Operator.MINUS);
            store(target, value, e);
        } else {
            error(e, "expression statement '" + Positions.oneLine(e) + "' has no effect the generator can use");
        }
    }

    private void declare(VariableDeclarator d) {
        Optional<Ty> ty = MethodSelector.toTy(d.getType());
        if (ty.isEmpty() || ty.get().isArray()) {
            error(d, "local '" + d.getNameAsString() + "' of type " + d.getType()
                    + ": supported local types are double, float, int, long and boolean");
            return;
        }
        String javaName = d.getNameAsString();
        String unique = isDeclaredAnywhere(javaName) ? names.claim(javaName) : javaName;
        Atom.Var v = new Atom.Var(unique, ty.get());
        names.claim(unique);
        locals.add(v);
        if (d.getInitializer().isEmpty() || depth > 0) {
            hoisted.add(v);
        }
        if (d.getInitializer().isPresent()) {
            Expression init = d.getInitializer().get();
            Atom value = convert(expr(init), v.type(), init);
            scopes.peek().put(javaName, v);
            assignAtom(v, value);
        } else {
            scopes.peek().put(javaName, v);
        }
    }

    private boolean isDeclaredAnywhere(String javaName) {
        return locals.stream().anyMatch(l -> l.name().equals(javaName)) || params.stream().anyMatch(p -> p.name().equals(javaName));
    }

    private void assign(AssignExpr a) {
        Expression value = a.getValue();
        if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
            BinaryExpr.Operator op = switch (a.getOperator()) {
                case PLUS -> BinaryExpr.Operator.PLUS;
                case MINUS -> BinaryExpr.Operator.MINUS;
                case MULTIPLY -> BinaryExpr.Operator.MULTIPLY;
                case DIVIDE -> BinaryExpr.Operator.DIVIDE;
                default -> null;
            };
            if (op == null) {
                error(a, "compound assignment '" + a.getOperator().asString() + "' is not supported");
                return;
            }
            value = new BinaryExpr(a.getTarget().clone(), new EnclosedExpr(value.clone()), op);
            a.getValue().getRange().ifPresent(value::setRange);
        }
        store(a.getTarget(), value, a);
    }

    /** {@code target = value}, with Java's implicit narrowing for compound assignments. */
    private void store(Expression target, Expression value, Node at) {
        if (!(target instanceof NameExpr n)) {
            error(target, "assignment to '" + Positions.oneLine(target) + "' is not supported: only locals and scalar parameters");
            return;
        }
        Atom.Var v = lookup(n.getNameAsString()).orElse(null);
        if (v == null) {
            error(target, "cannot assign '" + n.getNameAsString() + "': it is not a local variable or parameter of this method");
            return;
        }
        if (v.type().isArray()) {
            error(target, "cannot assign the array '" + v.name() + "': arrays are read-only in this release");
            return;
        }
        Atom value2 = convert(expr(value), v.type(), at);
        assignAtom(v, value2);
    }

    private void assignAtom(Atom.Var target, Atom value) {
        if (value.equals(target)) {
            return; // 's = s;' changes nothing
        }
        // retarget the temporary just computed, when it is not read by its own operation
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Stmt.Assign last && last.target().equals(value)
                && isTemp(last.target())
                && !last.op().operands().contains(target) && last.op().type().equals(target.type())) {
            out.remove(out.size() - 1);
            locals.remove(last.target());
            hoisted.remove(last.target());
            out.add(new Stmt.Assign(target, last.op(), origin));
        } else if (target.type().isFloating()) {
            out.add(new Stmt.Assign(target, new Op.Apply("copy", List.of(value), target.type()), origin));
        } else {
            out.add(new Stmt.Assign(target, new Op.Passive(value.java(), value instanceof Atom.Var av ? Set.of(av) : Set.of(), target.type()), origin));
        }
    }

    private final Set<Atom.Var> temps = new java.util.HashSet<>();

    private boolean isTemp(Atom.Var v) {
        return temps.contains(v);
    }

    // ---- expressions --------------------------------------------------------------------------

    /** Lowers {@code e}, emitting its operations, and returns the atom holding its value. */
    private Atom expr(Expression e) {
        Optional<Ty> t = types.of(e);
        if (t.isEmpty()) {
            Optional<NameExpr> unknownName = e.findAll(NameExpr.class).stream().filter(this::isUnresolved).findFirst();
            if (unknownName.isPresent()) {
                unknown(unknownName.get());
                return new Atom.Const("0", Ty.INT);
            }
            error(e, "cannot determine the type of '" + Positions.oneLine(e)
                    + "': it uses a name or an operation the generator does not know (see the README's supported-Java table)");
            return new Atom.Const("0", Ty.INT);
        }
        Ty ty = t.get();
        if (!ty.isFloating()) {
            return passive(e, ty);
        }
        if (ty.isArray()) {
            if (e instanceof NameExpr n) {
                return lookup(n.getNameAsString()).map(v -> (Atom) v).orElseGet(() -> unknown(e));
            }
            error(e, "array expression '" + Positions.oneLine(e) + "' is not supported: use a parameter array by name");
            return new Atom.Const("null", ty);
        }
        if (e instanceof EnclosedExpr en) {
            return expr(en.getInner());
        }
        if (e instanceof DoubleLiteralExpr d) {
            return new Atom.Const(d.getValue(), ty);
        }
        if (e instanceof NameExpr n) {
            Optional<Atom.Var> v = lookup(n.getNameAsString());
            if (v.isPresent()) {
                return v.get();
            }
            if (request.staticFields().containsKey(n.getNameAsString())) {
                return new Atom.Const(request.qualifiedField(n.getNameAsString()), ty);
            }
            if ((n.getNameAsString().equals("PI") || n.getNameAsString().equals("E")) && request.importsMath(n.getNameAsString())) {
                return new Atom.Const("Math." + n.getNameAsString(), ty);
            }
            return unknown(e);
        }
        if (e instanceof FieldAccessExpr f) {
            String field = f.getNameAsString();
            if (field.equals("PI") || field.equals("E")) {
                return new Atom.Const("Math." + field, ty);
            }
            return new Atom.Const(request.staticFields().containsKey(field) ? request.qualifiedField(field)
                    : request.ownerSimpleName() + "." + field, ty);
        }
        if (e instanceof UnaryExpr u) {
            Atom a = convert(expr(u.getExpression()), ty, e);
            if (u.getOperator() == UnaryExpr.Operator.PLUS) {
                return a;
            }
            if (a instanceof Atom.Const c && !c.text().startsWith("-") && c.text().matches("[0-9.eE+fFdD]+")) {
                return new Atom.Const("-" + c.text(), ty);
            }
            return apply("neg", List.of(a), ty);
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
                error(b, "operator '" + b.getOperator().asString() + "' on " + ty + " values has no derivative rule;"
                        + " use + - * / or a java.lang.Math function");
                return new Atom.Const(ty.zero(), ty);
            }
            Atom l = convert(expr(b.getLeft()), ty, b.getLeft());
            Atom r = convert(expr(b.getRight()), ty, b.getRight());
            return apply(key, List.of(l, r), ty);
        }
        if (e instanceof CastExpr c) {
            Atom inner = expr(c.getExpression());
            return convert(inner, ty, e);
        }
        if (e instanceof ConditionalExpr c) {
            return conditional(c, ty);
        }
        if (e instanceof ArrayAccessExpr a) {
            Atom arr = expr(a.getName());
            Atom idx = convert(expr(a.getIndex()), Ty.INT, a.getIndex());
            if (!(arr instanceof Atom.Var av)) {
                return arr;
            }
            Atom.Var load = temp(ty);
            out.add(new Stmt.Assign(load, new Op.ArrayLoad(av, idx, ty), origin));
            return load;
        }
        if (e instanceof MethodCallExpr m) {
            return call(m, ty);
        }
        error(e, "expression '" + Positions.oneLine(e) + "' is not supported");
        return new Atom.Const(ty.zero(), ty);
    }

    private Atom call(MethodCallExpr m, Ty ty) {
        String name = m.getNameAsString();
        if (name.equals("detach")) {
            Atom a = convert(expr(m.getArgument(0)), ty, m);
            return apply("detach", List.of(a), ty);
        }
        Rule rule = DerivativeRules.get("Math." + name);
        Ty argTy = rule.floatOverload() ? ty : Ty.DOUBLE;
        List<Atom> args = new ArrayList<>();
        for (Expression a : m.getArguments()) {
            args.add(convert(expr(a), argTy, a));
        }
        return apply(rule.key(), args, ty);
    }

    private Atom conditional(ConditionalExpr c, Ty ty) {
        Atom cond = booleanAtom(c.getCondition());
        Atom.Var t = temp(ty);
        hoisted.add(t);
        List<Stmt> saved = out;
        depth++;
        out = new ArrayList<>();
        Atom a = convert(expr(c.getThenExpr()), ty, c.getThenExpr());
        out.add(new Stmt.Assign(t, new Op.Apply("copy", List.of(a), ty), origin));
        List<Stmt> then = out;
        out = new ArrayList<>();
        Atom b = convert(expr(c.getElseExpr()), ty, c.getElseExpr());
        out.add(new Stmt.Assign(t, new Op.Apply("copy", List.of(b), ty), origin));
        List<Stmt> otherwise = out;
        depth--;
        out = saved;
        out.add(new Stmt.If(cond, then, otherwise, origin));
        temps.remove(t); // assigned in two places: never retargeted
        return t;
    }

    private Atom booleanAtom(Expression e) {
        Optional<Ty> t = types.of(e);
        if (t.isEmpty() || t.get().prim() != Ty.Prim.BOOLEAN) {
            error(e, "condition '" + Positions.oneLine(e) + "' must be a boolean expression over supported values");
            return new Atom.Const("false", Ty.BOOLEAN);
        }
        return passive(e, Ty.BOOLEAN);
    }

    /** A value without derivative: the (renamed) Java expression in a temporary, or a literal. */
    private Atom passive(Expression e, Ty ty) {
        Expression inner = e;
        while (inner instanceof EnclosedExpr en) {
            inner = en.getInner();
        }
        if (inner.isLiteralExpr()) {
            return new Atom.Const(inner.toString(), ty);
        }
        if (inner instanceof NameExpr n && lookup(n.getNameAsString()).isPresent()) {
            return lookup(n.getNameAsString()).get();
        }
        Set<Atom.Var> reads = new LinkedHashSet<>();
        Expression renamed = rename(inner.clone(), reads);
        Atom.Var t = temp(ty);
        out.add(new Stmt.Assign(t, new Op.Passive(renamed.toString(), reads, ty), origin));
        return t;
    }

    /** Replaces names with their unique IR names and qualifies constants; collects variables read. */
    private Expression rename(Expression e, Set<Atom.Var> reads) {
        for (NameExpr n : e.findAll(NameExpr.class)) {
            String id = n.getNameAsString();
            Optional<Atom.Var> v = lookup(id);
            if (v.isPresent()) {
                reads.add(v.get());
                n.setName(v.get().name());
            } else if (request.staticFields().containsKey(id)) {
                n.replace(qualified(id));
            } else if ((id.equals("PI") || id.equals("E")) && request.importsMath(id)) {
                n.replace(new FieldAccessExpr(new NameExpr("Math"), id));
            } else if (n.getParentNode().filter(p -> p instanceof MethodCallExpr || p instanceof FieldAccessExpr).isEmpty()) {
                unknown(n);
            }
        }
        for (FieldAccessExpr f : e.findAll(FieldAccessExpr.class)) {
            if (f.getScope() instanceof NameExpr s && request.ownerPath().contains(s.getNameAsString())
                    && request.staticFields().containsKey(f.getNameAsString())) {
                f.replace(qualified(f.getNameAsString()));
            }
        }
        for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
            if (isDetach(m)) {
                // a value without derivative anyway: the stop-gradient is the identity here
                m.replace(new EnclosedExpr(m.getArgument(0)));
            }
        }
        if (e instanceof MethodCallExpr m && isDetach(m)) {
            return new EnclosedExpr(m.getArgument(0));
        }
        for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
            if (m.getScope().isEmpty() && (request.mathStaticImports().contains("*") || request.mathStaticImports().contains(m.getNameAsString()))) {
                m.setScope(new NameExpr("Math"));
            }
        }
        if (e instanceof NameExpr n && n.getParentNode().isEmpty() && request.staticFields().containsKey(n.getNameAsString())) {
            return qualified(n.getNameAsString());
        }
        return e;
    }

    private static boolean isDetach(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        return m.getNameAsString().equals("detach") && m.getArguments().size() == 1
                && (scope.equals("Adjoint") || scope.equals("dev.adjoint.Adjoint"));
    }

    private Expression qualified(String field) {
        String text = request.qualifiedField(field);
        Expression x = new com.github.javaparser.JavaParser().parseExpression(text).getResult().orElseThrow();
        return text.startsWith("(") ? new EnclosedExpr(x) : x;
    }

    /** Converts {@code a} to {@code to} as Java's assignment and promotion conversions would. */
    private Atom convert(Atom a, Ty to, Node at) {
        Ty from = a.type();
        if (from.equals(to)) {
            return a;
        }
        if (from.isArray() || to.isArray() || from.prim() == Ty.Prim.BOOLEAN || to.prim() == Ty.Prim.BOOLEAN) {
            error(at, "cannot convert " + from + " to " + to);
            return a;
        }
        if (a instanceof Atom.Const c) {
            return constant(c, to);
        }
        if (to.isFloating() && from.isFloating()) {
            return apply(to.prim() == Ty.Prim.DOUBLE ? "(double)" : "(float)", List.of(a), to);
        }
        // integer <-> floating, or integer <-> integer: no derivative, a passive cast
        Atom.Var t = temp(to);
        out.add(new Stmt.Assign(t, new Op.Passive("(" + to.java() + ") " + a.java(), a instanceof Atom.Var v ? Set.of(v) : Set.of(), to), origin));
        return t;
    }

    private static Atom constant(Atom.Const c, Ty to) {
        String text = c.text();
        if (c.type().isIntegral() && to.isFloating()) {
            java.util.OptionalLong v = integerValue(text);
            if (v.isPresent()) {
                return new Atom.Const(v.getAsLong() + (to.prim() == Ty.Prim.FLOAT ? ".0f" : ".0"), to);
            }
        }
        if (to.prim() == Ty.Prim.DOUBLE && c.type().prim() == Ty.Prim.FLOAT) {
            return new Atom.Const("(double) " + text, to);
        }
        return new Atom.Const("(" + to.java() + ") " + text, to);
    }

    /** The value of a Java integer literal in any radix ({@code 010} is 8), if it is one. */
    static java.util.OptionalLong integerValue(String literal) {
        String t = literal.replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        if (t.endsWith("l") || t.endsWith("L")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v;
            if (t.startsWith("0x") || t.startsWith("0X")) {
                v = Long.parseUnsignedLong(t.substring(2), 16);
            } else if (t.startsWith("0b") || t.startsWith("0B")) {
                v = Long.parseUnsignedLong(t.substring(2), 2);
            } else if (t.length() > 1 && t.startsWith("0")) {
                v = Long.parseUnsignedLong(t.substring(1), 8);
            } else {
                v = Long.parseLong(t);
            }
            return java.util.OptionalLong.of(negative ? -v : v);
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    private Atom apply(String rule, List<Atom> args, Ty ty) {
        Atom.Var t = temp(ty);
        out.add(new Stmt.Assign(t, new Op.Apply(rule, args, ty), origin));
        return t;
    }

    private Atom.Var temp(Ty ty) {
        Atom.Var t = new Atom.Var(names.temp(), ty);
        locals.add(t);
        temps.add(t);
        if (depth > 0) {
            hoisted.add(t);
        }
        return t;
    }

    private Optional<Atom.Var> lookup(String javaName) {
        for (Map<String, Atom.Var> s : scopes) {
            Atom.Var v = s.get(javaName);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private Optional<Ty> typeOfName(String javaName) {
        Optional<Atom.Var> v = lookup(javaName);
        if (v.isPresent()) {
            return Optional.of(v.get().type());
        }
        if (request.staticFields().containsKey(javaName)) {
            return Optional.of(request.staticFields().get(javaName));
        }
        if ((javaName.equals("PI") || javaName.equals("E")) && request.importsMath(javaName)) {
            return Optional.of(Ty.DOUBLE);
        }
        return Optional.empty();
    }

    private boolean isUnresolved(NameExpr n) {
        String id = n.getNameAsString();
        boolean scope = n.getParentNode().filter(p -> (p instanceof MethodCallExpr m && m.getScope().filter(sc -> sc == n).isPresent())
                || (p instanceof FieldAccessExpr f && f.getScope() == n)).isPresent();
        return !scope && typeOfName(id).isEmpty();
    }

    private Atom unknown(Node e) {
        error(e, "'" + Positions.oneLine(e) + "' is not a parameter, a local variable or a static final field of "
                + request.ownerSimpleName() + "; the generated code can read only those");
        return new Atom.Const("0", Ty.INT);
    }

    private Origin newOrigin(Node s) {
        return newOrigin(s, Positions.oneLine(s));
    }

    private Origin newOrigin(Node s, String text) {
        return new Origin(originCount++, text, s.getBegin().map(p -> p.line).orElse(0));
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(request.file(), at, message));
    }
}
