package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.fuzz.ProgramGenerator.Ctx;
import dev.adjoint.generator.fuzz.ProgramGenerator.Feature;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generates loops (counted, while, do, for-each, with jumps), scratch fills, and the scopes they open (see {@link GenState}). */
abstract class LoopGen extends ExpressionGen {
    // (what the families above this one generate, called from here)
    abstract void statements(int indent);

    abstract void arrayWrite(String pad);

    abstract void arrayWrite(String pad, Arr a);

    LoopGen(Set<Feature> features, Random r, Ctx ctx, Method sig, List<Method> callees, int budget) {
        super(features, r, ctx, sig, callees, budget);
    }

    void loop(int indent) {
        loop(indent, -1);
    }

    /**
     * A loop of kind {@code forced} or, for -1, of a random kind; 10 to 14 are those of {@link Feature#SIDE_EFFECT_EXPRESSIONS},
     * whose condition updates a variable.
     */
    void loop(int indent, int forced) {
        String pad = "    ".repeat(indent);
        String i = forced >= 10 ? unique("c") : "i" + loopDepth;
        int kind = forced >= 0 ? forced : r.nextInt(10);
        if (forced < 0 && !has(Feature.DATA_DEPENDENT_LOOPS) && kind == 9) {
            kind = 0;
        }
        int blocked = noContinueAt;
        List<Arr> readable = arrays;
        if (kind == 8 && readable.isEmpty()) {
            kind = 0;
        }
        loopDepth++;
        scopes.push(new ArrayList<>());
        int body;
        String close;
        switch (kind) {
            case 0, 1, 2 -> {
                out.append(pad)
                        .append("for (int ")
                        .append(i)
                        .append(" = 0; ")
                        .append(i)
                        .append(" < n; ")
                        .append(i)
                        .append("++) {\n");
                counters.add(i);
                body = indent + 1;
                close = pad + "}\n";
            }
            case 3 -> {
                out.append(pad)
                        .append("for (int ")
                        .append(i)
                        .append(" = n - 1; ")
                        .append(i)
                        .append(" >= 0; ")
                        .append(i)
                        .append("--) {\n");
                counters.add(i);
                body = indent + 1;
                close = pad + "}\n";
            }
            case 4 -> {
                out.append(pad)
                        .append("for (int ")
                        .append(i)
                        .append(" = 0; ")
                        .append(i)
                        .append(" < 4; ")
                        .append(i)
                        .append(" += 2) {\n");
                counters.add(i);
                body = indent + 1;
                close = pad + "}\n";
            }
            case 5, 6 -> {
                // the counter in a block of its own, so that a sibling loop can reuse its name
                out.append(pad).append("{\n");
                out.append(pad).append("    int ").append(i).append(" = n;\n");
                out.append(pad).append("    while (").append(i).append(" > 0) {\n");
                out.append(pad).append("        ").append(i).append("--;\n");
                counters.add(i);
                body = indent + 2;
                close = pad + "    }\n" + pad + "}\n";
            }
            case 7 -> {
                out.append(pad).append("{\n");
                out.append(pad).append("    int ").append(i).append(" = 0;\n");
                out.append(pad).append("    do {\n");
                out.append(pad).append("        ").append(i).append("++;\n");
                counters.add(i + " % 4");
                body = indent + 2;
                close = pad + "    } while (" + i + " < n);\n" + pad + "}\n";
            }
            case 8 -> {
                Arr a = forEachLoops > 0 && !has(Feature.SEVERAL_FOR_EACH_LOOPS)
                        ? null
                        : readable.get(r.nextInt(readable.size()));
                if (a == null) {
                    out.append(pad)
                            .append("for (int ")
                            .append(i)
                            .append(" = 0; ")
                            .append(i)
                            .append(" < n; ")
                            .append(i)
                            .append("++) {\n");
                    counters.add(i);
                    body = indent + 1;
                    close = pad + "}\n";
                    break;
                }
                forEachLoops++;
                String e = "e" + (loopDepth - 1);
                out.append(pad)
                        .append("for (")
                        .append(typeName(a.elem()))
                        .append(' ')
                        .append(e)
                        .append(" : ")
                        .append(a.name())
                        .append(") {\n");
                scopes.peek().add(new Var(e, a.elem(), false));
                counters.add("k");
                body = indent + 1;
                close = pad + "}\n";
            }
            case 10 -> {
                out.append(pad).append("{\n");
                out.append(pad).append("    int ").append(i).append(" = n;\n");
                out.append(pad)
                        .append("    while (")
                        .append(i)
                        .append(r.nextBoolean() ? "-- > 0) {\n" : "-- >= 1) {\n");
                counters.add(i);
                body = indent + 2;
                close = pad + "    }\n" + pad + "}\n";
            }
            case 11 -> {
                out.append(pad)
                        .append("for (int ")
                        .append(i)
                        .append(" = n; --")
                        .append(i)
                        .append(" >= 0; ) {\n");
                counters.add(i);
                body = indent + 1;
                close = pad + "}\n";
            }
            case 12 -> {
                // (a continue would jump past the condition's update: the desugar pass leaves such a loop alone)
                noContinueAt = loopDepth;
                out.append(pad).append("{\n");
                out.append(pad).append("    int ").append(i).append(" = 0;\n");
                out.append(pad).append("    do {\n");
                counters.add(i + " % 4");
                body = indent + 2;
                boolean postfix = !r.nextBoolean() && has(Feature.POSTFIX_IN_DO_CONDITIONS);
                close = pad + "    } while (" + (postfix ? i + "++ < n - 1" : "++" + i + " < n") + ");\n" + pad + "}\n";
            }
            case 13 -> {
                out.append(pad)
                        .append("for (int ")
                        .append(i)
                        .append(" = 0; ")
                        .append(i)
                        .append("++ < n; ) {\n");
                counters.add(i + " - 1");
                body = indent + 1;
                close = pad + "}\n";
            }
            case 14 -> {
                // a trip count that depends on an active value (at most 6), the value updated in the condition
                String s = freshName();
                out.append(pad).append("{\n");
                out.append(pad)
                        .append("    double ")
                        .append(s)
                        .append(" = 0.25 * Math.tanh(")
                        .append(expr(2).text())
                        .append(");\n");
                out.append(pad).append("    int ").append(i).append(" = 0;\n");
                out.append(pad)
                        .append("    while ((")
                        .append(s)
                        .append(" += 0.3 + 0.1 * Math.sin(")
                        .append(expr(1).text())
                        .append(")) < 1 && ")
                        .append(i)
                        .append(" < 6) {\n");
                out.append(pad).append("        ").append(i).append("++;\n");
                scopes.peek().add(new Var(s, T.D, false));
                counters.add(i + " % 4");
                body = indent + 2;
                close = pad + "    }\n" + pad + "}\n";
            }
            default -> {
                // a trip count that depends on an active value (at most 6)
                String s = freshName();
                out.append(pad).append("{\n");
                out.append(pad)
                        .append("    double ")
                        .append(s)
                        .append(" = 0.25 * Math.tanh(")
                        .append(expr(2).text())
                        .append(");\n");
                out.append(pad).append("    int ").append(i).append(" = 0;\n");
                out.append(pad)
                        .append("    while (")
                        .append(s)
                        .append(" < 1 && ")
                        .append(i)
                        .append(" < 6) {\n");
                out.append(pad)
                        .append("        ")
                        .append(s)
                        .append(" += 0.3 + 0.1 * Math.sin(")
                        .append(expr(1).text())
                        .append(");\n");
                out.append(pad).append("        ").append(i).append("++;\n");
                scopes.peek().add(new Var(s, T.D, false));
                counters.add(i + " % 4");
                body = indent + 2;
                close = pad + "    }\n" + pad + "}\n";
            }
        }
        String bodyPad = "    ".repeat(body);
        // every loop carries a value and writes an array when it can
        Var v = assignableVar();
        out.append(bodyPad)
                .append(v.name())
                .append(" = ")
                .append(assignable(v.type(), new E("Math.tanh(" + expr(2).text() + " + " + v.name() + ")", T.D)))
                .append(";\n");
        if (r.nextBoolean()) {
            arrayWrite(bodyPad);
        }
        statements(body);
        out.append(close);
        counters.remove(counters.size() - 1);
        popScope();
        loopDepth--;
        noContinueAt = blocked;
    }

