package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The cases of a {@code switch} expression as statements that hand its value to a use (assign it,
 * store it, return it), for {@link Switches}: an expression case is its use; a block ending in its
 * only {@code yield} is its statements, the last one the use; a block that yields elsewhere too
 * ({@code if (c) { yield a; } yield b;}, a {@code yield} in a loop) is a labelled block in which
 * each {@code yield} is the use followed by a {@code break} out of the block (a return needs none):
 *
 * <pre>
 * case 0 -> { if (c) { yield a; } S; yield b; }       arm0: { if (c) { r = a; break arm0; } S; r = b; break arm0; }
 * </pre>
 *
 * {@link LabelledBlocks} then makes the label one of a loop run once.
 */
final class SwitchArms {
    private final Rewriter rw;

    SwitchArms(Rewriter rw) {
        this.rw = rw;
    }

    /** A switch expression's case, with its value handed to {@code use} (a throwing case stays a throw). */
    BlockStmt produce(SwitchEntry e, Function<Expression, Statement> use) {
        Statement only = e.getStatements().get(0);
        if (e.getType() == SwitchEntry.Type.EXPRESSION) {
            return Switches.block(List.of(use.apply(((ExpressionStmt) only).getExpression())), e);
        }
        if (e.getType() == SwitchEntry.Type.THROWS_STATEMENT) {
            return Switches.block(List.of(only), e);
        }
        BlockStmt arm = (BlockStmt) only;
        List<YieldStmt> own = ownYields(e);
        if (own.size() == 1 && arm.getStatements().getLast().orElse(null) == own.get(0)) {
            List<Statement> body = new ArrayList<>(arm.getStatements());
            YieldStmt last = (YieldStmt) body.remove(body.size() - 1);
            Statement produced = use.apply(last.getExpression());
            last.getRange().ifPresent(produced::setRange);
            body.add(produced);
            return Switches.block(body, e);
        }
        String label = rw.fresh("arm");
        for (YieldStmt y : own) {
            Statement produced = use.apply(y.getExpression());
            y.getRange().ifPresent(produced::setRange);
            if (produced instanceof ReturnStmt) {
                y.replace(produced);
            } else {
                BreakStmt out = new BreakStmt(new SimpleName(label));
                y.getRange().ifPresent(r -> out.walk(n -> n.setRange(r)));
                y.replace(Switches.block(List.of(produced, out), y));
            }
        }
        LabeledStmt labelled = new LabeledStmt(label, Switches.block(new ArrayList<>(arm.getStatements()), arm));
        e.getRange().ifPresent(labelled::setRange);
        return Switches.block(List.of(labelled), e);
    }

    /** {@code target = value;} at {@code at}'s position. */
    static Statement assign(String target, Expression value, Node at) {
        NameExpr name = new NameExpr(target);
        AssignExpr a = new AssignExpr(name, value, AssignExpr.Operator.ASSIGN);
        at.getRange().ifPresent(r -> {
            name.setRange(r);
            name.getName().setRange(r);
            a.setRange(r);
        });
        ExpressionStmt s = new ExpressionStmt(a);
        value.getRange().ifPresent(s::setRange);
        return s;
    }

    /** An expression case, a throwing case, or a block whose {@code yield}s of this switch all give a value. */
    static boolean lowerable(SwitchEntry e) {
        if (e.getType() != SwitchEntry.Type.BLOCK) {
            return true;
        }
        return e.getStatements().get(0) instanceof BlockStmt b
                && !b.getStatements().isEmpty()
                && !ownYields(e).isEmpty()
                && ownYields(e).stream().allMatch(y -> y.getExpression() != null);
    }

    /** The {@code yield}s of {@code e}'s block that give this switch its value (not those of a switch inside). */
    private static List<YieldStmt> ownYields(SwitchEntry e) {
        Node owner = e.getParentNode().orElse(null);
        return e.getStatements().get(0).findAll(YieldStmt.class).stream()
                .filter(y -> y.findAncestor(SwitchExpr.class)
                        .filter(sx -> sx == owner)
                        .isPresent())
                .toList();
    }
}
