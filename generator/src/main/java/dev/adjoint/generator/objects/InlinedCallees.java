package dev.adjoint.generator.objects;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instance methods of a class that its differentiated instance methods may call only where the
 * desugar pass inlines them (as it inlines the class's static helpers): a private one (the
 * generated class cannot call it on the object for its value), one that returns nothing or an
 * integer or boolean, and any callee that uses a field the calling method's closure assigns (called
 * on the object, it would read the field as it was on entry: see {@link FieldWrites}). Lifting
 * records on each lifted method what it may be; after the desugar pass, a call of one of them
 * that is still a call (under {@code &&} or {@code ?:}, in a loop's condition, recursive, too
 * long) is an error at the call.
 */
public final class InlinedCallees {
    private InlinedCallees() {}

    /** Why a lifted callee cannot be called, only inlined ({@code it is private}). */
    static final DataKey<String> INLINE_ONLY = new DataKey<>() {};

    /** The fields that a lifted method, or a method it calls on the object, assigns (scalar ones: boxes). */
    static final DataKey<Set<String>> ASSIGNS = new DataKey<>() {};

    /** The boxable fields that a lifted method, or a method it calls on the object, reads or assigns. */
    static final DataKey<Set<String>> USES = new DataKey<>() {};

    /** The fields that lifted method {@code d}, or a method it calls on the object, assigns; empty for any other method. */
    public static Set<String> assignedBy(MethodDeclaration d) {
        return d.containsData(ASSIGNS) ? d.getData(ASSIGNS) : Set.of();
    }

    /** Whether {@code d} is a static helper handed an array of records as its leaves ({@link ElementCallees}): only its body can take them. */
    public static boolean takesLeaves(MethodDeclaration d) {
        return d.containsData(ElementCallees.TAKES_LEAVES);
    }

    /** Whether {@code d} is an instance method lifted as the callee of a differentiated one (the desugar pass inlines it). */
    public static boolean isLiftedCallee(MethodDeclaration d) {
        return Receiver.of(d).filter(r -> r.instance() && !r.annotated()).isPresent();
    }

    /**
     * Whether a call of {@code callee} in {@code caller}'s body must be replaced by the callee's
     * body: it is a lifted callee that is private, returns no number to differentiate, or uses a
     * field {@code caller} (or what it calls) assigns. Other lifted callees stay calls.
     */
    public static boolean mustInline(MethodDeclaration caller, MethodDeclaration callee) {
        if (!isLiftedCallee(callee)) {
            return false;
        }
        if (callee.containsData(INLINE_ONLY)) {
            return true;
        }
        Set<String> both = new TreeSet<>(callee.containsData(USES) ? callee.getData(USES) : Set.of());
        both.retainAll(caller.containsData(ASSIGNS) ? caller.getData(ASSIGNS) : Set.of());
        return !both.isEmpty();
    }

    /**
     * The errors for the calls of {@code r}'s body (desugared) to lifted callees that had to be
     * inlined and were not.
     *
     * @param inlinedStatements the most statements the desugaring inlines (for the message)
     */
    public static List<Diagnostic> remaining(MethodRequest r, int inlinedStatements) {
        MethodDeclaration m = r.declaration();
        List<Diagnostic> out = new ArrayList<>();
        if (m.getParentNode().orElse(null) instanceof TypeDeclaration<?> type) {
            for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
                type.getMethodsByName(call.getNameAsString()).stream()
                        .filter(d -> d != m && (d.containsData(ElementCallees.TAKES_LEAVES) || ListParam.takesLists(d)))
                        .findFirst()
                        .ifPresent(d -> out.add(Positions.error(
                                r.file(),
                                call,
                                "call to '" + d.getNameAsString() + "', which "
                                        + (d.containsData(ElementCallees.TAKES_LEAVES)
                                                ? "is handed the array '" + d.getData(ElementCallees.TAKES_LEAVES)
                                                        + "' of records or objects"
                                                : "reads List parameters")
                                        + ", stays a call here: the adjoint can take it only where it replaces the call"
                                        + " by the method's body (a statement, a declaration's or assignment's value, a"
                                        + " return, an if's condition, the whole condition or value of a statement under"
                                        + " &&, || or ?:; not inside a larger expression there; not recursive; at most "
                                        + inlinedStatements
                                        + " statements inlined); assign it to a local in a statement"
                                        + " of its own")));
            }
        }
        if (Receiver.of(m).filter(Receiver::instance).isEmpty()
                || !(m.getParentNode().orElse(null) instanceof TypeDeclaration<?> owner)) {
            return out;
        }
        Set<String> assigns = m.containsData(ASSIGNS) ? m.getData(ASSIGNS) : Set.of();
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
            if (call.getScope().isPresent()) {
                continue;
            }
            Optional<MethodDeclaration> callee = owner.getMethodsByName(call.getNameAsString()).stream()
                    .filter(d -> d != m
                            && isLiftedCallee(d)
                            && d.getParameters().size() == call.getArguments().size())
                    .findFirst();
            if (callee.isEmpty()) {
                continue;
            }
            MethodDeclaration c = callee.get();
            String name = c.getNameAsString();
            if (c.containsData(INLINE_ONLY)) {
                if (c.isPrivate()
                        && !c.getType().isVoidType()
                        && MethodSelector.toTy(c.getType())
                                .filter(t -> t.isFloating())
                                .isPresent()) {
                    continue; // the select pass says it: a private method returning a floating value stays a call
                }
                out.add(Positions.error(
                        r.file(),
                        call,
                        "call to instance method '" + name + "', which " + c.getData(INLINE_ONLY)
                                + ", stays a call here: the adjoint can take such a method only where it replaces the call by the method's"
                                + " body (a statement, a declaration's or assignment's value, a return, an if's condition; not under &&, ||"
                                + " or ?:, nor in a loop's condition; not recursive, at most " + inlinedStatements
                                + " statements); call it there"));
                continue;
            }
            Set<String> both = new TreeSet<>(c.containsData(USES) ? c.getData(USES) : Set.of());
            both.retainAll(assigns);
            if (!both.isEmpty()) {
                out.add(Positions.error(
                        r.file(),
                        call,
                        FieldWrites.staleCall(name, both.iterator().next())));
            }
        }
        return out;
    }
}