    /** The near misses of a scratch fill, as in the corpus's {@code ScratchArrays}. */
    private enum Miss {
        NONE,
        READ_BEFORE_FILL,
        RANGE_MOVES,
        INDEX_MOVES,
        CHANGING_VALUE,
        SECOND_WRITE,
        READ_AFTER_LOOP
    }

    /**
     * A local scratch array {@code g0}, created at the top of the method, that each iteration of a counted
     * loop fills in an inner counted loop from arrays the method never writes and the loop's counter, then
     * reads in a doubly nested loop, into a value the method goes on with; or, half of the time, a near miss
     * that the reverse sweep must not fill again. Trip counts at most 4, indices in 0..3 (every array has 4
     * elements, {@code n} is in 1..4).
     */
    void scratchFill(int indent) {
        scratchPending = false;
        String pad = "    ".repeat(indent);
        T elem = floats && r.nextBoolean() ? T.F : T.D;
        String g = "g0";
        int at = out.indexOf("int k = n - 1;\n") + "int k = n - 1;\n".length();
        out.insert(at, "        " + typeName(elem) + "[] " + g + " = new " + typeName(elem) + "[4];\n");
        Miss miss = r.nextBoolean() ? Miss.NONE : Miss.values()[1 + r.nextInt(Miss.values().length - 1)];
        // arrays that no statement writes, those holding differentiated values first
        List<Arr> fixed = arrays.stream().filter(a -> !a.writable()).toList();
        List<Arr> active = fixed.stream().filter(a -> !a.passive()).toList();
        List<Arr> from = active.isEmpty() ? fixed : active;
        String c = "i" + loopDepth;
        String b = pad + "    ";
        out.append(pad)
                .append("// a scratch array filled in each iteration")
                .append(miss == Miss.NONE ? "" : ", near miss: " + miss)
                .append('\n');
        out.append(pad)
                .append("for (int ")
                .append(c)
                .append(" = 0; ")
                .append(c)
                .append(" < n; ")
                .append(c)
                .append("++) {\n");
        loopDepth++;
        counters.add(c);
        scopes.push(new ArrayList<>());
        Var v = assignableVar();
        if (miss == Miss.READ_BEFORE_FILL) {
            out.append(b)
                    .append(v.name())
                    .append(" = ")
                    .append(assignable(
                            v.type(),
                            new E(
                                    "Math.tanh(" + v.name() + " + " + g + "[" + index() + "] * " + expr(1).text() + ")",
                                    T.D)))
                    .append(";\n");
        }
        if (miss == Miss.CHANGING_VALUE) {
            // a value the loop changes, then the fill reads it
            out.append(b)
                    .append(v.name())
                    .append(" = ")
                    .append(assignable(v.type(), new E("Math.tanh(" + expr(2).text() + " + " + v.name() + ")", T.D)))
                    .append(";\n");
        }
        // the fill
        String bound = miss == Miss.RANGE_MOVES ? c + " + 1" : r.nextBoolean() ? "n" : "4";
        String slot = miss == Miss.INDEX_MOVES ? "(j0 + " + c + ") % 4" : "j0";
        out.append(b).append("for (int j0 = 0; j0 < ").append(bound).append("; j0++) {\n");
        E value = fillValue(from, c);
        if (miss == Miss.CHANGING_VALUE) {
            value = new E("(" + value.text() + " + " + v.name() + " * 0.5)", T.D);
        }
        if (r.nextInt(3) == 0) {
            // through a temporary of the fill loop
            out.append(b).append("    double d0 = ").append(value.text()).append(";\n");
            value = new E(r.nextBoolean() ? "d0 * d0" : "d0 * 0.5 - " + c, T.D);
        }
        out.append(b)
                .append("    ")
                .append(g)
                .append('[')
                .append(slot)
                .append("] = ")
                .append(assignable(elem, value))
                .append(";\n");
        out.append(b).append("}\n");
        String companion = has(Feature.FUSED_LOOPS) && r.nextBoolean() ? "h0" : null;
        if (companion != null) {
            // a second fill over the same range, from this fill's element (or, a near miss, another one)
            out.insert(at, "        " + typeName(elem) + "[] " + companion + " = new " + typeName(elem) + "[4];\n");
            String read = switch (r.nextInt(4)) {
                case 0 -> "(j3 + 1) % 4";
                case 1 -> String.valueOf(r.nextInt(4));
                default -> "j3";
            };
            String scale =
                    from.isEmpty() ? "0.5" : from.get(r.nextInt(from.size())).name() + "[j3]";
            out.append(b).append("for (int j3 = 0; j3 < ").append(bound).append("; j3++) {\n");
            out.append(b)
                    .append("    ")
                    .append(companion)
                    .append("[j3] = ")
                    .append(assignable(elem, new E(g + "[" + read + "] * " + scale + " - 0.25 * " + g + "[j3]", T.D)))
                    .append(";\n");
            out.append(b).append("}\n");
        }
        if (miss == Miss.SECOND_WRITE) {
            String i = index();
            out.append(b)
                    .append(g)
                    .append('[')
                    .append(i)
                    .append(r.nextBoolean() ? "] *= " : "] = ")
                    .append(assignable(elem, new E("(0.75 + 0.25 * Math.cos(" + expr(1).text() + "))", T.D)))
                    .append(";\n");
        }
        // the reads: more often than the writes, in a doubly nested loop
        String sum = "s0";
        out.append(b).append("double ").append(sum).append(" = 0;\n");
        String outer = r.nextBoolean() ? "n" : "4";
        out.append(b).append("for (int j1 = 0; j1 < ").append(outer).append("; j1++) {\n");
        out.append(b)
                .append("    for (int j2 = ")
                .append(r.nextBoolean() ? "j1" : "0")
                .append("; j2 < ")
                .append(outer)
                .append("; j2++) {\n");
        String factor = switch (r.nextInt(3)) {
            case 0 -> "0.25";
            case 1 -> from.isEmpty() ? "0.5" : from.get(r.nextInt(from.size())).name() + "[j1]";
            default -> "0.1 * " + c;
        };
        out.append(b)
                .append("        ")
                .append(sum)
                .append(" += ")
                .append(g)
                .append("[j1] * ")
                .append(g)
                .append("[j2] * ")
                .append(factor)
                .append(";\n");
        out.append(b).append("    }\n");
        out.append(b).append("}\n");
        scopes.peek().add(new Var(sum, T.D, false));
        if (companion != null) {
            // the second array summed (a read no derivative needs: its elements are not saved, nor the loops' pushes)
            out.append(b).append("for (int j4 = 0; j4 < ").append(outer).append("; j4++) {\n");
            out.append(b)
                    .append("    ")
                    .append(sum)
                    .append(" += ")
                    .append(companion)
                    .append("[j4];\n");
            out.append(b).append("}\n");
        }
        out.append(b)
                .append(v.name())
                .append(" = ")
                .append(assignable(
                        v.type(),
                        new E(
                                "Math.tanh(" + v.name() + " + 0.5 * Math.exp(-0.1 * " + sum + ") + 0.1 * " + g + "["
                                        + r.nextInt(4) + "] * " + sum + ")",
                                T.D)))
                .append(";\n");
        if (r.nextInt(3) == 0 && budget > 0) {
            statements(indent + 1);
        }
        out.append(pad).append("}\n");
        popScope();
        counters.remove(counters.size() - 1);
        loopDepth--;
        if (miss == Miss.READ_AFTER_LOOP) {
            Var u = assignableVar();
            String i = index();
            E f = expr(1);
            E e = new E(g + "[" + i + "] * " + f.text(), promote(elem, f.type()));
            out.append(pad)
                    .append(u.name())
                    .append(" = ")
                    .append(assignable(
                            u.type(), bounded(new E(u.name() + " + " + e.text(), promote(u.type(), e.type())))))
                    .append(";\n");
        }
    }

