package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.types.Ty;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Java's typing of the supported expressions, including binary numeric promotion (JLS 5.6). */
public final class Types {
    private final Function<String, Optional<Ty>> names;
    private final Calls calls;

    /**
     * @param names the type of a simple name in scope (local, parameter, static field)
     * @param calls resolves calls to methods of the sources
     */
    public Types(Function<String, Optional<Ty>> names, Calls calls) {
        this.names = names;
        this.calls = calls;
    }

    /** The binary numeric promotion of two scalar types. */
    static Ty promote(Ty a, Ty b) {
        if (a.prim() == Ty.Prim.DOUBLE || b.prim() == Ty.Prim.DOUBLE) {
            return Ty.DOUBLE;
        }
        if (a.prim() == Ty.Prim.FLOAT || b.prim() == Ty.Prim.FLOAT) {
            return Ty.FLOAT;
        }
        if (a.prim() == Ty.Prim.LONG || b.prim() == Ty.Prim.LONG) {
            return Ty.LONG;
        }
        return Ty.INT;
    }

    /** {@code t} when it is an integral scalar type (the operands of bitwise and shift operators). */
    private static Optional<Ty> integral(Optional<Ty> t) {
        return t.filter(x -> !x.isArray() && !x.isObject() && x.prim() != Ty.Prim.BOOLEAN && !x.isFloating());
    }

    /** The type of {@code e}, or empty when it is not one the generator knows. */
    public Optional<Ty> of(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return of(en.getInner());
        }
        if (e instanceof IntegerLiteralExpr) {
            return Optional.of(Ty.INT);
        }
        if (e instanceof LongLiteralExpr) {
            return Optional.of(Ty.LONG);
        }
        if (e instanceof DoubleLiteralExpr d) {
            String t = d.getValue();
            return Optional.of(t.endsWith("f") || t.endsWith("F") ? Ty.FLOAT : Ty.DOUBLE);
        }
        if (e instanceof BooleanLiteralExpr) {
            return Optional.of(Ty.BOOLEAN);
        }
        if (e instanceof com.github.javaparser.ast.expr.CharLiteralExpr) {
            return Optional.of(Ty.CHAR);
        }
        if (e instanceof com.github.javaparser.ast.expr.StringLiteralExpr) {
            return Optional.of(Ty.STRING); // (a text block is one too)
        }
        if (e instanceof NameExpr n) {
            return names.apply(n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f) {
            if (f.getNameAsString().equals("length")) {
                return Optional.of(Ty.INT);
            }
            if (f.getNameAsString().equals("PI") || f.getNameAsString().equals("E")) {
                return Optional.of(Ty.DOUBLE);
            }
            Optional<Ty> number = NumberConstants.type(f);
            if (number.isPresent()) {
                return number;
            }
            Optional<Ty> constant = calls.enumConstant(f);
            return constant.isPresent() ? constant : names.apply(f.getNameAsString());
        }
        if (e instanceof ArrayAccessExpr a) {
            return of(a.getName()).filter(Ty::isArray).map(Ty::element);
        }
        if (e instanceof com.github.javaparser.ast.expr.ArrayCreationExpr c) {
            return MethodSelector.toTy(c.getElementType())
                    .filter(t -> !t.isArray())
                    .map(t -> new Ty(t.prim(), c.getLevels().size()));
        }
        if (e instanceof CastExpr c) {
            return MethodSelector.toTy(c.getType());
        }
        if (e instanceof UnaryExpr u) {
            if (u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
                return Optional.of(Ty.BOOLEAN);
            }
            return of(u.getExpression())
                    .map(t -> t.prim() == Ty.Prim.DOUBLE || t.prim() == Ty.Prim.FLOAT || t.prim() == Ty.Prim.LONG
                            ? t
                            : Ty.INT);
        }
        if (e instanceof BinaryExpr b) {
            switch (b.getOperator()) {
                case OR, AND, EQUALS, NOT_EQUALS, LESS, LESS_EQUALS, GREATER, GREATER_EQUALS:
                    return Optional.of(Ty.BOOLEAN);
                case BINARY_AND, BINARY_OR, XOR:
                    // booleans' logical operators, or integers' bitwise ones (JLS 15.22): values without derivative
                    if (of(b.getLeft()).filter(x -> x.equals(Ty.BOOLEAN)).isPresent()) {
                        return Optional.of(Ty.BOOLEAN);
                    }
                    return integral(of(b.getLeft()))
                            .flatMap(x -> integral(of(b.getRight())).map(y -> promote(x, y)));
                case LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT:
                    // the left operand's unary promotion (JLS 15.19)
                    return integral(of(b.getLeft())).map(x -> promote(x, x));
                default:
                    Optional<Ty> l = of(b.getLeft());
                    Optional<Ty> r = of(b.getRight());
                    if (b.getOperator() == BinaryExpr.Operator.PLUS
                            && (l.equals(Optional.of(Ty.STRING)) || r.equals(Optional.of(Ty.STRING)))) {
                        return Optional.of(Ty.STRING); // string concatenation
                    }
                    if (l.filter(Ty::isObject).isPresent()
                            || r.filter(Ty::isObject).isPresent()) {
                        return Optional.empty();
                    }
                    if (l.isEmpty()
                            || r.isEmpty()
                            || l.get().isArray()
                            || r.get().isArray()) {
                        return Optional.empty();
                    }
                    return Optional.of(promote(l.get(), r.get()));
            }
        }
        if (e instanceof ConditionalExpr c) {
            Optional<Ty> l = of(c.getThenExpr());
            Optional<Ty> r = of(c.getElseExpr());
            if (l.isEmpty() || r.isEmpty()) {
                return Optional.empty();
            }
            if (l.get().equals(r.get())) {
                return l;
            }
            if (l.get().isArray()
                    || r.get().isArray()
                    || l.get().prim() == Ty.Prim.BOOLEAN
                    || r.get().prim() == Ty.Prim.BOOLEAN
                    || l.get().isObject()
                    || r.get().isObject()) {
                return Optional.empty();
            }
            return Optional.of(promote(l.get(), r.get()));
        }
        if (e instanceof MethodCallExpr m) {
            return callType(m);
        }
        if (e instanceof com.github.javaparser.ast.expr.ObjectCreationExpr o
                && dev.adjoint.generator.select.ValueTypes.isRandomCreation(o)) {
            return Optional.of(Ty.RANDOM);
        }
        return Optional.empty();
    }

