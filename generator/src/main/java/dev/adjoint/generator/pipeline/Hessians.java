package dev.adjoint.generator.pipeline;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.ActivityAnalysis;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.code.JavaNodes;
import dev.adjoint.generator.desugar.Desugaring;
import dev.adjoint.generator.fence.Fence;
import dev.adjoint.generator.forward.CustomTangents;
import dev.adjoint.generator.forward.HvpMethod;
import dev.adjoint.generator.forward.HvpSource;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.forward.TangentSweep;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.normalize.Normalizer;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.reverse.ReverseSweep;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.size.MethodSize;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hessian-vector products, reverse over forward: the tangent of a scalar method as a Java method
 * declaration built from the code model ({@link HvpSource}), put into a copy of its owner class
 * with the tangent pairs of every method it calls (transitively), and run through the static
 * reverse pipeline (fence, normalizer, activity, reverse sweep) like user methods calling each
 * other.
 */
final class Hessians {
    private final Map<MethodRequest, JvpMethod> pairs;
    private final Map<String, String> whyNoPair;
    private final MethodIndex sources;
    private final Options options;
    /** The callees' variants differentiating every parameter, which the pairs' reverses call as the adjoints do. */
    private final WrtVariants variants;
    /** The reverse of each generated method ({@code owner#_hvp_f}, {@code owner#_tan_g}) built so far. */
    private final Map<String, AdjointMethod> reversed = new HashMap<>();

    private Hessians(
            Map<MethodRequest, JvpMethod> pairs,
            Map<String, String> whyNoPair,
            MethodIndex sources,
            Options options,
            WrtVariants variants) {
        this.variants = variants;
        this.pairs = pairs;
        this.whyNoPair = whyNoPair;
        this.sources = sources;
        this.options = options;
    }

    /**
     * The {@code Hvp} of every scalar method of {@code methods} that has a tangent pair and asks for
     * one; for a method the static strategy takes that gets none, a note at its name saying why
     * (a Newton user should learn it from the build, not from a missing method).
     *
     * @param pairs the tangent of each method of the translation, built by
     *     {@link TangentSweep#buildPair}, where it has one
     * @param whyNoPair for each method ({@code methodRef}) without one, why
     * @param noteworthy which methods get a note when they have no {@code Hvp}
     */
    static Map<MethodRequest, HvpMethod> all(
            Set<MethodRequest> methods,
            Map<MethodRequest, JvpMethod> pairs,
            Map<String, String> whyNoPair,
            MethodIndex sources,
            Options options,
            java.util.function.Predicate<MethodRequest> noteworthy,
            List<Diagnostic> notes,
            WrtVariants variants) {
        Hessians h = new Hessians(pairs, whyNoPair, sources, options, variants);
        Map<MethodRequest, HvpMethod> hvps = new LinkedHashMap<>();
        // the method whose tangent helper each adjoint class prints under each name and parameter types
        Map<String, String> helpers = new HashMap<>();
        for (MethodRequest r : methods) {
            String why = whyNoPair.get(r.methodRef());
            if (r.result().isArray() || !Modes.wants(r, "HVP") || why == null || why.equals(Strategies.ON_TAPE)) {
                continue; // (a method on the tape, an array result: the README's table says so)
            }
            if (Receiver.of(r).filter(rc -> !rc.annotated()).isPresent()) {
                continue; // a lifted helper's Hvp would take its fields, with no public method taking the object to
                // call it
            }
            Built b = h.build(r);
            if (b.hvp().isPresent()) {
                b = claimHelpers(r, b, helpers);
            }
            if (b.hvp().isPresent()) {
                hvps.put(r, b.hvp().get());
            } else if (noteworthy.test(r)) {
                var at = r.declaration().getName().getBegin();
                notes.add(new Diagnostic(
                        Diagnostic.Severity.NOTE,
                        r.file(),
                        at.map(p -> p.line).orElse(0),
                        at.map(p -> p.column).orElse(0),
                        "'" + r.name() + "' gets no "
                                + (Receiver.of(r).isPresent() ? Receiver.publicName(r) : r.tangentName())
                                + "Hvp (its other"
                                + " methods are generated): " + b.whyNot()));
            }
        }
        return hvps;
    }

