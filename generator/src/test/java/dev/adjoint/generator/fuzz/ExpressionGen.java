package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.fuzz.ProgramGenerator.Ctx;
import dev.adjoint.generator.fuzz.ProgramGenerator.Feature;
import dev.adjoint.generator.fuzz.ProgramGenerator.Kind;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import dev.adjoint.generator.fuzz.ProgramGenerator.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generates the names, conditions and typed expressions of a method body (see {@link GenState}). */
abstract class ExpressionGen extends GenState {
    ExpressionGen(Set<Feature> features, Random r, Ctx ctx, Method sig, List<Method> callees, int budget) {
        super(features, r, ctx, sig, callees, budget);
    }

    // ---------------------------------------------------------------- names

    Var assignableVar() {
        List<Var> vs = assignableVars();
        return vs.get(r.nextInt(vs.size()));
    }

    List<Var> assignableVars() {
        List<Var> vs = new ArrayList<>();
        for (List<Var> s : scopes) {
            for (Var v : s) {
                if (v.assignable()) {
                    vs.add(v);
                }
            }
        }
        return vs;
    }

    List<Var> realVars() {
        List<Var> vs = new ArrayList<>();
        for (List<Var> s : scopes) {
            for (Var v : s) {
                if (v.type() == T.D || v.type() == T.F) {
                    vs.add(v);
                }
            }
        }
        return vs;
    }

    String freshName() {
        for (int j = 0; ; j++) {
            String name = "t" + j;
            boolean used = false;
            for (List<Var> s : scopes) {
                for (Var v : s) {
                    used |= v.name().equals(name);
                }
            }
            if (!used && !switchLocals.contains(name)) {
                return name;
            }
        }
    }

    /** An int expression with a value in 0..3. */
    String index() {
        List<String> options = new ArrayList<>(List.of("k", "3 - k", "n - 1", String.valueOf(r.nextInt(4))));
        for (String c : counters) {
            options.add(c);
            options.add(c);
            options.add("(" + c + " + k) % 4");
        }
        if (counters.size() > 1) {
            options.add("(" + counters.get(0) + " + " + counters.get(1) + ") % 4");
        }
        if (ctx.plainHelpers()) {
            String wrap = ctx.own("wrap");
            options.add(wrap + "(k + n)");
            options.add(wrap + "(" + (counters.isEmpty() ? "n" : counters.get(counters.size() - 1)) + " * 3 + 1)");
            if (has(Feature.INT_CASTS)) {
                passive++;
                E e = expr(1);
                passive--;
                if (e.type() == T.D || e.type() == T.F) {
                    options.add(wrap + "((int) (4 * " + e.text() + "))");
                }
            }
        }
        if (ctx.constants() && has(Feature.UNQUALIFIED_NAMES_IN_PASSIVE_CODE)) {
            options.add("N0");
        }
        return options.get(r.nextInt(options.size()));
    }

    // ---------------------------------------------------------------- conditions

    String condition() {
        return has(Feature.ACTIVE_BRANCHES) && r.nextBoolean() ? activeCondition() : passiveCondition();
    }

    String passiveCondition() {
        passive++;
        try {
            return passiveCondition0();
        } finally {
            passive--;
        }
    }

    String activeCondition() {
        passive++;
        try {
            return activeCondition0();
        } finally {
            passive--;
        }
    }

    /** A condition whose outcome is the same in every iteration of the enclosing loops. */
    String invariantCondition() {
        List<String> options = new ArrayList<>(List.of("n > " + (1 + r.nextInt(3)), "n * n < " + (2 + r.nextInt(12))));
        if (hasP) {
            options.add("p > " + (r.nextInt(5) - 2) * 0.3);
        }
        if (sig.params().stream().anyMatch(p -> p.kind() == Kind.BOOLEAN)) {
            options.add("flag");
        }
        if (ctx.plainHelpers()) {
            options.add(ctx.own("odd") + "(n)");
        }
        return options.get(r.nextInt(options.size()));
    }

