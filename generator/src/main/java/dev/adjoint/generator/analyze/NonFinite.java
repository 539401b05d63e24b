package dev.adjoint.generator.analyze;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.rules.DerivativeRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the reverse sweep may meet {@code 0 · ∞}: which values may be infinite, which may be flat, and
 * which adjoints may be infinite.
 *
 * <p>The tape skips a node whose adjoint is 0 and an edge whose partial is 0, so a value that does not
 * reach the result ({@code min(exp(x) · y, cap)} past the cap) contributes 0 and an infinite adjoint
 * stops at a zero factor ({@code sqrt(max(v, 0) · w)} at {@code v < 0}). The static sweep computes
 * {@code dy += dz · b} unconditionally; this analysis tells it which products to guard so that both
 * strategies give 0 instead of NaN there, and only those, so that code with no overflow or clamp in
 * sight (Rosenbrock's polynomial) keeps its plain products:
 * <ul>
 *   <li><em>values</em> that may be infinite: the results of the functions whose value can overflow or
 *       diverge at a finite argument ({@code /}, {@code exp}, {@code pow}, {@code log} at 0, ..., every
 *       rule but the bounded and the finite-preserving ones below), constants that are not finite
 *       numerals, calls, and whatever is computed from such a value by a finite-preserving operation
 *       ({@code +}, {@code *}, {@code sqrt}, {@code max}, ...) or stored into or loaded from an array
 *       holding one. Parameters are taken to be finite: an infinite input makes the value itself
 *       infinite or NaN. A product by such a value is guarded by its adjoint: {@code dz == 0 ? 0 : ...};
 *   <li><em>flat</em> values ({@link FlatValues}): constant around the point, such as a clamp's bound;
 *   <li><em>adjoints</em> that may be infinite: those of a flat argument of a rule whose partial may be
 *       infinite where its value is finite ({@link #singularWhereFinite}: a singular point met on a whole
 *       region) or
 *       of a callee, of a factor multiplied by a value that may be infinite, and of everything
 *       that feeds such a variable (an array's elements and the values stored into it included). Their
 *       products by a flat factor are guarded by the factor: {@code b == 0 ? 0 : ...}.
 * </ul>
 * All are flow-insensitive fixpoints over all assignments, like {@link ActivityAnalysis}: a variable
 * assigned twice is unbounded when either assignment makes it so.
 *
 * @param values variables (an array as one) whose value may be infinite
 * @param adjoints variables whose adjoint may be infinite
 * @param flat variables whose value may be flat ({@link FlatValues})
 * @param varied variables a differentiated input reaches
 */
public record NonFinite(Set<Atom.Var> values, Set<Atom.Var> adjoints, Set<Atom.Var> flat, Set<Atom.Var> varied) {
    /** Rules whose value is finite at every finite argument whatever the argument (or NaN). */
    private static final Set<String> BOUNDED = Set.of("sin", "cos", "tanh", "atan", "atan2", "signum", "asin", "acos");

    /**
     * Rules whose value is finite where their arguments are (a product or sum of huge finite numbers
     * overflowing aside: an input above 1e154 is taken to make the value itself meaningless).
     */
    private static final Set<String> FINITE_PRESERVING = Set.of(
            "+",
            "-",
            "*",
            "neg",
            "copy",
            "(double)",
            "(float)",
            "detach",
            "%",
            "abs",
            "floor",
            "ceil",
            "rint",
            "sqrt",
            "cbrt",
            "hypot",
            "max",
            "min",
            "fma",
            "toRadians",
            "toDegrees",
            "IEEEremainder",
            "round");

    /** Named constants known to be finite numbers. */
    private static final Set<String> FINITE_CONSTANTS = Set.of("Math.PI", "Math.E", "StrictMath.PI", "StrictMath.E");

    public NonFinite {
        values = Set.copyOf(values);
        adjoints = Set.copyOf(adjoints);
        flat = Set.copyOf(flat);
        varied = Set.copyOf(varied);
    }

    /** Whether {@code a} may be flat: constant around the point ({@link FlatValues}). */
    public boolean mayBeFlat(Atom a) {
        return FlatValues.isFlat(a, flat, varied);
    }

    /** Whether atom {@code a} may hold an infinite value. */
    public boolean mayBeInfinite(Atom a) {
        return mayBeInfinite(a, values);
    }

    private static boolean mayBeInfinite(Atom a, Set<Atom.Var> values) {
        if (a instanceof Atom.Const c) {
            return c.type().isFloating() && !finiteNumeral(c.text());
        }
        return Atom.carrier(a).filter(values::contains).isPresent();
    }

    /** Whether the adjoint of {@code v} may be infinite. */
    public boolean adjointMayBeInfinite(Atom.Var v) {
        return adjoints.contains(v);
    }

    /** Analyses {@code ir}'s statements. */
    public static NonFinite of(MethodIr ir) {
        List<Stmt> stmts = new ArrayList<>();
        ActivityAnalysis.flatten(ir.body(), stmts);
        Set<Atom.Var> values = ForwardFacts.closure(
                stmts,
                Set.of(),
                (a, infinite) -> a.target().type().isFloating() && producesInfinite(a.op(), infinite),
                NonFinite::mayBeInfinite);
        Set<Atom.Var> varied = FlatValues.varied(ir, stmts);
        NonFinite known = new NonFinite(values, Set.of(), FlatValues.of(stmts, varied), varied);
        Set<Atom.Var> adjoints = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            // (in reverse: the fact flows from a use back to what it reads, so straight-line code settles in one pass)
            for (int k = stmts.size() - 1; k >= 0; k--) {
                Stmt s = stmts.get(k);
                if (s instanceof Stmt.Assign a) {
                    for (Atom.Var v : infiniteAdjointOperands(a, known, adjoints)) {
                        changed |= adjoints.add(v);
                    }
                } else if (s instanceof Stmt.ArrayStore st && adjoints.contains(st.array())) {
                    for (Atom.Var v : carriers(st.value())) {
                        changed |= adjoints.add(v);
                    }
                }
            }
        }
        return new NonFinite(values, adjoints, known.flat(), varied);
    }

    private static boolean producesInfinite(Op op, Set<Atom.Var> values) {
        if (op instanceof Op.Apply ap) {
            String f = DerivativeRules.mathFunction(ap.rule()).orElse(ap.rule());
            if (BOUNDED.contains(f)) {
                return false;
            }
            return !FINITE_PRESERVING.contains(f) || ap.args().stream().anyMatch(x -> mayBeInfinite(x, values));
        }
        if (op instanceof Op.ArrayLoad load) {
            return values.contains(load.array());
        }
        if (op instanceof Op.Passive passive) {
            // an integer converted is finite, an alias of an array (or a field's, an input) as its source;
            // a table's element or a random draw may be anything
            return passive.type().isArray() ? passive.reads().stream().anyMatch(values::contains) : !passive.finite();
        }
        // a callee's result may be anything; a new array holds zeros
        return !(op instanceof Op.NewArray);
    }

    /** The operands of {@code a} whose adjoints may be infinite, given what is known so far. */
    private static List<Atom.Var> infiniteAdjointOperands(Stmt.Assign a, NonFinite known, Set<Atom.Var> adjoints) {
        List<Atom.Var> out = new ArrayList<>();
        boolean target = adjoints.contains(a.target());
        if (a.op() instanceof Op.Apply ap) {
            for (int i = 0; i < ap.args().size(); i++) {
                Atom x = ap.args().get(i);
                if (target || (singularWhereFinite(ap, i) && known.mayBeFlat(x)) || factorMayBeInfinite(ap, i, known)) {
                    out.addAll(carriers(x));
                }
            }
        } else if (a.op() instanceof Op.ArrayLoad load && target) {
            out.add(load.array());
        } else if (a.op() instanceof Op.Call call) {
            // a callee's adjoint, guarded as this one is, is infinite where it meets a singular point of its
            // own, which a flat argument may hold on a region (a callee's sqrt(u) given u = max(v, 0) * w)
            call.args().stream().filter(x -> target || known.mayBeFlat(x)).forEach(x -> out.addAll(carriers(x)));
        }
        return out;
    }

    /**
     * Whether argument {@code i} of {@code ap} may have an infinite or NaN partial where the value is finite:
     * {@code sqrt} and {@code cbrt} at 0, {@code asin} and {@code acos} at ±1, {@code pow} at a zero base
     * ({@link DerivativeRules#singularPartial}), {@code atan2} at (0, 0). Where {@code exp}, {@code log} or a
     * quotient have an infinite partial their value is infinite too, and a finite result past them means a
     * clamp, whose zero adjoint the reverse sweep guards already.
     */
    public static boolean singularWhereFinite(Op.Apply ap, int i) {
        return DerivativeRules.singularPartial(ap.rule(), i)
                || DerivativeRules.mathFunction(ap.rule())
                        .filter("atan2"::equals)
                        .isPresent();
    }

    /**
     * Whether argument {@code i} of a product ({@code a * b}, or the first two of {@code fma(a, b, c)}) is
     * multiplied by a factor that may be infinite.
     */
    public boolean factorMayBeInfinite(Op.Apply ap, int i) {
        return factorMayBeInfinite(ap, i, this);
    }

    private static boolean factorMayBeInfinite(Op.Apply ap, int i, NonFinite known) {
        return otherFactor(ap, i).filter(known::mayBeInfinite).isPresent();
    }

    /** The factor argument {@code i} of a product is multiplied by, if {@code ap} is one. */
    public static Optional<Atom> otherFactor(Op.Apply ap, int i) {
        boolean product = ap.rule().equals("*")
                || DerivativeRules.mathFunction(ap.rule()).filter("fma"::equals).isPresent();
        return product && i < 2 ? Optional.of(ap.args().get(1 - i)) : Optional.empty();
    }

    private static List<Atom.Var> carriers(Atom a) {
        return Atom.carrier(a).stream().toList();
    }

    /** Whether {@code text} is a numeral of zero ({@code 0}, {@code 0.0f}, {@code (double) 0.0f}). */
    public static boolean zeroNumeral(String text) {
        OptionalDouble v = numeralValue(text);
        return v.isPresent() && v.getAsDouble() == 0.0;
    }

    /** Whether {@code text} is a numeral of a finite number ({@code 2}, {@code -0.5f}, {@code (double) 0.1f}, {@code Math.PI}). */
    private static boolean finiteNumeral(String text) {
        if (FINITE_CONSTANTS.contains(text)) {
            return true;
        }
        OptionalDouble v = numeralValue(text);
        return v.isPresent() && Double.isFinite(v.getAsDouble());
    }

    /**
     * The value of a constant's text when it is a numeral, possibly signed, parenthesised or cast
     * ({@code (double) 0.1f}, as the lowering converts a float literal); empty for a named constant, whose
     * value this analysis does not know.
     */
    private static OptionalDouble numeralValue(String text) {
        return NUMERALS.computeIfAbsent(text, NonFinite::parseNumeral);
    }

    /** The constants' texts parsed so far (a method reads the same few many times). */
    private static final Map<String, OptionalDouble> NUMERALS = new ConcurrentHashMap<>();

    private static OptionalDouble parseNumeral(String text) {
        ParseResult<Expression> parsed = new JavaParser().parseExpression(text);
        return parsed.isSuccessful() && parsed.getResult().isPresent()
                ? numeralValue(parsed.getResult().get())
                : OptionalDouble.empty();
    }

    private static OptionalDouble numeralValue(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return numeralValue(en.getInner());
        }
        if (e instanceof CastExpr c) {
            return numeralValue(c.getExpression());
        }
        if (e instanceof UnaryExpr u
                && (u.getOperator() == UnaryExpr.Operator.MINUS || u.getOperator() == UnaryExpr.Operator.PLUS)) {
            return numeralValue(u.getExpression());
        }
        if (e instanceof DoubleLiteralExpr d) {
            return OptionalDouble.of(d.asDouble());
        }
        if (e instanceof IntegerLiteralExpr i) {
            return OptionalDouble.of(i.asNumber().doubleValue());
        }
        if (e instanceof LongLiteralExpr l) {
            return OptionalDouble.of(l.asNumber().doubleValue());
        }
        return OptionalDouble.empty();
    }
}
