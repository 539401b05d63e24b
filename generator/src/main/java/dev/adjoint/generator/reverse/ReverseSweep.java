package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Printer;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.optimize.CopyChains;
import dev.adjoint.generator.optimize.DenseTemporaries;
import dev.adjoint.generator.optimize.InvariantLoads;
import dev.adjoint.generator.optimize.LoopAccumulators;
import dev.adjoint.generator.optimize.LoopFusion;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the adjoint method of one method: the gradient buffers, the forward sweep, the seed, the
 * reverse sweep ({@link BlockReversal}) and the hand-over of gradients into the caller's buffers.
 */
public final class ReverseSweep {
    private ReverseSweep() {}

    /**
     * The adjoint of {@code ir}, given its analysis; built a second time, from the names as they
     * were, without the saves whose restored values nothing reads ({@link DeadSaves}), when the
     * first has any.
     */
    public static AdjointMethod build(MethodIr ir, Analysis an) {
        Names start = an.on(Options.Optimisation.DEAD_SAVES) ? ir.names().copy() : null;
        Built first = build(ir, an, Set.of());
        if (start == null || first.unread().isEmpty()) {
            return first.method();
        }
        MethodIr again = new MethodIr(
                ir.request(), ir.params(), ir.locals(), ir.hoisted(), ir.body(), start, ir.restoredArrays());
        Built second = build(again, an, first.unread());
        // (what the first build left unread, the second reads nowhere either: else the first stands)
        return second.clean() ? second.method() : first.method();
    }

    /**
     * A built adjoint, with the saved variables its reverse sweep does not read ({@code unread}),
     * and whether it mentions none of the saves it was told to leave out ({@code clean}).
     */
    private record Built(AdjointMethod method, Set<String> unread, boolean clean) {}