    String passiveCondition0() {
        if (loopDepth > 0 && !has(Feature.VARYING_BRANCHES_IN_LOOPS)) {
            return invariantCondition();
        }
        List<String> options = new ArrayList<>(
                List.of("n > " + (1 + r.nextInt(3)), "k == " + r.nextInt(4), "k % 2 == 0", "n * k > " + r.nextInt(5)));
        if (hasP) {
            options.add("p > " + (r.nextInt(5) - 2) * 0.3);
            if (has(Feature.DETACH_IN_CONDITIONS)) {
                options.add("Adjoint.detach(p * " + (1 + r.nextInt(3)) + ") < 0.5");
            }
        }
        if (hasQ) {
            options.add("q");
            options.add("!q");
        }
        if (sig.params().stream().anyMatch(p -> p.kind() == Kind.BOOLEAN)) {
            options.add("flag");
            options.add("!flag && n > 1");
        }
        for (String c : counters) {
            options.add(c + " < k");
            options.add("(" + c + " + n) % 2 == 0");
        }
        if (ctx.plainHelpers()) {
            options.add(ctx.own("odd") + "(n)");
            options.add("!" + ctx.own("odd") + "(k + " + (counters.isEmpty() ? "1" : counters.get(0)) + ")");
        }
        if (ctx.constants()) {
            options.add(has(Feature.UNQUALIFIED_NAMES_IN_PASSIVE_CODE) ? "n > N0" : "n > " + ctx.className() + ".K0");
        }
        return options.get(r.nextInt(options.size()));
    }

    String activeCondition0() {
        if (loopDepth > 0 && !has(Feature.VARYING_BRANCHES_IN_LOOPS)) {
            return invariantCondition();
        }
        return switch (r.nextInt(6)) {
            case 0 -> expr(2).text() + " > " + expr(1).text();
            case 1 -> expr(2).text() + " < " + (r.nextInt(5) - 2) * 0.25;
            case 2 -> "Math.sin(" + expr(2).text() + ") > 0.2";
            case 3 -> expr(1).text() + " > 0 && " + passiveCondition();
            case 4 -> "!(" + expr(2).text() + " >= " + expr(1).text() + ")";
            default -> expr(1).text() + " < -0.5 || " + expr(1).text() + " > 0.5";
        };
    }

    // ---------------------------------------------------------------- expressions

    /** {@code e} converted for assignment to a {@code target} variable. */
    E assignable(T target, E e) {
        if (target == T.F && e.type() == T.D) {
            return new E("$c(" + e.text() + ")", T.F);
        }
        return e;
    }

    String result(E e) {
        if (!has(Feature.RETURN_OF_AN_ARRAY_ELEMENT) && e.text().matches("\\w+\\[[^\\[\\]]*\\]")) {
            e = new E(e.text() + " * 1", e.type());
        }
        return assignable(sig.floatResult() ? T.F : T.D, e).text();
    }

    /** In loops, values go through tanh: values that grow defeat central differences. */
    E bounded(E e) {
        return loopDepth > 0 ? new E("Math.tanh(" + e.text() + ")", T.D) : e;
    }

    T promote(T a, T b) {
        if (a == T.D || b == T.D) {
            return T.D;
        }
        if (a == T.F || b == T.F) {
            return T.F;
        }
        if (a == T.L || b == T.L) {
            return T.L;
        }
        return T.I;
    }

