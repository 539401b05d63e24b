package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code switch} expressions in statement position as the branches they mean, and what the
 * lowering of {@code switch} statements ({@link SwitchStatements}) shares with them: the chain of
 * {@code if}s over the selector's value and the labels it can compare with {@code ==}.
 *
 * <pre>
 * T r = switch (k) { case 0 -> e; default -> { S; yield f; } };  T r; { int v = k; if (v == 0) r = e; else { S; r = f; } }
 * r = switch ...;   return switch ...;                            the same, assigning r or returning
 * y[i] = switch ...;                                               each branch storing into y[i] (neither y nor i assigned in a branch)
 * </pre>
 *
 * Rewritten only when every label is an integer or char literal or a constant of the class (so
 * {@code ==} means what the {@code case} means), there is a {@code default} (or the switch expression
 * names every constant of an enum: the {@code default} javac supplies is added); each case hands its
 * value on as {@link SwitchArms} writes it. A {@code switch} expression inside a larger expression becomes one in
 * statement position first ({@link SwitchHoisting}).
 */
final class Switches {
    private final Rewriter rw;
    private final Set<String> constants;
    private final SwitchArms arms;

    Switches(Rewriter rw, Set<String> constants) {
        this.rw = rw;
        this.constants = constants;
        this.arms = new SwitchArms(rw);
    }

    /** The statements {@code s} stands for, or empty when it is not a switch this class rewrites. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (s instanceof ExpressionStmt es
                && es.getExpression() instanceof VariableDeclarationExpr v
                && v.getVariables().size() == 1
                && v.getVariables().get(0).getInitializer().orElse(null) instanceof SwitchExpr sx
                && lowerable(sx)) {
            VariableDeclarator d = v.getVariables().get(0);
            VariableDeclarationExpr declaration = v.clone();
            declaration.getVariables().get(0).removeInitializer();
            ExpressionStmt declared = new ExpressionStmt(declaration);
            s.getRange().ifPresent(declared::setRange);
            return Optional.of(List.of(
                    declared,
                    chain(
                            s,
                            sx.getSelector(),
                            entries(sx),
                            e -> arms.produce(e, value -> SwitchArms.assign(d.getNameAsString(), value, e)))));
        }
        if (s instanceof ExpressionStmt es
                && es.getExpression() instanceof AssignExpr a
                && a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getTarget() instanceof NameExpr target
                && a.getValue() instanceof SwitchExpr sx
                && lowerable(sx)) {
            return Optional.of(List.of(chain(
                    s,
                    sx.getSelector(),
                    entries(sx),
                    e -> arms.produce(e, value -> SwitchArms.assign(target.getNameAsString(), value, e)))));
        }
        if (s instanceof ExpressionStmt es
                && es.getExpression() instanceof AssignExpr a
                && a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getTarget() instanceof ArrayAccessExpr element
                && a.getValue() instanceof SwitchExpr sx
                && lowerable(sx)
                && stableElement(element, sx)) {
            // Java evaluates the array and the index first and stores after the value (JLS 15.26.1): each
            // branch may store itself where no branch changes what the target names
            return Optional.of(List.of(chain(
                    s,
                    sx.getSelector(),
                    entries(sx),
                    e -> arms.produce(e, value -> {
                        AssignExpr store = new AssignExpr(element.clone(), value, AssignExpr.Operator.ASSIGN);
                        e.getRange().ifPresent(store::setRange);
                        ExpressionStmt st = new ExpressionStmt(store);
                        value.getRange().ifPresent(st::setRange);
                        return st;
                    }))));
        }
        if (s instanceof ReturnStmt r && r.getExpression().orElse(null) instanceof SwitchExpr sx && lowerable(sx)) {
            return Optional.of(List.of(chain(
                    s,
                    sx.getSelector(),
                    entries(sx),
                    e -> arms.produce(e, value -> {
                        ReturnStmt ret = new ReturnStmt(value);
                        e.getRange().ifPresent(ret::setRange);
                        return ret;
                    }))));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code element} ({@code y[i]}, {@code m[i][j + 1]}) names the same element before and
     * after {@code sx} runs: an array variable at indices of names, literals and arithmetic
     * ({@link RowAliases#simple}) that no branch assigns, whose rows no branch replaces.
     */
    static boolean stableElement(ArrayAccessExpr element, SwitchExpr sx) {
        java.util.Set<String> names = new java.util.HashSet<>();
        Expression e = element;
        while (e instanceof ArrayAccessExpr acc) {
            if (!RowAliases.simple(acc.getIndex())) {
                return false;
            }
            acc.getIndex().findAll(NameExpr.class).forEach(n -> names.add(n.getNameAsString()));
            e = acc.getName();
        }
        if (!(e instanceof NameExpr array)) {
            return false;
        }
        names.add(array.getNameAsString());
        return sx.getEntries().stream()
                .noneMatch(en ->
                        RowAliases.assigned(en, names) || RowAliases.rowsReplaced(en, array.getNameAsString(), 3));
    }

