package dev.adjoint.generator.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.JavaNodes;
import dev.adjoint.generator.code.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Positions in program order for a tree built rather than parsed ({@link Positions#inProgramOrder},
 * the Hvp's tangent): what {@code normalize/ArrayWrites} relies on in a parsed method. Oracle: the
 * tree's own order (pre-order), and a copy's positions against its original's.
 */
class ProgramOrderTest {
    @Test
    void aBuiltTreeHasNestedOrderedDistinctPositionsThatCopiesKeep() {
        Expr a0 = new Expr.Element(new Expr.Name("a"), new Expr.Literal("0"));
        BlockStmt block = JavaNodes.block(List.of(
                new Code.Line(Statement.assign(a0, new Expr.Binary("*", new Expr.Name("x"), new Expr.Name("y")))),
                new Code.Line(new Statement.Declare("", "double", "z", new Expr.Binary("+", a0, a0)))));
        Positions.inProgramOrder(block);
        Set<Range> seen = new HashSet<>();
        block.walk(n -> {
            Range r = n.getRange().orElseThrow();
            assertTrue(seen.add(r), "two nodes at " + r);
            n.getParentNode()
                    .map(p -> p.getRange().orElseThrow())
                    .ifPresent(p -> assertTrue(p.strictlyContains(r), n + " inside its parent"));
            List<Node> children = n.getChildNodes();
            for (int i = 1; i < children.size(); i++) {
                assertTrue(children.get(i - 1)
                        .getRange()
                        .orElseThrow()
                        .end
                        .isBefore(children.get(i).getRange().orElseThrow().begin));
            }
        });
        // the write a[0] = ... ends before the reads of the next statement begin
        List<ArrayAccessExpr> elements = block.findAll(ArrayAccessExpr.class);
        assertEquals(3, elements.size());
        Range write = elements.get(0).getParentNode().orElseThrow().getRange().orElseThrow();
        assertTrue(write.end.isBefore(elements.get(1).getRange().orElseThrow().begin));
        // a copy keeps its position (through its tokens), and its text is the tree's, not the tokens'
        ArrayAccessExpr read = elements.get(2);
        assertEquals(read.getRange(), read.clone().getRange());
        assertNotEquals(read.getRange(), elements.get(1).getRange());
        assertEquals("a[0]", Positions.asWritten(read.clone()));
        assertEquals("double z = a[0] + a[0];", Positions.asWritten(block.getStatement(1)));
    }
}