    E expr(int depth) {
        if (depth <= 0 || r.nextInt(5) == 0) {
            return leaf();
        }
        E a = expr(depth - 1);
        int kind = r.nextInt(40);
        switch (kind) {
            case 0:
                return call1("Math.sin(", a, ")");
            case 1:
                return call1("Math.cos(", a, ")");
            case 2:
                return call1("Math.tanh(", a, ")");
            case 3:
                return call1("Math.atan(", a, ")");
            case 4:
                return call1("Math.exp(Math.tanh(", a, "))");
            case 5:
                return call1("Math.sqrt(1.5 + Math.sin(", a, "))");
            case 6:
                return call1("Math.log(2 + Math.sin(", a, "))");
            case 7:
                return call1("Math.log1p(Math.exp(Math.tanh(", a, ")))");
            case 8:
                return call1("Math.cbrt(2 + Math.cos(", a, "))");
            case 9:
                return call1("Math.expm1(Math.tanh(", a, "))");
            case 10:
                return call1("Math.log10(1.5 + Math.cos(", a, "))");
            case 11:
                return call1("Math.asin(0.5 * Math.tanh(", a, "))");
            case 12:
                return call1("Math.acos(0.5 * Math.sin(", a, "))");
            case 13:
                return call1("Math.sinh(Math.tanh(", a, "))");
            case 14:
                return call1("Math.cosh(Math.tanh(", a, "))");
            case 15:
                return call1("Math.tan(0.5 * Math.tanh(", a, "))");
            case 16:
                return call1("Math.hypot(", a, ", 1.5)");
            case 17:
                return new E("Math.hypot(" + a.text() + ", " + expr(depth - 1).text() + ")", T.D);
            case 18:
                return new E(
                        "Math.atan2(" + a.text() + ", 2 + Math.cos("
                                + expr(depth - 1).text() + "))",
                        T.D);
            case 19:
                return new E(
                        "Math.pow(1.25 + Math.sin(" + a.text() + "), Math.tanh("
                                + expr(depth - 1).text() + "))",
                        T.D);
            case 20:
                return new E("Math.pow(" + a.text() + ", " + (2 + r.nextInt(2)) + ")", T.D);
            case 21:
                return new E("-(" + a.text() + ")", a.type());
            case 22, 23, 24: {
                E b = expr(depth - 1);
                return new E("(" + a.text() + " + " + b.text() + ")", promote(a.type(), b.type()));
            }
            case 25, 26: {
                E b = expr(depth - 1);
                return new E("(" + a.text() + " - " + b.text() + ")", promote(a.type(), b.type()));
            }
            case 27, 28, 29: {
                E b = expr(depth - 1);
                return new E("(" + a.text() + " * " + b.text() + ")", promote(a.type(), b.type()));
            }
            case 30: {
                E b = expr(depth - 1);
                return new E("(" + a.text() + " / (2 + Math.cos(" + b.text() + ")))", T.D);
            }
            case 31: {
                // a float denominator in float code stays float
                E b = expr(depth - 1);
                T t = promote(promote(a.type(), b.type()), floats ? T.F : T.D);
                if (t == T.I || t == T.L) {
                    t = T.D;
                }
                return new E(
                        "(" + a.text() + " / (1.5" + (t == T.F ? "$f" : "") + " + " + b.text() + " * " + b.text()
                                + "))",
                        t);
            }
            case 32, 33: {
                E b = expr(depth - 1);
                String cond = has(Feature.ACTIVE_BRANCHES) && r.nextBoolean() ? activeCondition() : passiveCondition();
                return new E("(" + cond + " ? " + a.text() + " : " + b.text() + ")", promote(a.type(), b.type()));
            }
            case 34: {
                if (!has(Feature.ACTIVE_BRANCHES)) {
                    return a;
                }
                E b = expr(depth - 1);
                return new E(
                        "Math." + (r.nextBoolean() ? "max" : "min") + "(" + a.text() + ", " + b.text() + ")",
                        promote(a.type(), b.type()));
            }
            case 35: {
                if (!has(Feature.ACTIVE_BRANCHES)) {
                    return a;
                }
                return new E("Math.abs(" + a.text() + ")", a.type());
            }
            case 36: {
                if (!has(Feature.STEP_FUNCTIONS)
                        || (!has(Feature.INT_ARGUMENTS_TO_FLOAT_OVERLOADS) && (a.type() == T.I || a.type() == T.L))) {
                    return a;
                }
                return switch (r.nextInt(3)) {
                    case 0 -> new E("0.25 * Math.floor(2 * " + a.text() + ")", T.D);
                    case 1 -> new E("0.1 * Math.round(3 * " + a.text() + ")", T.D);
                    default -> new E("(0.5 + 0.1 * Math.signum(" + a.text() + "))", T.D);
                };
            }
            case 37, 38: {
                if (ctx.customs() && r.nextInt(3) == 0) {
                    return r.nextBoolean()
                            ? new E(ctx.own("soft") + "(" + a.text() + ")", T.D)
                            : new E(
                                    ctx.own("mix") + "(" + a.text() + ", " + (r.nextBoolean() ? "n" : "2") + ", "
                                            + expr(depth - 1).text() + ")",
                                    T.D);
                }
                E c = call(depth);
                return c == null ? a : c;
            }
            default: {
                if (floats && (a.type() == T.D)) {
                    return new E("$c(" + a.text() + ")", T.F);
                }
                if (a.type() == T.F && has(Feature.DECLARATION_SHAPES)) {
                    return new E("$d(" + a.text() + ")", T.D);
                }
                if (sig.params().stream().anyMatch(p -> p.kind() == Kind.LONG) && r.nextBoolean()) {
                    return new E("(" + a.text() + " * m)", promote(a.type(), T.L));
                }
                return new E("(" + a.text() + " * " + (r.nextInt(3) + 2) + ")", promote(a.type(), T.I));
            }
        }
    }