    private static Built build(MethodIr ir, Analysis an, Set<String> deadSaves) {
        Sweep sw = new Sweep(ir, an);
        sw.deadSaves = deadSaves;
        Set<Atom.Var> written = writtenArrays(ir.body());
        sw.writtenArrays = written;
        List<String> buffers = new ArrayList<>();
        List<Code> prologue = new ArrayList<>();
        List<Code> epilogue = new ArrayList<>();
        for (int i = 0; i < ir.params().size(); i++) {
            Param p = ir.request().params().get(i);
            Atom.Var v = ir.params().get(i);
            String buffer = p.wrt() ? ir.names().claim("d" + p.name()) : null;
            if (buffer != null) {
                buffers.add(buffer);
            }
            if (!an.active().contains(v) && buffer == null) {
                continue;
            }
            if (p.type().isArray()) {
                if (buffer != null && !written.contains(v)) {
                    sw.adjoints.put(v, buffer); // read-only: accumulate straight into the caller's buffer
                } else if (an.active().contains(v)) {
                    // written in place: a local adjoint, since each write clears its element's adjoint
                    String local = ir.names().claim("_d_" + p.name());
                    sw.adjoints.put(v, local);
                    Expr array = new Expr.Name(v.name());
                    Expr like = p.type().dims() == 1
                            ? sw.borrowArray(p.type().prim(), new Expr.Field(array, "length"))
                            : new Expr.Call(Expr.qualified("dev.adjoint.Gradients"), "like", List.of(array));
                    prologue.add(
                            new Code.Line(new Statement.Declare("", p.type().java(), local, like)));
                    if (buffer != null) {
                        epilogue.add(addInto(buffer, local));
                    }
                }
            } else if (an.active().contains(v) || buffer != null) {
                String local = ir.names().claim("_d_" + p.name());
                sw.adjoints.put(v, local);
                if (buffer != null) {
                    epilogue.add(new Code.Line(new Statement.Eval(
                            new Expr.Call(new Expr.Name(buffer), "add", List.of(new Expr.Name(local))))));
                }
            }
        }
        String seed = ir.names().claim("seed");
        String result = ir.names().claim("_result");
        for (Atom.Var v : ir.locals()) {
            if (an.active().contains(v)) {
                sw.adjoints.put(v, ir.names().claim((v.name().startsWith("_") ? "_d" : "_d_") + v.name()));
            }
        }

        List<Stmt> body = ir.body();
        BlockReversal.Sweeps main = new BlockReversal(sw).block(body.subList(0, body.size() - 1), null);
        // (PLAIN keeps every add, as the oracle)
        List<Code> forward = main.forward();
        List<Code> reverse = main.reverse();
        if (!an.saveArrayElements()) {
            if (an.on(Options.Optimisation.LOOP_FUSION)) {
                Map<String, Integer> mentions =
                        mentions(List.of(forward, reverse, sw.saveDeclarations, prologue, epilogue), null);
                forward = LoopFusion.fuse(forward, mentions);
                reverse = LoopFusion.fuse(reverse, mentions);
            }
            if (an.on(Options.Optimisation.LOOP_ACCUMULATORS)) {
                reverse = LoopAccumulators.promote(reverse, sw.adjointArrays(), sw::claim);
            }
            Map<String, Ty.Prim> arrays = new HashMap<>(sw.adjointArrays());
            for (Atom.Var v : ir.params()) {
                if (v.type().dims() == 1) {
                    arrays.put(v.name(), v.type().prim());
                }
            }
            for (Atom.Var v : ir.locals()) {
                if (v.type().dims() == 1) {
                    arrays.put(v.name(), v.type().prim());
                }
            }
            if (an.on(Options.Optimisation.INVARIANT_LOADS)) {
                forward = InvariantLoads.hoist(forward, arrays, sw::claim);
                reverse = InvariantLoads.hoist(reverse, arrays, sw::claim);
            }
            if (an.on(Options.Optimisation.COPY_CHAINS)) {
                reverse = CopyChains.join(
                        reverse,
                        mentions(
                                List.of(forward, reverse, sw.saveDeclarations, prologue, epilogue),
                                resultAdjoint(ir, sw)),
                        sw.adjointTypes());
            }
        }

        if (sw.referenceMark != null && sw.throwSites.isEmpty()) {
            sw.referenceMark = null; // (only a throw needs it)
        }
        if ((sw.arrayMark != null || sw.referenceMark != null) && !sw.throwSites.isEmpty()) {
            forward = releasedBeforeThrows(forward, sw);
        }
        List<Code> out = new ArrayList<>();
        if (sw.usesStack) {
            out.add(new Code.Line(new Statement.Declare(
                    "",
                    Printer.STACKS,
                    sw.stack,
                    new Expr.Call(Expr.qualified(Printer.STACKS), "forThread", List.of()))));
            out.addAll(sw.takeStacks());
        }
        if (sw.arrayMark != null) {
            out.add(new Code.Line(new Statement.Declare("", "int", sw.arrayMark, arrays(sw, "mark"))));
        }
        if (sw.referenceMark != null) {
            out.add(new Code.Line(new Statement.Declare(
                    "",
                    "int",
                    sw.referenceMark,
                    new Expr.Call(new Expr.Field(new Expr.Name(sw.stack), "references"), "size", List.of()))));
        }
        out.add(new Code.Comment("forward sweep"));
        // (a loop's condition temporary that the loop header writes out in full is named nowhere)
        Set<String> used = new HashSet<>();
        Code.names(forward, used);
        Code.names(reverse, used);
        Code.names(sw.saveDeclarations, used);
        Code.names(prologue, used);
        Code.names(epilogue, used);
        used.add(ir.result().java());
        for (Atom.Var v : ir.locals()) {
            if (ir.hoisted().contains(v) && used.contains(v.name())) {
                out.add(new Code.Line(new Statement.Declare(
                        "",
                        v.type().java(),
                        v.name(),
                        new Expr.Literal(v.type().isArray() ? "null" : v.type().zero()))));
            }
        }
        out.addAll(sw.saveDeclarations);
        out.addAll(prologue);
        out.addAll(forward);
        Ty rt = ir.request().result();
        out.add(new Code.Line(new Statement.Declare("", rt.java(), result, AtomCode.of(ir.result()))));

        out.add(new Code.Comment("reverse sweep"));
        for (int i = 0; i < ir.params().size(); i++) {
            Atom.Var v = ir.params().get(i);
            if (sw.adjoints.containsKey(v) && !v.type().isArray()) {
                out.add(zeroAdjoint(sw, v));
            }
        }
        // (an adjoint the reverse sweep never names, such as that of an element increment's sum, is not declared)
        Set<String> named = new HashSet<>();
        Code.names(reverse, named);
        for (Atom.Var v : ir.locals()) {
            if (sw.adjoints.containsKey(v)
                    && !v.type().isArray()
                    && (named.contains(sw.adjoint(v)) || ir.result().equals(v))) {
                out.add(zeroAdjoint(sw, v));
            }
        }
        if (an.isActive(ir.result())) {
            String dr = sw.adjoint((Atom.Var) ir.result());
            out.add(
                    rt.isArray()
                            ? addInto(dr, seed)
                            : new Code.Line(
                                    new Statement.Eval(new Expr.Assign(new Expr.Name(dr), "+=", new Expr.Name(seed)))));
        }
        out.addAll(reverse);
        out.addAll(epilogue);
        out.addAll(sw.handBackStacks());
        if (sw.arrayMark != null) {
            out.add(new Code.Line(new Statement.Eval(arrays(sw, "release", new Expr.Name(sw.arrayMark)))));
        }
        out.add(new Code.Line(new Statement.Return(new Expr.Name(result))));
        List<Code> finished = sw.placeStackHandovers(out);
        if (an.on(Options.Optimisation.DENSE_TEMPORARIES)) {
            Set<String> signature = new HashSet<>(buffers);
            ir.request().params().forEach(p -> signature.add(p.name()));
            signature.add(seed);
            signature.add(Receiver.SELF);
            finished = DenseTemporaries.renumber(finished, ir.names().temps(), ir.names()::isReserved, signature);
        }
        List<List<Code>> afterForward = List.of(reverse, epilogue);
        return new Built(
                new AdjointMethod(ir.request(), buffers, seed, finished),
                DeadSaves.unread(sw.stackSaved, afterForward),
                DeadSaves.unmentioned(deadSaves, afterForward));
    }