    /**
     * {@code b}, whose callees' tangent helpers ({@code _tan_g}, {@code _tan_gVjp}) the adjoint class of
     * {@code r} prints once by name and parameter types; or no {@code Hvp} when one of them would be
     * the helper of another method of the same name (of another class) that an earlier {@code Hvp}
     * of the class calls.
     */
    private static Built claimHelpers(MethodRequest r, Built b, Map<String, String> helpers) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (HvpMethod.TangentPair c : b.hvp().get().callees()) {
            MethodRequest g = c.tangent().request();
            String key = r.adjointQualifiedName() + "#" + HvpSource.tangentName(g)
                    + g.params().stream().map(p -> p.type().java()).toList();
            String owner = helpers.get(key);
            if (owner != null && !owner.equals(g.methodRef())) {
                return new Built(
                        Optional.empty(),
                        "it calls '" + g.methodRef() + "', whose tangent helper would have the name and"
                                + " parameters of that of '" + owner + "', which another Hvp of the class calls");
            }
            claims.put(key, g.methodRef());
        }
        helpers.putAll(claims);
        return b;
    }

    /** {@code nameHvp} of a method, or why it has none (for the build's note). */
    private record Built(Optional<HvpMethod> hvp, String whyNot) {}

    private Built build(MethodRequest r) {
        Map<MethodRequest, JvpMethod> closure = new LinkedHashMap<>();
        Deque<MethodRequest> work = new ArrayDeque<>(List.of(r));
        while (!work.isEmpty()) {
            MethodRequest m = work.pop();
            if (closure.containsKey(m)) {
                continue;
            }
            JvpMethod j = pairs.get(m);
            if (j == null && m.customPullback() != null) {
                try {
                    j = CustomTangents.of(
                            m); // (a function with a custom pullback: its tangent from the pullback's code)
                } catch (TangentSweep.Unsupported e) {
                    return new Built(Optional.empty(), why(m, r, e.getMessage()));
                }
            }
            if (j == null) {
                return new Built(
                        Optional.empty(), why(m, r, whyNoPair.getOrDefault(m.methodRef(), Strategies.ON_TAPE)));
            }
            closure.put(m, j);
            work.addAll(j.callees());
        }
        try {
            Map<MethodRequest, AdjointMethod> built = reverse(r, closure);
            Set<String> reserved = new HashSet<>(NameClashes.userNames(r));
            JvpMethod j = closure.get(r);
            reserved.addAll(j.tangentNames());
            Names names = new Names(reserved);
            List<String> grads = new ArrayList<>();
            List<String> hvs = new ArrayList<>();
            for (Param p : r.wrtParams()) {
                grads.add(names.claim("d" + p.name()));
            }
            for (Param p : r.wrtParams()) {
                hvs.add(names.claim("hv" + p.name()));
            }
            List<HvpMethod.TangentPair> callees = new ArrayList<>();
            closure.forEach((m, t) -> {
                if (m != r) {
                    callees.add(new HvpMethod.TangentPair(t, built.get(m)));
                }
            });
            return new Built(Optional.of(new HvpMethod(r, built.get(r), j.tangentNames(), grads, hvs, callees)), "");
        } catch (Unpaired e) {
            return new Built(Optional.empty(), e.getMessage());
        } catch (IllegalStateException | java.util.NoSuchElementException e) {
            return new Built(
                    Optional.empty(), "its tangent could not be differentiated again (" + e.getMessage() + ")");
        }
    }

    /** Why a tangent pair could not be differentiated in reverse. */
    private static final class Unpaired extends RuntimeException {
        Unpaired(String why) {
            super(why, null, false, false);
        }
    }

    /** The generated method of {@code m} in {@code r}'s {@code Hvp}: {@code r}'s pair, or a callee's tangent. */
    private static String generated(MethodRequest m, MethodRequest r) {
        // (with the parameter types: overloads of one name have tangents of one name)
        return m.ownerQualifiedName() + "#" + (m == r ? HvpSource.pairName(r) : HvpSource.tangentName(m))
                + m.params().stream().map(p -> p.type().java()).toList();
    }

    /**
     * The reverse of {@code r}'s pair and its callees' tangents: each generated method's declaration
     * put into a copy of the owner class (where its calls resolve to the sources' methods), then
     * through the static pipeline.
     */
    private Map<MethodRequest, AdjointMethod> reverse(MethodRequest r, Map<MethodRequest, JvpMethod> closure) {
        Map<MethodRequest, AdjointMethod> out = new LinkedHashMap<>();
        if (closure.keySet().stream().allMatch(m -> reversed.containsKey(generated(m, r)))) {
            closure.keySet().forEach(m -> out.put(m, reversed.get(generated(m, r))));
            return out;
        }
        CompilationUnit unit =
                r.declaration().findCompilationUnit().orElseThrow().clone();
        dev.adjoint.generator.select.ClassNames.shareEnums(
                r.declaration().findCompilationUnit().orElseThrow(), unit);
        unit.findAll(MethodDeclaration.class).forEach(MethodDeclaration::remove);
        TypeDeclaration<?> owner = owner(unit, r.ownerPath());
        Map<String, MethodRequest> byName = new HashMap<>(); // by signature(tangent)
        Map<MethodRequest, MethodDeclaration> placed = new LinkedHashMap<>();
        for (Map.Entry<MethodRequest, JvpMethod> e : closure.entrySet()) {
            MethodDeclaration tangent;
            try {
                tangent = HvpSource.method(e.getValue(), e.getKey() != r);
            } catch (TangentSweep.Unsupported unsupported) {
                throw new Unpaired(unsupported.getMessage());
            }
            tangent.setData(Positions.WRITTEN_AT, Positions.Line.GENERATED); // (its lines are not the user's)
            Positions.inProgramOrder(tangent); // (the passes order reads and writes by position, as in a parsed method)
            HvpSource.readConstantsBySimpleName(tangent, e.getValue().request());
            Receiver.takesSelfLike(tangent, e.getKey());
            // it runs the method's guards, or calls the tangents of methods that throw: the method's 'throws' clause
            dev.adjoint.generator.select.ThrownTypes.declared(e.getKey().declaration())
                    .orElse(List.of())
                    .forEach(q -> tangent.addThrownException((ClassOrInterfaceType) JavaNodes.type(q)));
            owner.addMember(tangent);
            placed.put(e.getKey(), tangent);
            MethodRequest before = byName.put(signature(tangent), e.getKey());
            if (before != null) {
                // methods of one name and parameter types in two classes among the callees: their tangents,
                // generated by name, would be one method (overloads' tangents are overloads too)
                throw new Unpaired("it calls two methods named '" + before.name()
                        + "' of the same parameter types (of two classes), whose tangent helpers would share a name");
            }
        }
        Constants foreign = foreignConstants(r, placed, owner);
        MethodSelector.Selection sel = MethodSelector.select(r.file(), unit);
        if (!sel.diagnostics().isEmpty() || sel.requests().size() != closure.size()) {
            throw new Unpaired("its tangent as Java is not a method Adjoint selects: " + sel.diagnostics());
        }
        // a callee of another class placed in this one reads its own class's constants, as the callee does
        List<MethodRequest> generated = sel.requests().stream()
                .map(g -> byName.get(signature(g.declaration()))
                                .ownerQualifiedName()
                                .equals(r.ownerQualifiedName())
                        ? g.withConstantsAlso(
                                byName.get(signature(g.declaration())).staticFields(),
                                byName.get(signature(g.declaration())).staticFieldOwners())
                        : g.withStaticFieldsOf(byName.get(signature(g.declaration()))))
                .map(g -> g.withConstantsAlso(foreign.types(), foreign.texts()))
                .toList();
        MethodIndex index = sources.with(unit, generated);
        for (MethodRequest g : generated) {
            MethodRequest m = byName.get(signature(g.declaration()));
            Desugaring.apply(g);
            List<Diagnostic> fenced = Fence.check(g);
            if (!fenced.isEmpty()) {
                throw new Unpaired(
                        why(m, r, TangentNotes.fenced(m, fenced.get(0).message())));
            }
            Normalizer.Result n = Normalizer.normalize(g, index);
            if (n.ir().isEmpty()) {
                throw new Unpaired(
                        why(m, r, "in its tangent, " + n.diagnostics().get(0).message()));
            }
            MethodIr ir = n.ir().get();
            var an = ActivityAnalysis.analyze(ir, options);
            // the pair calls its callees for their values: one whose wrt leaves out a differentiated argument, through
            // its variant
            // (to a fixed point: a call widened makes its result differentiated, which another call may pass on)
            for (Optional<MethodIr> widened = variants.widenWithExisting(ir, an);
                    ;
                    widened = variants.widenWithExisting(ir, an)) {
                if (widened.isEmpty()) {
                    throw new Unpaired(why(
                            m,
                            r,
                            "its tangent passes a differentiated value to a parameter a callee's wrt leaves out"));
                }
                if (widened.get() == ir) {
                    break;
                }
                ir = widened.get();
                an = ActivityAnalysis.analyze(ir, options);
            }
            AdjointMethod pair = ReverseSweep.build(ir, an);
            if (MethodSize.overLimit(pair).isPresent()) {
                throw new Unpaired(why(m, r, "the reverse of its tangent would exceed the JVM's 64 KiB method limit"));
            }
            out.put(m, pair);
        }
        out.forEach((m, a) -> reversed.put(generated(m, r), a));
        return out;
    }

    /** Constants by simple name: each one's type and the Java text that reads it from the adjoint class. */
    private record Constants(Map<String, dev.adjoint.generator.types.Ty> types, Map<String, String> texts) {}

    /**
     * The constants that the tangents of callees of other classes than {@code r}'s read by simple
     * name (as their own classes do): every generated method of the {@code Hvp} reads them too,
     * since such a tangent, placed in {@code r}'s class, may be inlined into any of them (a row
     * {@code X[i]} passed to it, an array it writes). Where the name means another field in one of
     * them or in the class ({@code Lib.K} and the caller's own {@code K}), the tangent reads the
     * constant by a name of its own instead, so that, inlined, it still reads its class's.
     */
    private static Constants foreignConstants(
            MethodRequest r, Map<MethodRequest, MethodDeclaration> placed, TypeDeclaration<?> owner) {
        Map<String, dev.adjoint.generator.types.Ty> types = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        Set<String> taken = new HashSet<>();
        owner.findAll(com.github.javaparser.ast.expr.SimpleName.class).forEach(n -> taken.add(n.getIdentifier()));
        Names fresh = new Names(taken);
        placed.forEach((m, tangent) -> {
            if (m.ownerQualifiedName().equals(r.ownerQualifiedName())) {
                return;
            }
            Set<String> locals = new HashSet<>();
            tangent.getParameters().forEach(p -> locals.add(p.getNameAsString()));
            tangent.findAll(com.github.javaparser.ast.body.VariableDeclarator.class)
                    .forEach(v -> locals.add(v.getNameAsString()));
            Map<String, String> renamed = new HashMap<>();
            for (com.github.javaparser.ast.expr.NameExpr n :
                    tangent.findAll(com.github.javaparser.ast.expr.NameExpr.class)) {
                String name = n.getNameAsString();
                String text = m.qualifiedField(name);
                if (text == null || locals.contains(name)) {
                    continue;
                }
                boolean clash = (texts.containsKey(name) && !texts.get(name).equals(text))
                        || (owner.getFieldByName(name).isPresent() && !text.equals(r.qualifiedField(name)))
                        || placed.keySet().stream()
                                .anyMatch(k -> k.qualifiedField(name) != null
                                        && !k.qualifiedField(name).equals(text));
                String as = clash ? renamed.computeIfAbsent(name, x -> fresh.claim("_" + x)) : name;
                n.setName(as);
                texts.put(as, text);
                types.put(as, m.staticFields().get(name));
            }
        });
        return new Constants(types, texts);
    }

    /** A generated method's name and parameter types: what tells overloads apart in one class. */
    private static String signature(MethodDeclaration m) {
        return m.getNameAsString()
                + m.getParameters().stream().map(p -> p.getType().asString()).toList();
    }

    private static String why(MethodRequest m, MethodRequest r, String problem) {
        return m == r ? problem : "it calls '" + m.name() + "', and " + problem;
    }

    private static TypeDeclaration<?> owner(CompilationUnit unit, List<String> path) {
        List<TypeDeclaration<?>> level = new ArrayList<>(unit.getTypes());
        TypeDeclaration<?> found = null;
        for (String simple : path) {
            found = level.stream()
                    .filter(t -> t.getNameAsString().equals(simple))
                    .findFirst()
                    .orElseThrow();
            level = found.getMembers().stream()
                    .filter(m -> m instanceof TypeDeclaration<?>)
                    .<TypeDeclaration<?>>map(m -> (TypeDeclaration<?>) m)
                    .toList();
        }
        return found;
    }
}
