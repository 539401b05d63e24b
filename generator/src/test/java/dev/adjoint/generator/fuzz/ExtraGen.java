package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.fuzz.ProgramGenerator.Ctx;
import dev.adjoint.generator.fuzz.ProgramGenerator.Feature;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates the extras of {@link ProgramGenerator#EXTRAS}, each drawn for a program shown at least
 * once: guards, loop-local arrays, array reassignments, array library calls, narrowing ints; the
 * tables are {@link TableGen}'s (see {@link GenState}).
 */
abstract class ExtraGen extends TableGen {
    // (what the families above this one generate, called from here)
    abstract void sideEffect(int indent);

    abstract void unlowered(int indent);

    abstract void plainArrayHelper(String pad);

    abstract void unmodelledCall(String pad);

    ExtraGen(Set<Feature> features, Random r, Ctx ctx, Method sig, List<Method> callees, int budget) {
        super(features, r, ctx, sig, callees, budget);
    }

    void extra(Feature f, int indent) {
        ctx.used().add(f);
        String pad = "    ".repeat(indent);
        switch (f) {
            case ARRAY_LIBRARY_CALLS -> arrayLibraryCall(pad);
            case ARROW_SWITCHES -> arrowSwitch(indent);
            case SWITCH_EXPRESSIONS -> switchExpression(indent);
            case NARROWING_INT_COMPOUND -> narrowingInt(pad);
            case SIDE_EFFECT_EXPRESSIONS -> sideEffect(indent);
            case PLAIN_ARRAY_HELPERS -> plainArrayHelper(pad);
            case UNMODELLED_LIBRARY_CALLS -> unmodelledCall(pad);
            case CLASSIC_SWITCHES -> classicSwitch(indent);
            case UNLOWERED_SIDE_EFFECTS -> unlowered(indent);
            case GUARDS -> guard(pad);
            case LOOP_LOCAL_ARRAYS -> loopLocalArray(indent);
            case TABLES_AND_INDEX_TABLES -> tables(indent);
            case ARRAY_REASSIGNMENTS -> reassignments(indent);
            default -> throw new IllegalStateException("not an extra: " + f);
        }
    }

    /** A guard that throws with a message reading values, and an assert; neither fires at the points. */
    void guard(String pad) {
        List<Var> vs = new ArrayList<>();
        scopes.forEach(vs::addAll);
        Var v = vs.get(r.nextInt(vs.size()));
        out.append(pad)
                .append("if (")
                .append(v.name())
                .append(" != ")
                .append(v.name())
                .append(") {\n")
                .append(pad)
                .append("    throw new ArithmeticException(\"not a number: \" + ")
                .append(v.name())
                .append(");\n")
                .append(pad)
                .append("}\n");
        if (!arrays.isEmpty()) {
            Arr a = arrays.get(r.nextInt(arrays.size()));
            out.append(pad)
                    .append("if (")
                    .append(a.name())
                    .append(".length > 1000) throw new IllegalArgumentException(\"")
                    .append(a.name())
                    .append(" has \" + ")
                    .append(a.name())
                    .append(".length + \" elements\");\n");
            out.append(pad)
                    .append("assert ")
                    .append(a.name())
                    .append(".length >= 0 : \"")
                    .append(a.name())
                    .append("\";\n");
        }
        out.append(pad)
                .append("assert ")
                .append(v.name())
                .append(" == ")
                .append(v.name())
                .append(" : \"NaN \" + ")
                .append(v.name())
                .append(";\n");
    }

    /** A counted loop creating a local array in each iteration, writing and reading it there, then adding to a variable. */
    void loopLocalArray(int indent) {
        String pad = "    ".repeat(indent);
        String k = "lk" + extraNames;
        String a = "la" + extraNames++;
        T elem = floats && r.nextBoolean() ? T.F : T.D;
        Var v = assignableVar();
        E e1 = expr(1);
        E e2 = expr(1);
        // (a for loop, or a while loop with the same counter; a length the loop updates is declared before it)
        int shape = r.nextInt(4);
        boolean asWhile = r.nextInt(3) == 0;
        out.append(shape == 3 ? pad + "int " + a + "m = 3;\n" : "").append(asWhile ? pad + "int " + k + " = 0;\n" : "");
        out.append(pad)
                .append(
                        asWhile
                                ? "while (" + k + " < 2) {\n"
                                : "for (int " + k + " = 0; " + k + " < 2; " + k + "++) {\n");
        if (r.nextBoolean()) {
            // a length of 3, or one that changes with the counter (3 and 4), maybe computed into an int local first,
            // or one the loop updates (each creation then borrows an array of its own)
            String length = switch (shape) {
                case 0 -> "3";
                case 1 -> k + " + 3";
                case 3 -> a + "m";
                default -> {
                    out.append(pad)
                            .append("    int ")
                            .append(a)
                            .append("n = 3 + ")
                            .append(k)
                            .append(";\n");
                    yield a + "n";
                }
            };
            out.append(pad)
                    .append("    ")
                    .append(typeName(elem))
                    .append("[] ")
                    .append(a)
                    .append(" = new ")
                    .append(typeName(elem))
                    .append('[')
                    .append(length)
                    .append("];\n");
            out.append(pad)
                    .append("    ")
                    .append(a)
                    .append('[')
                    .append(k)
                    .append("] = ")
                    .append(assignable(elem, e1).text())
                    .append(";\n");
        } else {
            out.append(pad)
                    .append("    ")
                    .append(typeName(elem))
                    .append("[] ")
                    .append(a)
                    .append(" = {")
                    .append(assignable(elem, e1).text())
                    .append(", 0.5f, 0};\n");
        }
        out.append(pad)
                .append("    ")
                .append(a)
                .append('[')
                .append(k)
                .append(" + 1] = ")
                .append(a)
                .append('[')
                .append(k)
                .append("] * ")
                .append(assignable(elem, e2).text())
                .append(";\n");
        E read = new E(a + "[" + k + "] + " + a + "[" + k + " + 1] * " + a + "[2]", elem);
        out.append(pad)
                .append("    ")
                .append(v.name())
                .append(" = ")
                .append(assignable(v.type(), new E("Math.tanh(" + v.name() + " + " + read.text() + ")", T.D))
                        .text())
                .append(";\n");
        out.append(shape == 3 ? pad + "    " + a + "m += " + k + " + 1;\n" : "")
                .append(asWhile ? pad + "    " + k + "++;\n" : "");
        out.append(pad).append("}\n");
    }

    /** See {@link Feature#ARRAY_REASSIGNMENTS}: the arrays' values come from active expressions, the result goes to a variable. */
    void reassignments(int indent) {
        String pad = "    ".repeat(indent);
        String in = pad + "    ";
        int id = extraNames++;
        String p = "lp" + id;
        String q = "lq" + id;
        String t = "ls" + id;
        String k = "lk" + id;
        String i = "li" + id;
        T elem = floats && r.nextBoolean() ? T.F : T.D;
        String ty = typeName(elem);
        Var v = assignableVar();
        E e1 = assignable(elem, expr(1));
        E e2 = assignable(elem, expr(1));
        out.append(pad).append("{\n");
        out.append(in)
                .append(ty)
                .append("[] ")
                .append(p)
                .append(" = new ")
                .append(ty)
                .append("[3];\n");
        out.append(in).append(p).append("[0] = ").append(e1.text()).append(";\n");
        out.append(in).append(p).append("[1] = ").append(e2.text()).append(";\n");
        E read;
        switch (r.nextInt(3)) {
            case 0 -> { // ping-pong
                out.append(in)
                        .append(ty)
                        .append("[] ")
                        .append(q)
                        .append(" = new ")
                        .append(ty)
                        .append("[3];\n");
                out.append(in)
                        .append("for (int ")
                        .append(k)
                        .append(" = 0; ")
                        .append(k)
                        .append(" < 2; ")
                        .append(k)
                        .append("++) {\n");
                out.append(in)
                        .append("    for (int ")
                        .append(i)
                        .append(" = 0; ")
                        .append(i)
                        .append(" < 3; ")
                        .append(i)
                        .append("++) {\n");
                out.append(in)
                        .append("        ")
                        .append(q)
                        .append('[')
                        .append(i)
                        .append("] = ")
                        .append(assignable(
                                        elem,
                                        new E(
                                                "Math.sin(" + p + "[" + i + "]) + 0.5 * " + p + "[(" + i + " + 1) % 3]",
                                                T.D))
                                .text())
                        .append(";\n");
                out.append(in).append("    }\n");
                out.append(in)
                        .append("    ")
                        .append(ty)
                        .append("[] ")
                        .append(t)
                        .append(" = ")
                        .append(p)
                        .append(";\n");
                out.append(in).append("    ").append(p).append(" = ").append(q).append(";\n");
                out.append(in).append("    ").append(q).append(" = ").append(t).append(";\n");
                out.append(in).append("}\n");
                read = new E(p + "[0] + " + p + "[2] * " + q + "[1]", elem);
            }
            case 1 -> { // a = z, z fresh in each iteration
                out.append(in)
                        .append("for (int ")
                        .append(k)
                        .append(" = 0; ")
                        .append(k)
                        .append(" < 2; ")
                        .append(k)
                        .append("++) {\n");
                out.append(in)
                        .append("    ")
                        .append(ty)
                        .append("[] ")
                        .append(q)
                        .append(" = new ")
                        .append(ty)
                        .append('[')
                        .append(p)
                        .append(".length];\n");
                out.append(in)
                        .append("    for (int ")
                        .append(i)
                        .append(" = 0; ")
                        .append(i)
                        .append(" < ")
                        .append(q)
                        .append(".length; ")
                        .append(i)
                        .append("++) {\n");
                out.append(in)
                        .append("        ")
                        .append(q)
                        .append('[')
                        .append(i)
                        .append("] = ")
                        .append(assignable(
                                        elem,
                                        new E(
                                                "Math.tanh(" + p + "[" + i + "] * 0.7 + " + p + "[(" + i + " + 1) % "
                                                        + p + ".length])",
                                                T.D))
                                .text())
                        .append(";\n");
                out.append(in).append("    }\n");
                out.append(in).append("    ").append(p).append(" = ").append(q).append(";\n");
                out.append(in).append("}\n");
                read = new E(p + "[0] * " + p + "[1] + " + p + "[2]", elem);
            }
            default -> { // a conditional alias of two fresh arrays
                out.append(in)
                        .append(ty)
                        .append("[] ")
                        .append(q)
                        .append(" = new ")
                        .append(ty)
                        .append("[3];\n");
                out.append(in)
                        .append(q)
                        .append("[2] = ")
                        .append(assignable(elem, new E("(" + e1.text() + ") * 0.5", T.D))
                                .text())
                        .append(";\n");
                out.append(in)
                        .append(ty)
                        .append("[] ")
                        .append(t)
                        .append(" = ")
                        .append(v.name())
                        .append(" > 0.25 ? ")
                        .append(p)
                        .append(" : ")
                        .append(q)
                        .append(";\n");
                read = new E(t + "[0] + " + t + "[2] * " + t + "[1]", elem);
            }
        }
        out.append(in)
                .append(v.name())
                .append(" = ")
                .append(assignable(v.type(), new E("Math.tanh(" + v.name() + " + " + read.text() + ")", T.D))
                        .text())
                .append(";\n");
        out.append(pad).append("}\n");
    }

    /** {@code v = v + a[i] * e} (bounded): the value goes on with what an array holds now. */
    void readBack(String pad, Arr a) {
        Var v = assignableVar();
        E f = expr(1);
        passive++;
        String i = index();
        passive--;
        E e = new E(a.name() + "[" + i + "] * " + f.text(), promote(a.elem(), f.type()));
        out.append(pad)
                .append(v.name())
                .append(" = ")
                .append(assignable(v.type(), bounded(new E(v.name() + " + " + e.text(), promote(v.type(), e.type())))))
                .append(";\n");
    }

    /** System.arraycopy, Arrays.fill, Arrays.copyOf, Arrays.copyOfRange, clone(), then a read of the array written. */
    void arrayLibraryCall(String pad) {
        String lib = r.nextBoolean() ? "Arrays" : "java.util.Arrays";
        List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
        int kind = r.nextInt(6);
        // (a local array is declared in the method's own block: the static strategy rejects one in a block or loop, and
        // the tape accepts it; a fresh array to fill goes to the top, as call() does)
        boolean top = scopes.size() == 1;
        if (arrays.isEmpty() || !top && writable.isEmpty()) {
            kind = 1 + r.nextInt(2);
        } else if (writable.isEmpty() && kind < 3) {
            kind = 3 + r.nextInt(3);
        } else if (!top && kind >= 3) {
            kind = r.nextInt(3);
        }
        if (kind == 0) {
            Arr dst = writable.get(r.nextInt(writable.size()));
            List<Arr> same = arrays.stream().filter(a -> a.elem() == dst.elem()).toList();
            Arr src = same.get(r.nextInt(same.size()));
            String args = switch (r.nextInt(3)) {
                case 0 -> "0, " + dst.name() + ", 0, n";
                case 1 -> "0, " + dst.name() + ", 4 - n, n";
                default -> {
                    int len = 1 + r.nextInt(4);
                    yield r.nextInt(5 - len) + ", " + dst.name() + ", " + r.nextInt(5 - len) + ", " + len;
                }
            };
            out.append(pad)
                    .append("System.arraycopy(")
                    .append(src.name())
                    .append(", ")
                    .append(args)
                    .append(");\n");
            readBack(pad, dst);
            return;
        }
        if (kind == 1 || kind == 2) {
            Arr dst;
            if (writable.isEmpty()) {
                T elem = floats && r.nextBoolean() ? T.F : T.D;
                dst = new Arr(unique("cp"), elem, true, false);
                arrays.add(dst);
                int at = out.indexOf("int k = n - 1;\n") + "int k = n - 1;\n".length();
                out.insert(
                        at, "        " + typeName(elem) + "[] " + dst.name() + " = new " + typeName(elem) + "[4];\n");
            } else {
                dst = writable.get(r.nextInt(writable.size()));
            }
            String value = assignable(dst.elem(), bounded(expr(2))).text();
            String range = "";
            if (kind == 2) {
                int from = r.nextInt(4);
                range = r.nextBoolean() ? from + ", " + (from + r.nextInt(5 - from)) + ", " : "0, n, ";
            }
            out.append(pad)
                    .append(lib)
                    .append(".fill(")
                    .append(dst.name())
                    .append(", ")
                    .append(range)
                    .append(value)
                    .append(");\n");
            readBack(pad, dst);
            return;
        }
        Arr src = arrays.get(r.nextInt(arrays.size()));
        String init = switch (kind) {
            case 3 -> lib + ".copyOf(" + src.name() + ", " + new String[] {"4", "n + 3", "6"}[r.nextInt(3)] + ")";
            case 4 -> {
                int from = r.nextInt(4);
                yield lib + ".copyOfRange(" + src.name() + ", "
                        + (r.nextBoolean() ? from + ", " + (from + 4) : "k, k + 4") + ")";
            }
            default -> src.name() + ".clone()";
        };
        Arr c = declareArray(unique("cp"), src.elem(), src.passive());
        out.append(pad)
                .append(typeName(src.elem()))
                .append("[] ")
                .append(c.name())
                .append(" = ")
                .append(init)
                .append(";\n");
        if (r.nextBoolean()) {
            arrayWrite(pad, c);
        }
        readBack(pad, c);
    }

    /** {@code int b = n; b += x * 2.5;} and the like, then b feeds a value. */
    void narrowingInt(String pad) {
        String b = unique("bx");
        boolean wide = r.nextInt(4) == 0;
        out.append(pad)
                .append(wide ? "long " : "int ")
                .append(b)
                .append(" = ")
                .append(wide ? "2L" : r.nextBoolean() ? "n" : "k")
                .append(";\n");
        List<Var> vs = realVars();
        Var x = vs.get(r.nextInt(vs.size()));
        // (through tanh: the integer part of a fast-moving value is a staircase too fine for central differences to
        // see its zero derivative; seed 20261205, program 6827 truncated y + a^9. Kept off integers where the value
        // is a constant: there float rounding truncates otherwise than the double twin, 2 * (1.5 + 0.5 *
        // sin((float) PI)) is 2 and 2 * (1.5 + 0.5 * sin(PI)) is 3; seed 31415, programs 5217 and 8264)
        String op = switch (r.nextInt(4)) {
            case 0 -> " += 0.5 + Math.tanh(" + x.name() + ") * 2.5";
            case 1 -> " -= 0.5 + Math.tanh(" + expr(1).text() + ") * 1.75";
            case 2 -> " *= 1.45 + 0.5 * Math.sin(" + expr(1).text() + ")";
            default -> " += $c(0.5 + 2 * Math.tanh(" + expr(1).text() + "))";
        };
        out.append(pad).append(b).append(op).append(";\n");
        Var v = assignableVar();
        out.append(pad)
                .append(v.name())
                .append(" = ")
                .append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * " + b + " * " + expr(1).text(), T.D))))
                .append(";\n");
    }
}
