package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import dev.adjoint.generator.select.MethodRequest;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs the rewrites of this package over a selected method's body, in place, once. */
public final class Desugaring {
    private Desugaring() {}

    /**
     * The statements of a helper past which calls to it are left as calls rather than inlined, when it
     * returns a number and writes no array it is given (others are inlined whatever their size).
     */
    public static final int INLINED_STATEMENTS = Helpers.MAX_STATEMENTS;

    /** The statements inlined into one method at most: past them, calls stay calls. */
    public static final int INLINING_BUDGET = HelperCalls.BUDGET;

    /**
     * On a call left a call because the statements inlined before it and its helper's would pass
     * {@link #INLINING_BUDGET}: how many were inlined before it (for the error that follows when the
     * helper writes an array it is given).
     */
    public static final com.github.javaparser.ast.DataKey<Integer> INLINED_BEFORE =
            new com.github.javaparser.ast.DataKey<>() {};

    /**
     * What keeps {@code h}, a plain helper of another class, from being inlined into {@code caller}:
     * the first thing its body names that the caller's adjoint cannot (see {@link ForeignHelpers}).
     */
    public static java.util.Optional<com.github.javaparser.ast.Node> untravelled(
            com.github.javaparser.ast.body.MethodDeclaration h,
            dev.adjoint.generator.select.MethodIndex index,
            dev.adjoint.generator.select.MethodRequest caller) {
        return ForeignHelpers.untravelled(h, index, caller);
    }

    /**
     * Rewrites {@code r}'s body: each statement that {@link SideEffects}, {@link HelperCalls}, {@link SharedCaseVariables}, {@link SwitchStatements},
     * {@link SwitchHoisting}, {@link Switches}, {@link ArrayCalls}, {@link RowAliases}, {@link ArrayInitializers}, {@link FloatingForHeaders} or {@link LabelledBlocks} stands
     * for is replaced by what it means, then the result is looked at again (a case may copy arrays).
     * Gives the helpers whose bodies replaced calls.
     */
    public static Set<MethodDeclaration> apply(MethodRequest r) {
        return apply(r, null).inlined();
    }

    /**
     * What desugaring one method gave: the helpers whose bodies replaced calls, and the request
     * reading, besides its own class's constants, those of the other classes whose helpers it
     * inlined (by the names the copies read them by).
     */
    public record Desugared(Set<MethodDeclaration> inlined, MethodRequest request) {}