    boolean lowerable(SwitchExpr sx) {
        return arrowForm(sx.getEntries())
                && labelsAreConstants(sx.getSelector(), sx.getEntries())
                && (sx.getEntries().stream().anyMatch(Switches::isDefault) || overEnum(sx))
                && sx.getEntries().stream().allMatch(SwitchArms::lowerable);
    }

    /** A {@code switch} expression over an enum variable: javac has checked that its cases name every constant. */
    private boolean overEnum(SwitchExpr sx) {
        return keyed(sx.getSelector(), sx.getEntries())
                && labels(sx.getEntries()).stream().allMatch(l -> l instanceof NameExpr);
    }

    /**
     * The entries of {@code sx}, with the {@code default} javac supplies to an exhaustive enum switch:
     * a constant it has not seen (the enum changed after compiling) throws
     * {@code IncompatibleClassChangeError}, as the compiled switch does on Java 17.
     */
    private List<SwitchEntry> entries(SwitchExpr sx) {
        if (sx.getEntries().stream().anyMatch(Switches::isDefault)) {
            return sx.getEntries();
        }
        List<SwitchEntry> all = new java.util.ArrayList<>(sx.getEntries());
        Statement unseen = rw.statement("throw new IncompatibleClassChangeError();", Map.of(), Map.of(), sx);
        SwitchEntry otherwise =
                new SwitchEntry(new NodeList<>(), SwitchEntry.Type.THROWS_STATEMENT, new NodeList<>(unseen));
        sx.getRange().ifPresent(otherwise::setRange);
        all.add(otherwise);
        return all;
    }

    /** {@code { int v = selector; if (v == a) ... else if ... else default }}. */
    BlockStmt chain(Node at, Expression selector, List<SwitchEntry> entries, Function<SwitchEntry, Statement> body) {
        String v = rw.fresh("switchValue");
        BlockStmt out = (BlockStmt) rw.statement(
                "{ int " + v + " = $selector; }", Map.of(), Map.of("$selector", selectorValue(selector, entries)), at);
        Statement otherwise = null;
        for (SwitchEntry e : entries) {
            if (isDefault(e)) {
                otherwise = body.apply(e);
            }
        }
        List<SwitchEntry> cases = entries.stream().filter(e -> !isDefault(e)).toList();
        for (int i = cases.size() - 1; i >= 0; i--) {
            SwitchEntry e = cases.get(i);
            Expression test = null;
            for (Expression label : e.getLabels()) {
                BinaryExpr eq = new BinaryExpr(
                        new NameExpr(v), comparable(label, selector, entries), BinaryExpr.Operator.EQUALS);
                eq.walk(n -> label.getRange().ifPresent(n::setRange));
                test = test == null ? eq : new BinaryExpr(test, eq, BinaryExpr.Operator.OR);
            }
            IfStmt branch = new IfStmt(test, body.apply(e), otherwise);
            e.getRange().ifPresent(branch::setRange);
            otherwise = branch;
        }
        if (otherwise != null) {
            out.addStatement(otherwise);
        }
        return out;
    }

    /** A case's statements: an arrow case's block opened, anything else as it is. */
    static List<Statement> flat(List<Statement> statements) {
        return statements.size() == 1 && statements.get(0) instanceof BlockStmt b
                ? List.copyOf(b.getStatements())
                : List.copyOf(statements);
    }

    /** {@code statements} in a block, at {@code at}'s position. */
    static BlockStmt block(List<Statement> statements, Node at) {
        BlockStmt b = new BlockStmt(new NodeList<>(statements));
        at.getRange().ifPresent(b::setRange);
        return b;
    }

    private static boolean arrowForm(List<SwitchEntry> entries) {
        return !entries.isEmpty()
                && entries.stream()
                        .allMatch(e -> e.getType() != SwitchEntry.Type.STATEMENT_GROUP
                                && e.getGuard().isEmpty()
                                && e.getStatements().size() == 1);
    }

    static boolean isDefault(SwitchEntry e) {
        return e.isDefault() || e.getLabels().isEmpty();
    }

