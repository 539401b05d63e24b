package dev.adjoint.generator.reverse;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Uses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Saves on the stacks whose restored values nothing reads: the pass finds them in a built adjoint,
 * and the adjoint is built again without them ({@code ReverseSweep}). A variable is saved before
 * an overwrite in a loop by a push in the forward sweep and restored by a pop,
 * {@code x = values[--top]}, at the mirrored place in the reverse sweep; when the reversed code
 * around it has nothing to undo (a loop that only computes a constant), the restored {@code x} may
 * be read by nothing.
 *
 * <p>The rule: a variable whose every mention after the forward sweep is the target of a restore
 * by pop is read by nothing after the forward sweep; its pushes and pops can go. They go in
 * pairs, each push with the pop that {@link BlockReversal#save} made beside it, so the other
 * pushes and pops still meet as they did: taking matched pairs out of a sequence of pushes and
 * pops leaves every other pop taking the value of its own push.
 */
final class DeadSaves {
    private DeadSaves() {}

    /**
     * The variables among {@code saved} that {@code after} (the reverse sweep and what follows it)
     * mentions only as the target of restores by pop, at least once.
     */
    static Set<String> unread(Set<String> saved, List<List<Code>> after) {
        Map<String, Integer> restores = new HashMap<>();
        Map<String, Integer> mentions = new HashMap<>();
        for (List<Code> part : after) {
            Code.mentions(part, n -> mentions.merge(n, 1, Integer::sum));
            Code.statements(part, st -> {
                Expr.Assign a = Uses.assignment(st);
                if (a != null && a.op().equals("=") && a.target() instanceof Expr.Name n && isPop(a.value())) {
                    restores.merge(n.id(), 1, Integer::sum);
                }
            });
        }
        Set<String> out = new TreeSet<>();
        restores.forEach((name, n) -> {
            if (saved.contains(name) && n.equals(mentions.get(name))) {
                out.add(name);
            }
        });
        return out;
    }

    /** Whether none of {@code names} is mentioned in {@code parts}. */
    static boolean unmentioned(Set<String> names, List<List<Code>> parts) {
        boolean[] found = {false};
        parts.forEach(p -> Code.mentions(p, n -> found[0] |= names.contains(n)));
        return !found[0];
    }

    /** A pop, or a pop narrowed back to its type ({@code (short) values[--top]}). */
    private static boolean isPop(Expr e) {
        return e instanceof Expr.Pop || (e instanceof Expr.Cast c && c.operand() instanceof Expr.Pop);
    }
}