    /** As {@link #apply(MethodRequest)}, inlining helpers of the other classes of {@code sources} too (see {@link ForeignHelpers}). */
    public static Desugared apply(MethodRequest r, dev.adjoint.generator.select.MethodIndex sources) {
        MethodDeclaration m = r.declaration();
        Optional<BlockStmt> body = m.getBody();
        if (body.isEmpty() || m.findCompilationUnit().isEmpty()) {
            return new Desugared(Set.of(), r);
        }
        FieldShadows.rename(m);
        Braces.add(m);
        StaticImports.qualify(r, sources);
        OwnEnumConstants.qualify(m);
        NumberPredicates.rewrite(m);
        Rewriter rw = new Rewriter(m);
        Overloads overloads = new Overloads(rw);
        ForeignHelpers foreign = new ForeignHelpers(r, sources, overloads, rw);
        foreign.ownReads();
        OwnHelperNames ownNames = new OwnHelperNames(r, sources);
        Helpers own = new Helpers(m, overloads).knowing(ownNames::callsSourceClass);
        ArrayReturns.rewrite(m, rw, new NewArrayCalls(m, c -> own.target(c).or(() -> foreign.target(c))));
        HelperCalls helpers = new HelperCalls(rw, own, foreign, ownNames, m, r::importsMathMethod);
        ArgumentSnapshots snapshots = new ArgumentSnapshots(
                rw,
                m,
                c -> own.target(c).or(() -> foreign.target(c)),
                h -> foreign.isForeign(h) ? foreign.inlinable(h) : own.inlinable(h));
        Switches switches = new Switches(rw, r.staticFields().keySet());
        SwitchHoisting hoisting =
                new SwitchHoisting(rw, new SwitchTypes(rw, overloads, r::importsMathMethod, r::importsMath), switches);
        SwitchStatements switchStatements = new SwitchStatements(rw, switches);
        SharedCaseVariables sharedCases = new SharedCaseVariables(rw);
        ArrayCalls arrays = new ArrayCalls(rw, m.findCompilationUnit().get());
        SideEffects effects = new SideEffects(rw);
        ShortCircuits shortCircuits = new ShortCircuits(rw, helpers::standsOnlyInlined);
        RowAliases rows = new RowAliases(rw);
        ArrayInitializers initializers = new ArrayInitializers(rw);
        NestedArrays nested = new NestedArrays(rw, m);
        RaggedArrays raggedArrays = new RaggedArrays(rw, rows, m);
        LoopLengths loopLengths = new LoopLengths(rw, m);
        RaggedLocals raggedLocals = new RaggedLocals(rw, loopLengths, m);
        ArrayReassignments reassignments = new ArrayReassignments(rw, rows, m);
        ArrayCopies copies = new ArrayCopies(rw, m);
        FloatingForHeaders headers = new FloatingForHeaders(rw);
        LabelledBlocks labelled = new LabelledBlocks(rw);
        ReturnedReassignments returned = new ReturnedReassignments(rw, m);
        Set<Statement> asWritten = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Statement s : body.get().findAll(Statement.class)) {
                if (s == body.get()) {
                    // looked at again each round: a rewrite inside may make an array it can hoist
                    Optional<List<Statement>> hoisted = nested.rewriteBody(body.get());
                    if (hoisted.isPresent()) {
                        body.get().setStatements(new NodeList<>(hoisted.get()));
                        changed = true;
                        break;
                    }
                }
                if (asWritten.contains(s)) {
                    continue;
                }
                if (s instanceof BlockStmt b) {
                    Optional<List<Statement>> unaliased = rows.rewriteBlock(b);
                    if (unaliased.isPresent()) {
                        b.setStatements(new NodeList<>(unaliased.get()));
                        changed = true;
                        break;
                    }
                }
                // updates first: a switch's selector or an arraycopy's arguments may hold one
                Optional<List<Statement>> meaning = effects.rewrite(s)
                        .or(() -> UnsetArrays.rewrite(s))
                        .or(() -> shortCircuits.rewrite(s))
                        .or(() -> helpers.rewrite(s))
                        .or(() -> sharedCases.rewrite(s))
                        .or(() -> switchStatements.rewrite(s))
                        .or(() -> hoisting.rewrite(s))
                        .or(() -> switches.rewrite(s))
                        .or(() -> returned.rewrite(s))
                        .or(() -> arrays.rewrite(s))
                        .or(() -> rows.rewrite(s))
                        .or(() -> initializers.rewrite(s))
                        .or(() -> headers.rewrite(s))
                        .or(() -> labelled.rewrite(s))
                        .or(() -> snapshots.rewrite(s));
                if (meaning.isEmpty()) {
                    if (!(s instanceof com.github.javaparser.ast.stmt.ReturnStmt)) {
                        // (a return is looked at again: whether its array is assigned again, which
                        // ReturnedReassignments asks, may change with a rewrite of a statement before it
                        // that the walk reaches later, as one a rewrite put back is)
                        asWritten.add(s);
                    }
                    continue;
                }
                s.getParentNode().ifPresent(asWritten::remove); // its block changes: it may now name a row
                splice(s, meaning.get());
                changed = true;
                break; // the tree changed under the walk
            }
            if (!changed) {
                // last: by now helpers are inlined and rows named, so every use of the array is in view;
                // arrays assigned again first, since what they copy may be a row-length array
                Optional<ArrayReassignments.Group> reassigned = reassignments.find();
                reassigned.ifPresent(copies::rewrite);
                changed = reassigned.isPresent();
                Optional<List<Statement>> ragged = changed
                        ? Optional.empty()
                        : raggedArrays
                                .rewriteBody(body.get())
                                .or(() -> loopLengths.rewriteBody(body.get()))
                                .or(() -> raggedLocals.rewriteBody(body.get()));
                if (ragged.isPresent()) {
                    body.get().setStatements(new NodeList<>(ragged.get()));
                    changed = true;
                }
            }
        }
        NumberPredicates.rewrite(m); // in the bodies inlined since
        LoggerCalls.rewrite(m); // the method's own and those of the helpers inlined into it
        foreign.ownReads(); // another class's constants that the class's own helpers inlined since read (Lib.R)
        if (foreign.constants().isEmpty()) {
            return new Desugared(helpers.inlined(), r);
        }
        java.util.Map<String, dev.adjoint.generator.types.Ty> types = new java.util.HashMap<>();
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        foreign.constants().forEach((name, c) -> {
            types.put(name, c.type());
            texts.put(name, c.text());
        });
        return new Desugared(helpers.inlined(), r.withConstantsAlso(types, texts));
    }

    /** Puts {@code replacement} where {@code s} was: into its block or case, or as one block. */
    private static void splice(Statement s, List<Statement> replacement) {
        Node parent = s.getParentNode().orElseThrow();
        NodeList<Statement> list = parent instanceof BlockStmt b
                ? b.getStatements()
                : parent instanceof SwitchEntry e ? e.getStatements() : null;
        if (list == null) {
            if (replacement.size() == 1) {
                s.replace(replacement.get(0));
            } else {
                // b takes s's place first: the replacement may hold s itself (an else-if's
                // condition with copies before it), which the new block would take from its parent
                BlockStmt b = new BlockStmt();
                s.getRange().ifPresent(b::setRange);
                s.replace(b);
                b.setStatements(new NodeList<>(replacement));
            }
            return;
        }
        int at = 0;
        while (list.get(at) != s) {
            at++;
        }
        list.remove(at);
        list.addAll(at, replacement);
    }
}
