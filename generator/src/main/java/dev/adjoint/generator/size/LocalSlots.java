package dev.adjoint.generator.size;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where javac puts a method's parameters and locals, at the highest slot each may get, for the cost
 * of a load or store ({@link BytecodeBound}): javac gives each local the next free slot where it is
 * declared, and frees a block's slots at its end, so counting every declaration in text order
 * (parameters as doubles, 2 slots each, and 3 hidden slots for a for-each or a finally) gives
 * each variable at least its real slot ({@link CodeSlots} on nodes).
 */
final class LocalSlots {
    /** The bytes of a load or store of a slot the bound does not know (javac's own, of a for-each or a finally). */
    static final int WIDE = 4;

    /** The highest slot each parameter or local may have. */
    private final Map<String, Integer> slots = new HashMap<>();
    /** The declared type of each local ("?" for a name declared with two types). */
    private final Map<String, String> types = new HashMap<>();

    private LocalSlots() {}

    /** The slots of {@code block}'s locals in a method with {@code params}, its first local at slot {@code firstSlot} or above. */
    static LocalSlots of(BlockStmt block, List<String> params, int firstSlot) {
        LocalSlots s = new LocalSlots();
        int next = firstSlot;
        for (String p : params) {
            s.slots.merge(p, next, Math::max);
            next += 2;
        }
        List<Node> nodes = new ArrayList<>();
        block.walk(Node.TreeTraversal.PREORDER, nodes::add);
        for (Node n : nodes) {
            if (n instanceof VariableDeclarator d) {
                s.slots.merge(d.getNameAsString(), next, Math::max);
                String t = d.getType().asString();
                s.types.merge(d.getNameAsString(), t, (a, b) -> a.equals(b) ? a : "?");
                next += t.equals("double") || t.equals("long") ? 2 : 1;
            } else if (n instanceof ForEachStmt || n instanceof TryStmt) {
                next += 3;
            }
        }
        return s;
    }

    /** The bytes of one load or store of {@code name}: dload_0..3 is 1 byte, dload n 2, wide dload n 4. */
    int accessBytes(String name) {
        int slot = slots.getOrDefault(name, Integer.MAX_VALUE);
        return slot <= 3 ? 1 : slot <= 255 ? 2 : WIDE;
    }

    /** Whether {@code name} is a parameter or local of the method. */
    boolean has(String name) {
        return slots.containsKey(name);
    }

    /** The declared type of local {@code name}, "?" for a name declared with two types, null for none. */
    String type(String name) {
        return types.get(name);
    }
}