    E call1(String open, E a, String close) {
        return new E(open + a.text() + close, T.D);
    }

    /** A call to another method of the program, or null. */
    E call(int depth) {
        if (callees.isEmpty() || calls >= 2) {
            return null;
        }
        calls++;
        Method m = callees.get(r.nextInt(callees.size()));
        List<String> args = new ArrayList<>();
        for (Param p : m.params()) {
            switch (p.kind()) {
                case DOUBLE, FLOAT -> {
                    // a differentiated value into a parameter the callee's wrt leaves out too: the static strategy
                    // calls the callee's variant that differentiates every parameter (README)
                    E e = p.wrt() || r.nextBoolean() ? expr(depth - 1) : passive();
                    args.add((p.kind() == Kind.FLOAT ? assignable(T.F, e) : e).text());
                }
                case INT ->
                    args.add(new String[] {"n", "k + 1", "4 - k", String.valueOf(1 + r.nextInt(4))}[r.nextInt(4)]);
                case LONG ->
                    args.add(
                            sig.params().stream().anyMatch(q -> q.kind() == Kind.LONG) && r.nextBoolean() ? "m" : "2L");
                case BOOLEAN -> args.add(r.nextBoolean() ? "n > 2" : (hasQ ? "q" : "k == 1"));
                case DOUBLE_ARRAY, FLOAT_ARRAY -> {
                    T elem = p.kind() == Kind.DOUBLE_ARRAY ? T.D : T.F;
                    // (the same for an array)
                    boolean passiveOnly = !p.wrt();
                    // (a helper's own parameter arrays only with PARAMETER_ARRAYS_HANDED_ON: m's are never seen from a
                    // caller)
                    boolean handOn = has(Feature.PARAMETER_ARRAYS_HANDED_ON)
                            || sig.base().equals("m");
                    List<Arr> match = arrays.stream()
                            .filter(a -> a.elem() == elem && !a.writable() && (a.passive() || !passiveOnly))
                            .filter(a -> handOn
                                    || sig.params().stream()
                                            .noneMatch(q -> q.name().equals(a.name())))
                            .toList();
                    if (match.isEmpty()) {
                        // a fresh local array of the right type, declared at the top of the method
                        String name = "u" + arrays.size() + "c";
                        String decl =
                                "        " + typeName(elem) + "[] " + name + " = new " + typeName(elem) + "[4];\n";
                        int at = out.indexOf("int k = n - 1;\n") + "int k = n - 1;\n".length();
                        out.insert(at, decl);
                        Arr a = new Arr(name, elem, false, true);
                        arrays.add(a);
                        args.add(name);
                    } else {
                        args.add(match.get(r.nextInt(match.size())).name());
                    }
                }
            }
        }
        String suffix = has(Feature.CROSS_CALLS) && r.nextInt(6) == 0 ? "$X" : "$S";
        String qualifier = m.owner().equals(sig.owner())
                ? (ctx.qualifyOwnCalls() && sig.owner().isEmpty() ? ctx.className() + "." : "")
                : m.owner() + ".";
        return new E(qualifier + m.base() + suffix + "(" + String.join(", ", args) + ")", m.floatResult() ? T.F : T.D);
    }

