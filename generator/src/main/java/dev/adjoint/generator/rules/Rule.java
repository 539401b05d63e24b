package dev.adjoint.generator.rules;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One derivative rule, {@code z = primal(a, b, c)} with a contribution template per argument: the
 * amount to add to that argument's adjoint, given the result's adjoint {@code dz}. Templates are
 * Java expressions over {@code a}, {@code b}, {@code c} (the arguments), {@code z} (the result) and
 * {@code dz}; a template starting with {@code -} is emitted as {@code -=}; a {@code null}
 * template means the derivative is zero (no contribution, no activity flows through).
 *
 * @param key the rule's name: an operator ({@code "*"}), {@code "Math.sin"}, a cast, {@code "copy"}
 * @param primal the forward template
 * @param contributions one template per argument, {@code null} for a zero derivative
 * @param floatOverload whether the operation exists for {@code float} as well as {@code double}
 *     (otherwise the normalizer widens {@code float} arguments to {@code double})
 */
public record Rule(String key, String primal, List<String> contributions, boolean floatOverload) {
    private static final Pattern NAME = Pattern.compile("\\b(dz|a|b|c|z)\\b");

    public Rule {
        contributions = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(contributions));
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
        String t = contributions.get(i);
        if (t == null) {
            return names;
        }
        Matcher m = NAME.matcher(t);
        while (m.find()) {
            if (!m.group(1).equals("dz")) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The forward expression with the arguments' Java text substituted. */
    public String instantiatePrimal(List<String> args) {
        return substitute(primal, args, "z", "dz");
    }

    /**
     * The contribution to argument {@code i}, as Java text.
     *
     * @param args the arguments' Java text
     * @param z the result's Java text
     * @param dz the result adjoint's Java text
     */
    public String instantiateContribution(int i, List<String> args, String z, String dz) {
        return substitute(contributions.get(i), args, z, dz);
    }

    private static String substitute(String template, List<String> args, String z, String dz) {
        Matcher m = NAME.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = switch (m.group(1)) {
                case "a" -> args.get(0);
                case "b" -> args.get(1);
                case "c" -> args.get(2);
                case "z" -> z;
                default -> dz;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(parenthesize(text)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Wraps anything but an identifier, a non-negative literal or a qualified name in parentheses. */
    public static String parenthesize(String text) {
        if (text.matches("[A-Za-z_$][A-Za-z_$0-9.]*(\\[[A-Za-z_$0-9]+\\])*") || text.matches("[0-9][0-9A-Za-z_.+]*")) {
            return text;
        }
        return "(" + text + ")";
    }
}
