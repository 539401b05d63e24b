package dev.adjoint.generator.rules;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.JavaText;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.code.Printer;
import dev.adjoint.generator.code.Uses;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One derivative rule, {@code z = primal(a, b, c)} with a contribution per argument: the amount to
 * add to that argument's adjoint, given the result's adjoint {@code dz}. The table writes them as
 * Java expression templates over {@code a}, {@code b}, {@code c} (the arguments), {@code z} (the
 * result) and {@code dz}; the rule holds them as trees of the code model, and instantiating one is
 * a function of operand trees: each name replaced by its operand, parenthesised unless it stands
 * alone ({@link Operand}). A contribution that is a negated product is emitted as {@code -=}; a
 * {@code null} contribution means the derivative is zero (no contribution, no activity flows through).
 */
public final class Rule {
    /** The names a template may use for the operands, the result and its adjoint. */
    /** The template name of the rule's result. */
    private static final String RESULT = "z";

    private static final List<String> NAMES = List.of("a", "b", "c", RESULT, "dz");

    private final String key;
    private final Expr primal;
    private final List<Expr> contributions;
    private final boolean floatOverload;

    /**
     * @param key the rule's name: an operator ({@code "*"}), {@code "Math.sin"}, a cast, {@code "copy"}
     * @param floatOverload whether the operation exists for {@code float} as well as {@code double}
     *     (otherwise the normalizer widens {@code float} arguments to {@code double})
     * @param primal the forward template
     * @param contributions one template per argument, {@code null} for a zero derivative
     */
    static Rule of(String key, boolean floatOverload, String primal, List<String> contributions) {
        List<Expr> cs = new ArrayList<>();
        contributions.forEach(c -> cs.add(c == null ? null : template(key, c)));
        return new Rule(key, template(key, primal), cs, floatOverload);
    }

    private Rule(String key, Expr primal, List<Expr> contributions, boolean floatOverload) {
        this.key = key;
        this.primal = primal;
        this.contributions = Collections.unmodifiableList(new ArrayList<>(contributions));
        this.floatOverload = floatOverload;
    }

    /** A template as a tree; one the model would print differently is a mistake in the table. */
    private static Expr template(String key, String text) {
        return JavaText.expression(text)
                .filter(e -> !Uses.opaque(e))
                .orElseThrow(() -> new IllegalStateException(
                        "derivative rule " + key + ": template does not read back as written: " + text));
    }

    /** The rule's name: an operator ({@code "*"}), {@code "Math.sin"}, a cast, {@code "copy"}. */
    public String key() {
        return key;
    }

    /** Whether the operation exists for {@code float} as well as {@code double}. */
    public boolean floatOverload() {
        return floatOverload;
    }

    /** The forward template, as written. */
    public String primal() {
        return Printer.expression(primal);
    }

    /** The contribution templates as written, {@code null} for a zero derivative. */
    public List<String> contributions() {
        return contributions.stream()
                .map(c -> c == null ? null : Printer.expression(c))
                .toList();
    }

    /** The number of arguments. */
    public int arity() {
        return contributions.size();
    }

    /** Whether argument {@code i} has a non-zero derivative. */
    public boolean differentiableIn(int i) {
        return contributions.get(i) != null;
    }

    /**
     * The template names ({@code a}, {@code b}, {@code z}) whose values the contribution to
     * argument {@code i} reads: what the reverse sweep needs from the forward sweep.
     */
    public Set<String> valuesRead(int i) {
        Set<String> names = new TreeSet<>();
        Expr t = contributions.get(i);
        if (t != null) {
            Uses.each(t, e -> {
                if (e instanceof Expr.Name n && NAMES.contains(n.id()) && !n.id().equals("dz")) {
                    names.add(n.id());
                }
            });
        }
        return names;
    }

    /** Whether the contribution to argument {@code i} reads the result {@code z} (as {@code exp}'s does). */
    public boolean readsResult(int i) {
        return valuesRead(i).contains(RESULT);
    }

    /** The forward expression over {@code args}. */
    public Expr primal(List<Expr> args) {
        return substitute(primal, args, null, null);
    }

    /** The contribution to argument {@code i} over {@code args}, the result {@code z} and its adjoint {@code dz}. */
    public Expr contribution(int i, List<Expr> args, Expr z, Expr dz) {
        return substitute(contributions.get(i), args, z, dz);
    }

    /** This rule computed and differentiated with {@code family}'s functions ({@code StrictMath}) instead of {@code Math}'s. */
    Rule in(String family) {
        java.util.function.UnaryOperator<Expr> f =
                e -> e instanceof Expr.Call c && c.target() instanceof Expr.Name n && n.id().equals("Math")
                        ? new Expr.Call(new Expr.Name(family), c.name(), c.args())
                        : e;
        return new Rule(
                family + key.substring("Math".length()),
                Uses.rewrite(primal, f),
                contributions.stream()
                        .map(c -> c == null ? null : Uses.rewrite(c, f))
                        .toList(),
                floatOverload);
    }

    /** The template tree of the forward expression, then of each contribution ({@code null} for none). */
    List<Expr> templates() {
        List<Expr> out = new ArrayList<>();
        out.add(primal);
        out.addAll(contributions);
        return out;
    }

    private static Expr substitute(Expr template, List<Expr> args, Expr z, Expr dz) {
        Map<String, Expr> by = new java.util.HashMap<>();
        for (int k = 0; k < args.size() && k < 3; k++) {
            by.put(NAMES.get(k), args.get(k));
        }
        if (z != null) {
            by.put("z", z);
            by.put("dz", dz);
        }
        // (innermost first: an operand put in is not looked into again)
        return Uses.rewrite(
                template, e -> e instanceof Expr.Name n && by.containsKey(n.id()) ? Operand.of(by.get(n.id())) : e);
    }

    @Override
    public String toString() {
        return key;
    }
}