    /** An expression that depends on no differentiated value. */
    E passive() {
        return switch (r.nextInt(3)) {
            case 0 -> hasP ? new E("p", T.D) : new E("0.5", T.D);
            case 1 -> new E("(0.5 * n)", T.D);
            default -> new E("Math.cos(k)", T.D);
        };
    }

    E leaf() {
        List<Var> vs = realVars();
        int kind = r.nextInt(17);
        if (kind < 7 && !vs.isEmpty()) {
            Var v = vs.get(r.nextInt(vs.size()));
            return new E(v.name(), v.type());
        }
        if (kind < 10 && !arrays.isEmpty()) {
            Arr a = arrays.get(r.nextInt(arrays.size()));
            passive++;
            String idx = index();
            passive--;
            return new E(a.name() + "[" + idx + "]", a.elem());
        }
        return switch (kind) {
            case 10 -> new E("n", T.I);
            case 11 -> hasP ? new E("p", T.D) : new E("0.5", T.D);
            case 12 -> floats ? new E("1.25$f", T.F) : new E("1.25", T.D);
            case 13 -> r.nextBoolean() ? new E("2", T.I) : new E("3L", T.L);
            case 14 ->
                new E(
                        r.nextBoolean()
                                ? "Math.PI"
                                : has(Feature.DECLARATION_SHAPES) && r.nextBoolean() ? "Math.E" : "0.75",
                        T.D);
            case 15 -> {
                if (ctx.constants()) {
                    // unqualified, a constant may end up in text that the tape copies (an int expression, a
                    // condition), where it does not resolve: a known bug
                    boolean plain = has(Feature.UNQUALIFIED_NAMES_IN_PASSIVE_CODE);
                    boolean privateQualified = has(Feature.QUALIFIED_PRIVATE_CONSTANTS);
                    String q = ctx.className() + ".";
                    yield switch (r.nextInt(4)) {
                        case 0 -> new E(plain ? "K0" : q + "K0", T.D);
                        case 1 -> new E(q + "K0", T.D);
                        case 2 -> new E(plain && r.nextBoolean() ? "K1" : q + "K1", floats ? T.F : T.D);
                        default ->
                            plain && !(privateQualified && r.nextBoolean())
                                    ? new E("N0", T.I)
                                    : privateQualified ? new E(q + "N0", T.I) : new E(q + "K0", T.D);
                    };
                }
                if (has(Feature.INT_CASTS) && !vs.isEmpty() && r.nextBoolean()) {
                    Var v = vs.get(r.nextInt(vs.size()));
                    yield new E("(int) (2 * " + v.name() + ")", T.I);
                }
                yield r.nextBoolean() ? new E("(n / 2)", T.I) : new E("(k % 3)", T.I);
            }
            default ->
                vs.isEmpty()
                        ? new E("0.5", T.D)
                        : new E(vs.get(0).name(), vs.get(0).type());
        };
    }
}