    /**
     * How often each name occurs in {@code parts}, plus once for {@code also} when not null (a
     * name that code written later will mention).
     */
    private static Map<String, Integer> mentions(List<List<Code>> parts, String also) {
        Map<String, Integer> mentions = new HashMap<>();
        for (List<Code> part : parts) {
            Code.mentions(part, n -> mentions.merge(n, 1, Integer::sum));
        }
        if (also != null) {
            mentions.merge(also, 1, Integer::sum);
        }
        return mentions;
    }

    /** The adjoint of the result, which the seed is added into once the sweeps are built; null when it has none. */
    private static String resultAdjoint(MethodIr ir, Sweep sw) {
        return ir.result() instanceof Atom.Var v ? sw.adjoint(v) : null;
    }

    /** {@code dev.adjoint.Gradients.addInto(into, from)}: the array {@code from} added into {@code into}, element by element. */
    private static Code addInto(String into, String from) {
        return new Code.Line(new Statement.Eval(new Expr.Call(
                Expr.qualified("dev.adjoint.Gradients"),
                "addInto",
                List.of(new Expr.Name(into), new Expr.Name(from)))));
    }

    /** {@code T _d_v = 0}: the adjoint of scalar {@code v} declared, zero. */
    private static Code zeroAdjoint(Sweep sw, Atom.Var v) {
        return new Code.Line(new Statement.Declare(
                "", v.type().java(), sw.adjoint(v), new Expr.Literal(v.type().zero())));
    }

    /** {@code _stack.arrays.method(args)}: a call on the thread's pool of scratch arrays. */
    private static Expr arrays(Sweep sw, String method, Expr... args) {
        return new Expr.Call(new Expr.Field(new Expr.Name(sw.stack), "arrays"), method, List.of(args));
    }

    /**
     * {@code codes} with the pool's arrays (and the references of arrays created again) given back before each {@code throw} and each failing
     * {@code assert}: an exception that leaves the method (a guard) would otherwise keep them
     * borrowed, and the pool would stop pooling. (The stacks need nothing: their tops are handed
     * back only at the end.)
     */
    private static List<Code> releasedBeforeThrows(List<Code> codes, Sweep sw) {
        List<Statement> releases = new ArrayList<>();
        if (sw.arrayMark != null) {
            releases.add(new Statement.Eval(arrays(sw, "release", new Expr.Name(sw.arrayMark))));
        }
        if (sw.referenceMark != null) {
            releases.add(new Statement.Eval(ArrayCreations.references(sw, "release", new Expr.Name(sw.referenceMark))));
        }
        // (the catch block around a failing assert is kept as text, as the user's assert is)
        String release =
                String.join(";\n    ", releases.stream().map(Printer::statement).toList()) + ";";
        List<Code> out = new ArrayList<>();
        for (Code c : codes) {
            Stmt.Effect e = sw.throwSites.get(c);
            if (e != null && e.kind() == Stmt.Effect.Kind.THROW) {
                releases.forEach(r -> out.add(new Code.Line(r)));
                out.add(c);
            } else if (e != null && e.kind() == Stmt.Effect.Kind.ASSERT) {
                String failed = sw.claim("_failed");
                out.add(new Code.Raw("try {\n    " + e.java() + "\n} catch (AssertionError " + failed + ") {\n    "
                        + release + "\n    throw " + failed + ";\n}"));
            } else if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(
                        b.cond(), releasedBeforeThrows(b.then(), sw), releasedBeforeThrows(b.otherwise(), sw)));
            } else if (c instanceof Code.Loop l) {
                out.add(new Code.Loop(l.header(), releasedBeforeThrows(l.body(), sw)));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static Set<Atom.Var> writtenArrays(List<Stmt> body) {
        List<Stmt> flat = new ArrayList<>();
        flattenAll(body, flat);
        Set<Atom.Var> out = new HashSet<>();
        for (Stmt s : flat) {
            if (s instanceof Stmt.ArrayStore st) {
                out.add(st.array());
            }
        }
        return out;
    }

    private static void flattenAll(List<Stmt> body, List<Stmt> into) {
        for (Stmt s : body) {
            into.add(s);
            if (s instanceof Stmt.If i) {
                flattenAll(i.then(), into);
                flattenAll(i.otherwise(), into);
            } else if (s instanceof Stmt.Loop l) {
                flattenAll(l.head(), into);
                flattenAll(l.body(), into);
            }
        }
    }
}