    /**
     * A label as the right side of {@code selector == label}: a char literal as its code, an int
     * (the selector's promoted type, so the comparison means what the case did), since the
     * strategies read numbers, not characters.
     */
    Expression comparable(Expression label, Expression selector, List<SwitchEntry> entries) {
        if (keyed(selector, entries)) {
            return new IntegerLiteralExpr(Integer.toString(labels(entries).indexOf(label))); // its place among the keys
        }
        return label instanceof CharLiteralExpr c
                ? new IntegerLiteralExpr(String.valueOf((int) c.asChar()))
                : label.clone();
    }

    boolean labelsAreConstants(Expression selector, List<SwitchEntry> entries) {
        return keyed(selector, entries)
                || !objectSelector(selector) && labels(entries).stream().allMatch(this::isConstant);
    }

    /** The type the selector is declared with, when written out (not {@code var}). */
    private Optional<com.github.javaparser.ast.type.Type> declared(Expression selector) {
        return rw.typeOf(selector).filter(t -> !t.isVarType());
    }

    /** Whether the selector is declared with a class type (a {@code String}, an enum), not a number or its box. */
    private boolean objectSelector(Expression selector) {
        return declared(selector)
                .filter(t -> t instanceof ClassOrInterfaceType c
                        && !List.of("Integer", "Short", "Byte", "Character").contains(c.getNameAsString()))
                .isPresent();
    }

    private static List<Expression> labels(List<SwitchEntry> entries) {
        return entries.stream()
                .filter(e -> !isDefault(e))
                .flatMap(e -> e.getLabels().stream())
                .toList();
    }

    /**
     * A switch over a {@code String} or an enum variable: its labels are all strings, or all names
     * that are not constants of the class (an enum's constants: a {@code case} names them bare).
     */
    private boolean keyed(Expression selector, List<SwitchEntry> entries) {
        List<Expression> labels = labels(entries);
        if (!(selector instanceof NameExpr) || labels.isEmpty()) {
            return false;
        }
        if (objectSelector(selector)) {
            // the selector's type decides: an enum's case A is its constant even where the class has an int A
            boolean string = declared(selector)
                    .filter(t -> t instanceof ClassOrInterfaceType c
                            && (c.getNameWithScope().equals("String")
                                    || c.getNameWithScope().equals("java.lang.String")))
                    .isPresent();
            return string
                    ? labels.stream().allMatch(l -> l instanceof StringLiteralExpr)
                    : labels.stream().allMatch(l -> l instanceof NameExpr);
        }
        return declared(selector).isEmpty()
                && (labels.stream().allMatch(l -> l instanceof StringLiteralExpr)
                        || labels.stream().allMatch(this::isKey));
    }

    private boolean isKey(Expression label) {
        return label instanceof StringLiteralExpr
                || (label instanceof NameExpr n && !constants.contains(n.getNameAsString()));
    }

    /**
     * The {@code int} the chain compares with the labels: the selector itself, or for a switch over a
     * {@code String} or an enum the place of its label among the labels, -1 for none (the default):
     * <pre>
     * switch (s) { case "a" ... case "b" ... }   s.equals("a") ? 0 : s.equals("b") ? 1 : -1
     * switch (m) { case FAST ... case SLOW ... }  m.name().equals("FAST") ? 0 : m.name().equals("SLOW") ? 1 : -1
     * </pre>
     * An enum's constants have distinct names, and a switch's labels are constants of the selector's
     * enum, so equal names mean the same constant. A {@code null} selector throws a
     * {@code NullPointerException} here, as the switch does.
     */
    Expression selectorValue(Expression selector, List<SwitchEntry> entries) {
        if (!keyed(selector, entries)) {
            return selector;
        }
        List<Expression> labels = labels(entries);
        Expression value = new UnaryExpr(new IntegerLiteralExpr("1"), UnaryExpr.Operator.MINUS);
        for (int i = labels.size() - 1; i >= 0; i--) {
            Expression label = labels.get(i);
            Expression key =
                    label instanceof StringLiteralExpr ? label.clone() : new StringLiteralExpr(label.toString());
            Expression receiver = label instanceof StringLiteralExpr
                    ? selector.clone()
                    : new MethodCallExpr(selector.clone(), "name");
            MethodCallExpr equal = new MethodCallExpr(receiver, "equals", new NodeList<>(key));
            value = new ConditionalExpr(equal, new IntegerLiteralExpr(Integer.toString(i)), value);
        }
        Expression built = value;
        selector.getRange().ifPresent(r -> built.walk(n -> n.setRange(r)));
        return built;
    }

    private boolean isConstant(Expression label) {
        if (label instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
            return u.getExpression() instanceof IntegerLiteralExpr;
        }
        return label instanceof IntegerLiteralExpr
                || label instanceof CharLiteralExpr
                || (label instanceof NameExpr n && constants.contains(n.getNameAsString()));
    }
}