    /** What a scratch fill stores at {@code j0}: elements of {@code from} (never written), the counter {@code c}, constants. */
    E fillValue(List<Arr> from, String c) {
        if (from.isEmpty()) {
            return new E("(j0 + 1) * 0.25 - " + c + " * 0.5", T.D);
        }
        Arr x = from.get(r.nextInt(from.size()));
        Arr mu = from.get(r.nextInt(from.size()));
        String xi = r.nextInt(3) == 0 ? "3 - j0" : "j0";
        return switch (r.nextInt(4)) {
            case 0, 1 ->
                new E("(" + x.name() + "[" + xi + "] - " + mu.name() + "[" + c + "])", promote(x.elem(), mu.elem()));
            case 2 -> new E(x.name() + "[" + xi + "] * (" + c + " + 1) * 0.5", promote(x.elem(), T.D));
            default ->
                new E(
                        "(" + x.name() + "[" + xi + "] + 0.25 * " + c + " - " + mu.name() + "[j0] / 2)",
                        promote(x.elem(), T.D));
        };
    }

    /** Closes the innermost scope: its variables and the arrays declared in it go out of scope. */
    void popScope() {
        scopes.pop();
        if (!arrayDepth.isEmpty()) {
            arrays.removeIf(a -> arrayDepth.getOrDefault(a.name(), 0) > scopes.size());
        }
    }

    /** Declares a local array in the current scope. */
    Arr declareArray(String name, T elem, boolean passive) {
        Arr a = new Arr(name, elem, true, passive);
        arrays.add(a);
        arrayDepth.put(name, scopes.size());
        return a;
    }

    /** A name no other local of the method has: {@code prefix} and a number. */
    String unique(String prefix) {
        return prefix + unique++;
    }
}
