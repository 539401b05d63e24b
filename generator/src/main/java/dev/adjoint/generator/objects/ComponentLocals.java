package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The component locals that stand for the local records {@link LocalRecords} accepted: each
 * component read ({@code v.x()}, {@code v.x}) becomes a read of its local, each declaration one
 * declaration per component, and each assignment ({@code v = new Vec(a, b)}, {@code w = v}) one
 * assignment per component, through fresh locals when an argument reads the record (Java
 * evaluates every argument before the record exists). Every new node stands at the position of
 * what it replaces, for the later passes' errors.
 */
final class ComponentLocals {
    private ComponentLocals() {}

    /**
     * Replaces, in place, the component reads {@code reads}, the assignment statements
     * {@code assignments} and the declarations of {@code locals}; {@code owner} maps each read and
     * each use to its local, {@code fresh} gives a name no variable of the method has.
     */
    static void replace(
            List<Expression> reads,
            List<ExpressionStmt> assignments,
            List<LocalRecord> locals,
            Map<Node, LocalRecord> owner,
            UnaryOperator<String> fresh) {
        for (Expression call : reads) {
            LocalRecord l = owner.get(call);
            String named =
                    call instanceof FieldAccessExpr f ? f.getNameAsString() : ((MethodCallExpr) call).getNameAsString();
            NameExpr component = new NameExpr(l.componentLocals().get(l.indexOf(named)));
            call.getRange().ifPresent(component::setRange);
            call.replace(component);
        }
        for (ExpressionStmt s : assignments) {
            AssignExpr a = (AssignExpr) s.getExpression();
            splice(s, assign(owner.get(a.getTarget()), a.getValue(), false, owner, fresh));
        }
        for (LocalRecord l : locals) {
            ExpressionStmt s = l.statement();
            VariableDeclarationExpr decl = (VariableDeclarationExpr) s.getExpression();
            List<Statement> replacement = new ArrayList<>();
            for (VariableDeclarator v : decl.getVariables()) {
                if (v != l.declarator()) {
                    replacement.add(at(new ExpressionStmt(new VariableDeclarationExpr(v.clone())), s));
                } else if (v.getInitializer().isPresent()) {
                    replacement.addAll(assign(l, v.getInitializer().get(), true, owner, fresh));
                } else {
                    for (int i = 0; i < l.componentLocals().size(); i++) {
                        replacement.add(at(
                                new ExpressionStmt(new VariableDeclarationExpr(
                                        l.componentType(i), l.componentLocals().get(i))),
                                s));
                    }
                }
            }
            splice(s, replacement);
        }
    }

    /** The statements giving {@code l}'s components the value {@code value} (a new record or another record by name). */
    private static List<Statement> assign(
            LocalRecord l,
            Expression value,
            boolean declare,
            Map<Node, LocalRecord> owner,
            UnaryOperator<String> fresh) {
        List<Expression> parts = new ArrayList<>();
        if (value instanceof ObjectCreationExpr n) {
            parts.addAll(n.getArguments());
        } else {
            String source = ((NameExpr) value).getNameAsString();
            LocalRecord from = owner.get(value);
            for (int i = 0; i < l.componentLocals().size(); i++) {
                parts.add(
                        from != null
                                ? new NameExpr(from.componentLocals().get(i))
                                : new MethodCallExpr(
                                        new NameExpr(source),
                                        l.record().components().get(i)));
            }
        }
        // Java evaluates every argument before the record changes: fresh locals when a later one reads it
        boolean staged = !declare
                && parts.stream()
                        .anyMatch(p -> !p.findAll(
                                        NameExpr.class,
                                        e -> e.getNameAsString().equals(l.name())
                                                || l.componentLocals().contains(e.getNameAsString()))
                                .isEmpty());
        List<Statement> out = new ArrayList<>();
        List<String> staging = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Expression part = parts.get(i).clone();
            String target = l.componentLocals().get(i);
            if (declare || staged) {
                String name = declare ? target : fresh.apply("next_" + target);
                staging.add(name);
                out.add(at(
                        new ExpressionStmt(
                                new VariableDeclarationExpr(new VariableDeclarator(l.componentType(i), name, part))),
                        value));
            } else {
                out.add(at(
                        new ExpressionStmt(new AssignExpr(new NameExpr(target), part, AssignExpr.Operator.ASSIGN)),
                        value));
            }
        }
        if (staged) {
            for (int i = 0; i < parts.size(); i++) {
                out.add(at(
                        new ExpressionStmt(new AssignExpr(
                                new NameExpr(l.componentLocals().get(i)),
                                new NameExpr(staging.get(i)),
                                AssignExpr.Operator.ASSIGN)),
                        value));
            }
        }
        return out;
    }

    /** {@code s}, each of its new nodes placed at {@code where} (for the later passes' errors). */
    private static Statement at(Statement s, Node where) {
        where.getRange()
                .ifPresent(r -> s.walk(n -> {
                    if (n.getRange().isEmpty()) {
                        n.setRange(r);
                    }
                }));
        return s;
    }

    /** Puts {@code replacement} where {@code s} was: into its block or case, or as a block of its own. */
    private static void splice(Statement s, List<Statement> replacement) {
        Node parent = s.getParentNode().orElseThrow();
        NodeList<Statement> list = parent instanceof BlockStmt b
                ? b.getStatements()
                : parent instanceof SwitchEntry e ? e.getStatements() : null;
        if (list == null) {
            BlockStmt block = new BlockStmt(new NodeList<>(replacement));
            s.getRange().ifPresent(block::setRange);
            s.replace(block);
            return;
        }
        int at = 0;
        while (list.get(at) != s) {
            at++; // by identity: NodeList.indexOf compares by structure
        }
        list.remove(at);
        list.addAll(at, replacement);
    }
}
