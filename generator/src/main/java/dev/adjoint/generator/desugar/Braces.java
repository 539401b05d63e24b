package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.function.Consumer;

/**
 * Every loop's body and every branch of an {@code if} as a block: {@code for (...) a[i] = new double[n];}
 * as {@code for (...) { a[i] = new double[n]; }}. The same statements, so the same meaning; the
 * rewrites that look at a statement's neighbours (a row's creation, a length's scan, a helper's
 * inlined body) then find each statement in a block, however the user wrote it. An {@code else if}
 * stays as written: the {@code if} it holds gets its own blocks.
 */
final class Braces {
    private Braces() {}

    static void add(MethodDeclaration m) {
        m.getBody()
                .ifPresent(b -> b.findAll(Statement.class).forEach(s -> {
                    if (s instanceof ForStmt f) {
                        wrap(f.getBody(), f::setBody);
                    } else if (s instanceof ForEachStmt f) {
                        wrap(f.getBody(), f::setBody);
                    } else if (s instanceof WhileStmt w) {
                        wrap(w.getBody(), w::setBody);
                    } else if (s instanceof DoStmt d) {
                        wrap(d.getBody(), d::setBody);
                    } else if (s instanceof IfStmt i) {
                        wrap(i.getThenStmt(), i::setThenStmt);
                        i.getElseStmt().filter(e -> !(e instanceof IfStmt)).ifPresent(e -> wrap(e, i::setElseStmt));
                    }
                }));
    }

    private static void wrap(Statement body, Consumer<Statement> set) {
        if (body instanceof BlockStmt) {
            return;
        }
        BlockStmt block = new BlockStmt(new NodeList<>());
        body.getRange().ifPresent(block::setRange);
        set.accept(block); // (detaches body from its parent before the block adopts it)
        block.addStatement(body);
    }
}