    private Optional<Ty> callType(MethodCallExpr m) {
        Optional<Ty> onValue = calls.onInactiveReceiver(m, this::of);
        if (onValue.isPresent()) {
            return onValue;
        }
        if (Calls.isText(m)) {
            return Optional.of(Ty.STRING); // Arrays.toString(x), String.valueOf(v)
        }
        if (Calls.isLogCheck(m)) {
            return Optional.of(Ty.BOOLEAN); // LOG.isDebugEnabled()
        }
        if (!calls.isBuiltin(m)) {
            return calls.resultType(m);
        }
        String name = m.getNameAsString();
        if (name.equals("detach")) {
            // Adjoint.detach has float and double overloads: an integer argument widens to float
            return of(m.getArgument(0)).map(t -> t.prim() == Ty.Prim.DOUBLE ? Ty.DOUBLE : t.isArray() ? t : Ty.FLOAT);
        }
        if (name.equals("round")) {
            // round(double) returns long, round(float) int; an int or long argument widens to float
            // (the most specific applicable overload, JLS 15.12.2.5), so it gives int too
            return of(m.getArgument(0)).map(t -> t.prim() == Ty.Prim.DOUBLE ? Ty.LONG : Ty.INT);
        }
        if (DerivativeRules.isIntegerMath(name)) {
            // int and long overloads only: long if an argument is, except toIntExact and floorMod(long, int)
            List<Optional<Ty>> args = m.getArguments().stream().map(this::of).toList();
            if (args.stream().anyMatch(a -> a.isEmpty() || !a.get().isIntegral())) {
                return Optional.empty();
            }
            boolean wide = args.stream().anyMatch(a -> a.get().prim() == Ty.Prim.LONG);
            boolean narrowed = name.equals("toIntExact")
                    || (name.equals("floorMod") && args.get(1).get().prim() != Ty.Prim.LONG);
            return Optional.of(wide && !narrowed ? Ty.LONG : Ty.INT);
        }
        Rule rule = DerivativeRules.get("Math." + name);
        Ty t = null;
        for (Expression a : m.getArguments()) {
            Optional<Ty> at = of(a);
            if (at.isEmpty() || at.get().isArray() || at.get().prim() == Ty.Prim.BOOLEAN) {
                return Optional.empty();
            }
            // one argument is promoted too: abs(char) is abs(int)
            t = t == null ? promote(at.get(), at.get()) : promote(t, at.get());
        }
        if (t == null) {
            return Optional.empty();
        }
        // Java picks the most specific overload the (promoted) arguments widen to (JLS 15.12.2.5)
        if (!rule.floatOverload()) {
            return Optional.of(Ty.DOUBLE); // double only
        }
        if (t.isIntegral() && !DerivativeRules.hasIntegerOverloads(name)) {
            return Optional.of(Ty.FLOAT); // signum: float and double only, signum(int) is signum(float)
        }
        if (t.isIntegral() && name.equals("clamp")) {
            // clamp(long, int, int) is an int, clamp(long, long, long) a long: the bounds decide
            return of(m.getArgument(1)).flatMap(lo -> of(m.getArgument(2)).map(hi -> promote(lo, hi)));
        }
        // abs, max, min, clamp: int, long, float and double
        return Optional.of(t);
    }
}
