package dev.adjoint.generator.desugar;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rewrites of one method share: fresh names that no identifier of the compilation unit
 * uses, the declared type of each variable name, and statements built from templates whose
 * placeholders ({@code $a}) are replaced by the user's own expression nodes. Every node a template
 * adds carries the position of the user's statement it replaces, so a later error points there;
 * the user's expressions keep their own positions.
 */
final class Rewriter {
    /** One per method: a JavaParser is not safe to share between threads (builds translate in parallel). */
    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    private final Set<String> taken = new HashSet<>();
    private final Map<String, Type> declared = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    Rewriter(MethodDeclaration method) {
        method.findCompilationUnit().orElseThrow().findAll(SimpleName.class).forEach(n -> taken.add(n.getIdentifier()));
        for (Parameter p : method.getParameters()) {
            declare(p.getNameAsString(), p.getType());
        }
        for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
            declare(v.getNameAsString(), v.getType());
        }
    }

    private void declare(String name, Type type) {
        Type before = declared.putIfAbsent(name, type);
        if (before != null && !before.equals(type)) {
            ambiguous.add(name);
        }
    }

    /** A name no identifier of the compilation unit uses, {@code base} and a number. */
    String fresh(String base) {
        for (int i = 0;; i++) {
            if (taken.add(base + i)) {
                return base + i;
            }
        }
    }

    /** The type every declaration of variable {@code name} in the method gives it, if they agree. */
    Optional<Type> typeOf(Expression e) {
        if (!(e instanceof NameExpr n) || ambiguous.contains(n.getNameAsString())) {
            return Optional.empty();
        }
        return Optional.ofNullable(declared.get(n.getNameAsString()));
    }

    /**
     * Parses {@code template} (a statement, or several in braces), with each {@code $name} of
     * {@code names} written as the fresh name it maps to and each {@code $name} of {@code nodes}
     * replaced by a copy of that expression node; positions as described in the class comment.
     */
    Statement statement(String template, Map<String, String> names, Map<String, ? extends Expression> nodes, Node at) {
        String text = template;
        for (Map.Entry<String, String> e : names.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        Statement s = parser.parseStatement(text).getResult().orElseThrow(() -> new IllegalStateException("template: " + template));
        Optional<Range> range = at.getRange();
        s.walk(n -> n.setRange(range.orElse(null)));
        for (NameExpr placeholder : s.findAll(NameExpr.class)) {
            Expression user = nodes.get(placeholder.getNameAsString());
            if (user != null) {
                Expression copy = user.clone();
                if (!isPrimary(copy)) {
                    // the printer writes no parentheses of its own: n ? 1 : 2 in $k < $n must stay one operand
                    EnclosedExpr enclosed = new EnclosedExpr(copy);
                    user.getRange().ifPresent(enclosed::setRange);
                    copy = enclosed;
                }
                placeholder.replace(copy);
            }
        }
        return s;
    }

    /** Whether {@code e} prints as one operand wherever it stands. */
    static boolean isPrimary(Expression e) {
        return e instanceof NameExpr || e.isLiteralExpr() || e instanceof EnclosedExpr || e instanceof MethodCallExpr
                || e instanceof FieldAccessExpr || e instanceof ArrayAccessExpr;
    }

    /** The statements of a template in braces, detached from the block the parser put them in. */
    List<Statement> statements(String template, Map<String, String> names, Map<String, ? extends Expression> nodes, Node at) {
        return List.copyOf(statement(template, names, nodes, at).asBlockStmt().getStatements());
    }
}
