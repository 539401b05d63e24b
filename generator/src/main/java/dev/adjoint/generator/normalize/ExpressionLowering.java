package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.types.Ty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Lowers expressions to three-address form: one operation per assignment, promotions explicit.
 * Calls are {@link CallLowering}'s part, array elements {@link ElementLowering}'s.
 */
final class ExpressionLowering {
    private final Lowering lo;
    private final Types types;
    private final Calls calls;
    private final ElementLowering elements;
    private final CallLowering callLowering;

    ExpressionLowering(Lowering lo) {
        this.lo = lo;
        this.calls = new Calls(lo);
        this.types = new Types(lo::typeOfName, calls);
        this.elements = new ElementLowering(lo, this, calls, types);
        this.callLowering = new CallLowering(lo, this, calls, elements);
    }

    /** {@code a[i]} or {@code a[i][j]}: the array variable and lowered indices (see {@link ElementLowering}). */
    Optional<ElementLowering.ArrayRef> arrayRef(ArrayAccessExpr a) {
        return elements.arrayRef(a);
    }

    Types types() {
        return types;
    }

    /** What calls resolve to. */
    Calls calls() {
        return calls;
    }

    /** Lowers {@code e}, emitting its operations, and returns the atom holding its value. */
    Atom expr(Expression e) {
        Optional<Ty> t = types.of(e);
        if (t.isEmpty()) {
            Optional<NameExpr> unknownName = e.findAll(NameExpr.class).stream()
                    .filter(this::isUnresolved)
                    .findFirst();
            if (unknownName.isPresent()) {
                return unknown(unknownName.get());
            }
            for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
                Optional<dev.adjoint.generator.select.MethodIndex.Entry> target = calls.resolve(m);
                if (target.isPresent()
                        && target.get().differentiable().isEmpty()
                        && target.get().result().filter(Ty::isFloating).isPresent()) {
                    lo.error(
                            m,
                            "call to '" + m.getNameAsString() + "' returns "
                                    + target.get().result().get() + " but is neither"
                                    + " @Differentiable nor given a @CustomDerivative: its derivative is unknown; annotate it, or supply its"
                                    + " pullback with @CustomDerivative(of = \"" + m.getNameAsString() + "\")");
                    return new Atom.Const("0", Ty.DOUBLE);
                }
            }
            lo.error(
                    e,
                    "cannot determine the type of '" + Positions.oneLine(e)
                            + "': it uses a name or an operation the generator does not know (see the README's supported-Java table)");
            return new Atom.Const("0", Ty.INT);
        }
        Ty ty = t.get();
        if (e instanceof EnclosedExpr en) {
            return expr(en.getInner());
        }
        if (e instanceof MethodCallExpr m && calls.differentiableCallee(m).isPresent()) {
            return callLowering.call(m, calls.differentiableCallee(m).get(), ty);
        }
        if (e instanceof com.github.javaparser.ast.expr.ObjectCreationExpr o && ty.prim() == Ty.Prim.RANDOM) {
            // new Random(seed), the shared fence's only creation of one: the class by its full name in the adjoint
            Atom seed = convert(expr(o.getArgument(0)), Ty.LONG, o.getArgument(0));
            Atom.Var created = lo.temp(ty);
            lo.emit(new Stmt.Assign(
                    created,
                    new Op.Passive(
                            "new java.util.Random(" + seed.java() + ")", new LinkedHashSet<>(Atom.reads(seed)), ty),
                    lo.origin));
            return created;
        }
        if (!ty.isFloating()
                || (e instanceof MethodCallExpr m && calls.onInactiveReceiver(m).isPresent())) {
            return passive(e, ty); // (a Random's draw: a double without derivative)
        }
        if (ty.isArray()) {
            if (e instanceof NameExpr n) {
                return lo.lookup(n.getNameAsString()).map(v -> (Atom) v).orElseGet(() -> unknown(e));
            }
            lo.error(
                    e,
                    "array expression '" + Positions.oneLine(e)
                            + "' is not supported here: use an array variable by name"
                            + (e instanceof ArrayAccessExpr // a row, maybe of an alias `double[] r = m[i];` replaced
                                    ? " (an array of its own: a row's copy, '" + Positions.oneLine(e) + ".clone()')"
                                    : ""));
            return new Atom.Const("null", ty);
        }
        if (e instanceof DoubleLiteralExpr d) {
            return new Atom.Const(d.getValue(), ty);
        }
        if (e instanceof NameExpr n) {
            Optional<Atom.Var> v = lo.lookup(n.getNameAsString());
            if (v.isPresent()) {
                return v.get();
            }
            if (lo.request.staticFields().containsKey(n.getNameAsString())) {
                return constant(n, n.getNameAsString(), ty);
            }
            if (n.getNameAsString().equals("PI") || n.getNameAsString().equals("E")) {
                return new Atom.Const("Math." + n.getNameAsString(), ty);
            }
            return unknown(e);
        }
        if (e instanceof FieldAccessExpr f && NumberConstants.type(f).isPresent()) {
            return new Atom.Const(f.toString(), ty);
        }
        if (e instanceof FieldAccessExpr f) {
            String field = f.getNameAsString();
            if (field.equals("PI") || field.equals("E")) {
                return new Atom.Const("Math." + field, ty);
            }
            return lo.request.staticFields().containsKey(field)
                    ? constant(f, field, ty)
                    : new Atom.Const(lo.request.ownerSimpleName() + "." + field, ty);
        }
        if (e instanceof UnaryExpr u) {
            Atom a = convert(expr(u.getExpression()), ty, e);
            if (u.getOperator() == UnaryExpr.Operator.PLUS) {
                return a;
            }
            if (a instanceof Atom.Const c && isUnsignedNumber(c.text())) {
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
                case REMAINDER -> "%";
                default -> null;
            };
            if (key == null) {
                lo.error(
                        b,
                        "operator '" + b.getOperator().asString() + "' on " + ty + " values has no derivative rule;"
                                + " use + - * / % or a java.lang.Math function");
                return new Atom.Const(ty.zero(), ty);
            }
            Ty argTy = DerivativeRules.get(key).floatOverload() ? ty : Ty.DOUBLE; // float % float: exact in double
            Atom l = convert(expr(b.getLeft()), argTy, b.getLeft());
            Atom r = convert(expr(b.getRight()), argTy, b.getRight());
            Atom z = apply(key, List.of(l, r), argTy);
            return argTy == ty ? z : convert(z, ty, b);
        }
        if (e instanceof CastExpr c) {
            return convert(expr(c.getExpression()), ty, e);
        }
        if (e instanceof ConditionalExpr c) {
            return conditional(c, ty);
        }
        if (e instanceof ArrayAccessExpr a && isTableElement(a)) {
            // an element of a static array of the class: a constant, read once where the method reads it
            return passive(e, ty);
        }
        if (e instanceof ArrayAccessExpr a) {
            return elements.read(a, ty);
        }
        if (e instanceof MethodCallExpr m) {
            return callLowering.mathCall(m, ty);
        }
        lo.error(e, "expression '" + Positions.oneLine(e) + "' is not supported");
        return new Atom.Const(ty.zero(), ty);
    }

    /** Whether {@code a} reads an element of a static array field ({@code COEFFS[i]}, {@code Owner.TABLE[i][j]}). */
    private boolean isTableElement(ArrayAccessExpr a) {
        Expression base = a;
        while (base instanceof ArrayAccessExpr inner) {
            base = inner.getName();
        }
        String field =
                base instanceof NameExpr n && lo.lookup(n.getNameAsString()).isEmpty()
                        ? n.getNameAsString()
                        : base instanceof FieldAccessExpr f
                                        && f.getScope() instanceof NameExpr s
                                        && lo.request.ownerPath().contains(s.getNameAsString())
                                ? f.getNameAsString()
                                : null;
        return field != null
                && lo.request.staticFields().containsKey(field)
                && lo.request.staticFields().get(field).isArray();
    }

    /** Constant {@code field} read at {@code at}, as the adjoint class reads it. */
    private Atom constant(Expression at, String field, Ty ty) {
        Optional<String> text = lo.spelling().field(field);
        if (text.isEmpty()) {
            lo.error(
                    at,
                    "constant '" + field + "' cannot be read in the generated code"
                            + lo.spelling()
                                    .whyHidden(
                                            lo.request.packageName(),
                                            lo.spelling().fieldClass(field)));
            return new Atom.Const(ty.zero(), ty);
        }
        return new Atom.Const(text.get(), ty);
    }

    private Atom conditional(ConditionalExpr c, Ty ty) {
        Atom cond = booleanAtom(c.getCondition());
        if (cond instanceof Atom.Var v && !lo.temps.contains(v)) {
            Atom.Var outcome = lo.temp(Ty.BOOLEAN);
            lo.emit(new Stmt.Assign(outcome, new Op.Passive(v.name(), Set.of(v), Ty.BOOLEAN), lo.origin));
            cond = outcome;
        }
        Atom.Var t = lo.temp(ty);
        lo.hoisted.add(t);
        List<Stmt> then = lo.nested(() -> lo.assignAtom(t, convert(expr(c.getThenExpr()), ty, c.getThenExpr())));
        List<Stmt> otherwise = lo.nested(() -> lo.assignAtom(t, convert(expr(c.getElseExpr()), ty, c.getElseExpr())));
        lo.temps.remove(t); // assigned in two places: never retargeted
        lo.emit(new Stmt.If(cond, then, otherwise, lo.origin));
        return t;
    }

    Atom booleanAtom(Expression e) {
        Optional<Ty> t = types.of(e);
        if (t.isEmpty() || t.get().prim() != Ty.Prim.BOOLEAN || t.get().isArray()) {
            lo.error(e, "condition '" + Positions.oneLine(e) + "' must be a boolean expression over supported values");
            return new Atom.Const("false", Ty.BOOLEAN);
        }
        return passive(e, Ty.BOOLEAN);
    }

    /** {@code e} as the adjoint class reads it (variables renamed, constants qualified); what it reads into {@code reads}. */
    String passiveText(Expression e, Set<Atom.Var> reads) {
        return new PassiveText(lo, calls).rename(e.clone(), reads).toString();
    }

    /** A value without derivative: the (renamed) Java expression in a temporary, or a literal. */
    Atom passive(Expression e, Ty ty) {
        Expression inner = e;
        while (inner instanceof EnclosedExpr en) {
            inner = en.getInner();
        }
        if (inner.isLiteralExpr()) {
            return new Atom.Const(inner.toString(), ty);
        }
        if (inner instanceof NameExpr n && lo.lookup(n.getNameAsString()).isPresent()) {
            return lo.lookup(n.getNameAsString()).get();
        }
        Set<Atom.Var> reads = new LinkedHashSet<>();
        Expression renamed = new PassiveText(lo, calls).rename(inner.clone(), reads);
        Atom.Var t = lo.temp(ty);
        lo.emit(new Stmt.Assign(t, new Op.Passive(renamed.toString(), reads, ty), lo.origin));
        return t;
    }

    /** Converts {@code a} to {@code to} as Java's assignment and promotion conversions would. */
    Atom convert(Atom a, Ty to, Node at) {
        Ty from = a.type();
        if (from.equals(to)) {
            return a;
        }
        if (from.isArray() || to.isArray() || from.prim() == Ty.Prim.BOOLEAN || to.prim() == Ty.Prim.BOOLEAN) {
            lo.error(at, "cannot convert " + from + " to " + to);
            return a;
        }
        if (a instanceof Atom.Const c) {
            return constant(c, to);
        }
        if (to.isFloating() && from.isFloating()) {
            return apply(to.prim() == Ty.Prim.DOUBLE ? "(double)" : "(float)", List.of(a), to);
        }
        // integer <-> floating, or integer <-> integer: no derivative, a passive cast
        Atom.Var t = lo.temp(to);
        lo.emit(new Stmt.Assign(
                t,
                new Op.Passive("(" + to.java() + ") " + a.java(), Set.copyOf(Atom.reads(a)), to, !from.isFloating()),
                lo.origin));
        return t;
    }

    /** A constant spelled as an unsigned decimal number ({@code 2.5e+3f}), which negates as {@code -2.5e+3f}. */
    private static boolean isUnsignedNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(ch -> "0123456789.eE+fFdD".indexOf(ch) >= 0);
    }

    private static Atom constant(Atom.Const c, Ty to) {
        String text = c.text();
        if (c.type().isIntegral() && to.isFloating()) {
            OptionalLong v = integerValue(text);
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
    static OptionalLong integerValue(String literal) {
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
            return OptionalLong.of(negative ? -v : v);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    Atom apply(String rule, List<Atom> args, Ty ty) {
        Atom.Var t = lo.temp(ty);
        lo.emit(new Stmt.Assign(t, new Op.Apply(rule, args, ty), lo.origin));
        return t;
    }

    private boolean isUnresolved(NameExpr n) {
        boolean scope = n.getParentNode()
                .filter(p -> (p instanceof MethodCallExpr m
                                && m.getScope().filter(sc -> sc == n).isPresent())
                        || (p instanceof FieldAccessExpr f && f.getScope() == n))
                .isPresent();
        return !scope && lo.typeOfName(n.getNameAsString()).isEmpty();
    }

    Atom unknown(Node e) {
        String name = e instanceof NameExpr n ? n.getNameAsString() : Positions.oneLine(e);
        lo.error(e, dev.adjoint.generator.select.UnknownNames.why(lo.request, name, Positions.oneLine(e)));
        return new Atom.Const("0", Ty.INT);
    }
}
