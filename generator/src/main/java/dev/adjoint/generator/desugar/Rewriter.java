package dev.adjoint.generator.desugar;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
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
import dev.adjoint.generator.parse.Positions;
import java.util.ArrayList;
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
    private final JavaParser parser =
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    private final Set<String> taken = new HashSet<>();
    private final Map<String, Type> declared = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();
    private final MethodDeclaration method;

    Rewriter(MethodDeclaration method) {
        this.method = method;
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
        for (int i = 0; ; i++) {
            if (taken.add(base + i)) {
                return base + i;
            }
        }
    }

    /**
     * The declared type of the variable {@code e} names: the declaration in scope where {@code e}
     * stands (Java's scoping: the nearest enclosing block, loop header or parameter), or, for a node
     * not in the tree, the type every declaration of that name in the method agrees on.
     */
    Optional<Type> typeOf(Expression e) {
        if (!(e instanceof NameExpr n)) {
            return Optional.empty();
        }
        String name = n.getNameAsString();
        if (n.getParentNode().isPresent()) {
            Optional<Node> declaration = declarationInScope(n, name);
            Optional<Type> inScope = declaration.map(d -> d instanceof Parameter q
                    ? q.getType()
                    : dev.adjoint.generator.select.ValueTypes.declaredType((VariableDeclarator) d));
            if (inScope.isPresent() && inScope.get().isVarType()) {
                return declaration.flatMap(this::varType);
            }
            if (inScope.isPresent()) {
                return inScope;
            }
        }
        return ambiguous.contains(name) ? Optional.empty() : Optional.ofNullable(declared.get(name));
    }

    /**
     * The declared type of the static field {@code e} names by its simple name (a table such as
     * {@code static final double[][] GAUSS}): of the method's class or, where that declares none of
     * that name, of a class around it, as Java resolves a name no local or parameter declares.
     */
    Optional<Type> staticFieldType(Expression e) {
        if (!(e instanceof NameExpr n) || declared.containsKey(n.getNameAsString())) {
            return Optional.empty();
        }
        for (Optional<Node> p = method.getParentNode();
                p.isPresent();
                p = p.get().getParentNode()) {
            if (p.get() instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t) {
                Optional<com.github.javaparser.ast.body.FieldDeclaration> f = t.getFieldByName(n.getNameAsString());
                if (f.isPresent()) {
                    return f.get().isStatic()
                            ? f.get().getVariables().stream()
                                    .filter(v -> v.getNameAsString().equals(n.getNameAsString()))
                                    .findFirst()
                                    .map(VariableDeclarator::getType)
                            : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The type javac gives a {@code var} declared by {@code d}, where the rewrites need it (the argument
     * types that pick an overload): a for-each's variable, the element type of the array it iterates
     * ({@code for (var a : as)}), a local initialised with another variable, a new primitive array
     * ({@code var f = new double[n];}) or an array's {@code clone()}; empty otherwise.
     */
    private Optional<Type> varType(Node d) {
        if (!(d instanceof VariableDeclarator v)) {
            return Optional.empty();
        }
        Optional<Node> declaration = v.getParentNode();
        if (declaration.flatMap(Node::getParentNode).orElse(null)
                        instanceof com.github.javaparser.ast.stmt.ForEachStmt fe
                && fe.getVariable() == declaration.get()) {
            return typeOf(fe.getIterable())
                    .filter(t -> t instanceof com.github.javaparser.ast.type.ArrayType)
                    .map(t -> ((com.github.javaparser.ast.type.ArrayType) t).getComponentType());
        }
        Expression init = v.getInitializer().orElse(null);
        if (init instanceof com.github.javaparser.ast.expr.ArrayCreationExpr created
                && created.getElementType().isPrimitiveType()) {
            return Optional.of(created.createdType()); // var f = new double[n];
        }
        if (init instanceof MethodCallExpr m
                && m.getNameAsString().equals("clone")
                && m.getArguments().isEmpty()
                && m.getScope().isPresent()) {
            // var y = x.clone(); (an array's clone() is of the array's own type)
            return typeOf(m.getScope().get())
                    .filter(t -> t.isArrayType() && t.getElementType().isPrimitiveType());
        }
        return Optional.ofNullable(init).filter(i -> i instanceof NameExpr).flatMap(this::typeOf);
    }

    /** The statements of {@code list} before {@code child} (by identity: two statements may be equal). */
    private static List<? extends Node> upTo(List<? extends Node> list, Node child) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == child) {
                return list.subList(0, i);
            }
        }
        return List.of();
    }

    /**
     * The type of the declaration of {@code name} visible at {@code at}, walking out through its enclosing blocks; a
     * variable-arity parameter's is the array it is in the body ({@code double... x} is a {@code double[]}).
     */
    static Optional<Type> inScope(Node at, String name) {
        return declarationInScope(at, name)
                .map(d -> d instanceof Parameter q
                        ? q.isVarArgs()
                                ? new com.github.javaparser.ast.type.ArrayType(
                                        q.getType().clone())
                                : q.getType()
                        : dev.adjoint.generator.select.ValueTypes.declaredType((VariableDeclarator) d));
    }

    /**
     * The local ({@link VariableDeclarator}) or parameter ({@link Parameter}) that {@code name}
     * means at {@code at} by Java's scoping: the nearest enclosing block's declarations before it,
     * a loop header's, the method's parameters; empty where it means a field.
     */
    static Optional<Node> declarationInScope(Node at, String name) {
        Node child = at;
        for (Node p = at.getParentNode().orElse(null);
                p != null;
                child = p, p = p.getParentNode().orElse(null)) {
            List<? extends Node> before = List.of();
            if (p instanceof com.github.javaparser.ast.stmt.BlockStmt b) {
                before = upTo(b.getStatements(), child);
            } else if (p instanceof com.github.javaparser.ast.stmt.SwitchEntry e) {
                // (Java scopes a case's locals to the rest of the switch block)
                List<Node> inScope = new ArrayList<>(dev.adjoint.generator.parse.SwitchScopes.earlierDeclarations(e));
                inScope.addAll(upTo(e.getStatements(), child));
                before = inScope;
            } else if (p instanceof com.github.javaparser.ast.stmt.ForStmt f) {
                before = f.getInitialization();
            } else if (p instanceof com.github.javaparser.ast.stmt.ForEachStmt fe) {
                before = List.of(fe.getVariable());
            } else if (p instanceof com.github.javaparser.ast.body.MethodDeclaration m) {
                return m.getParameters().stream()
                        .filter(q -> q.getNameAsString().equals(name))
                        .<Node>map(q -> q)
                        .findFirst();
            }
            Node scope = p;
            for (int k = before.size() - 1; k >= 0; k--) {
                for (VariableDeclarator v : before.get(k).findAll(VariableDeclarator.class)) {
                    if (v.getNameAsString().equals(name)
                            && v.findAncestor(com.github.javaparser.ast.stmt.BlockStmt.class)
                                    .map(bl ->
                                            bl == scope || !(scope instanceof com.github.javaparser.ast.stmt.BlockStmt))
                                    .orElse(true)) {
                        return Optional.of(v);
                    }
                }
            }
        }
        return Optional.empty();
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
        Statement s = parser.parseStatement(text)
                .getResult()
                .orElseThrow(() -> new IllegalStateException("template: " + template));
        Positions.standAt(s, at);
        for (NameExpr placeholder : s.findAll(NameExpr.class)) {
            Expression user = nodes.get(placeholder.getNameAsString());
            if (user != null) {
                Expression copy = user.clone();
                Expression cloned = copy;
                // (a clone has no positions: errors in it point at the user's expression)
                user.getRange()
                        .ifPresent(r -> cloned.walk(n -> {
                            if (n.getRange().isEmpty()) {
                                n.setRange(r);
                            }
                        }));
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

    /**
     * {@code for (T v : a) body} as {@code for (int k = 0; k < a.length; k++) { T v = a[k]; body }},
     * in place; the same loop while the body changes neither {@code a} nor what its names hold (the
     * caller checks: Java reads {@code a} once, before the first element).
     */
    com.github.javaparser.ast.stmt.ForStmt indexed(com.github.javaparser.ast.stmt.ForEachStmt fe) {
        String k = fresh("k");
        com.github.javaparser.ast.stmt.ForStmt loop = (com.github.javaparser.ast.stmt.ForStmt) statement(
                "for (int #k# = 0; #k# < $a.length; #k#++) { }", Map.of("#k#", k), Map.of("$a", fe.getIterable()), fe);
        com.github.javaparser.ast.expr.VariableDeclarationExpr v =
                fe.getVariable().clone();
        Expression array = fe.getIterable().clone();
        ArrayAccessExpr element =
                new ArrayAccessExpr(isPrimary(array) ? array : new EnclosedExpr(array), new NameExpr(k));
        fe.getIterable().getRange().ifPresent(r -> element.walk(x -> x.setRange(r)));
        v.getVariable(0).setInitializer(element);
        com.github.javaparser.ast.NodeList<Statement> body =
                new com.github.javaparser.ast.NodeList<>(new com.github.javaparser.ast.stmt.ExpressionStmt(v));
        fe.getRange().ifPresent(body.get(0)::setRange);
        body.add(fe.getBody().clone());
        loop.setBody(new com.github.javaparser.ast.stmt.BlockStmt(body));
        fe.replace(loop);
        return loop;
    }

    /** Whether {@code e} prints as one operand wherever it stands. */
    static boolean isPrimary(Expression e) {
        return e instanceof NameExpr
                || e.isLiteralExpr()
                || e instanceof EnclosedExpr
                || e instanceof MethodCallExpr
                || e instanceof FieldAccessExpr
                || e instanceof ArrayAccessExpr;
    }

    /** The statements of a template in braces, detached from the block the parser put them in. */
    List<Statement> statements(
            String template, Map<String, String> names, Map<String, ? extends Expression> nodes, Node at) {
        return List.copyOf(statement(template, names, nodes, at).asBlockStmt().getStatements());
    }
}
