package dev.adjoint.generator.select;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.adjoint.generator.parse.Updates;
import java.util.Optional;

/**
 * Why a method cannot use a static field that its class (or an enclosing one) assigns: the field
 * may change during a gradient call, whose reverse sweep would then read another value than the
 * forward sweep did, and a write to it would be a change to the program's state that the
 * gradient's reruns repeat. Neither strategy reads or writes one; the build says so precisely
 * rather than "not a variable". Likewise for a static field of a type the generated code does not
 * read ({@code static final int[][] IMAT}).
 */
public final class AssignedStaticFields {
    private AssignedStaticFields() {}

    /** The error for using {@code name} in {@code r}, when it is a static field its classes assign; {@code written} for a write. */
    public static Optional<String> why(MethodRequest r, String name, boolean written) {
        for (Node at = r.declaration(); at != null; at = at.getParentNode().orElse(null)) {
            if (!(at instanceof TypeDeclaration<?> owner)) {
                continue;
            }
            Optional<FieldDeclaration> field = owner.getFieldByName(name).filter(FieldDeclaration::isStatic);
            if (field.isEmpty()) {
                continue;
            }
            Optional<Node> assignment = firstAssignment(owner, name);
            String where = assignment
                    .flatMap(Node::getBegin)
                    .map(p -> " (line " + p.line + ")")
                    .orElse("");
            Optional<com.github.javaparser.ast.type.Type> type = field.get().getVariables().stream()
                    .filter(v -> v.getNameAsString().equals(name))
                    .map(com.github.javaparser.ast.body.VariableDeclarator::getType)
                    .findFirst();
            if (!written
                    && type.isPresent()
                    && OwnerConstants.indexTableType(type.get()).isPresent()) {
                return whyNotATable(owner, field.get(), name);
            }
            if (!written && type.isPresent() && MethodSelector.toTy(type.get()).isEmpty()) {
                // (else the usual paths say it is "not a static field", which it is)
                return Optional.of("the static field '" + name + "' of " + owner.getNameAsString() + " has type "
                        + type.get()
                        + ", which the generated code does not read (a static field may be a double, float,"
                        + " int, long or boolean, a 1-D array of one, a 2-D double or float array, or a final int[][],"
                        + " long[][] or boolean[][] index table); pass it as a"
                        + " parameter, or keep its values in a table of one of those types (an int[] of indices)");
            }
            if (field.get().isFinal() || (!written && assignment.isEmpty())) {
                return Optional.empty(); // a constant: the usual paths take or reject it
            }
            return Optional.of(
                    (written ? "cannot assign the static field '" : "cannot read the static field '") + name + "' of "
                            + owner.getNameAsString()
                            + (written ? "" : ", which " + owner.getNameAsString() + " assigns" + where)
                            + ": its value may change during a gradient call (the reverse sweep would read another value than the"
                            + " forward sweep), and a write to it is state that neither strategy can undo, so neither differentiates"
                            + " through it; pass the value as a parameter, or keep it in a local variable (and make a constant final)");
        }
        return Optional.empty();
    }

    /**
     * Why {@code name}, an index table's field of {@code owner}, is not one {@link OwnerConstants#indexTable} takes:
     * not final, or used in its file otherwise than read (the first such use); empty when it is one.
     */
    private static Optional<String> whyNotATable(TypeDeclaration<?> owner, FieldDeclaration field, String name) {
        com.github.javaparser.ast.body.VariableDeclarator v = field.getVariables().stream()
                .filter(x -> x.getNameAsString().equals(name))
                .findFirst()
                .orElseThrow();
        if (OwnerConstants.indexTable(field, v).isPresent()) {
            return Optional.empty();
        }
        String because = "it is not final";
        if (field.isFinal()) {
            Optional<Node> use = field.findCompilationUnit().flatMap(u -> TableCopies.otherUse(u, name, 2, true));
            because = use.isEmpty()
                    ? "its file does not only read it"
                    : "its file uses it otherwise than reading its elements, lengths or rows" + where(use.get());
        }
        return Optional.of("cannot read the static field '" + name + "' of " + owner.getNameAsString()
                + " as an index table: " + because
                + "; a static " + v.getType()
                + " is read as a table of values without derivative only when it is final and its file only reads"
                + " its elements, lengths and rows (in a for-each, or a local only indexed), so that the reverse sweep"
                + " reads what the forward sweep read; make it final and leave it unchanged, or pass it as a"
                + " parameter");
    }

    /** Where {@code use} stands, with the expression around it: {@code  (line 12: 'EDGES[0][0] = 3')}. */
    private static String where(Node use) {
        Node shown = use.getParentNode().filter(p -> p instanceof Expression).orElse(use);
        return use.getBegin()
                .map(p -> " (line " + p.line + ": '" + dev.adjoint.generator.parse.Positions.oneLine(shown) + "')")
                .orElse("");
    }

    private static Optional<Node> firstAssignment(TypeDeclaration<?> owner, String name) {
        java.util.function.Predicate<Expression> names = e -> (e instanceof NameExpr n
                        && n.getNameAsString().equals(name))
                || (e instanceof FieldAccessExpr fa && fa.getNameAsString().equals(name));
        Optional<Node> a = owner.findAll(AssignExpr.class).stream()
                .filter(x -> names.test(x.getTarget()))
                .<Node>map(x -> x)
                .findFirst();
        return a.or(() -> owner.findAll(UnaryExpr.class).stream()
                .filter(u -> Updates.isUpdate(u.getOperator()) && names.test(u.getExpression()))
                .<Node>map(x -> x)
                .findFirst());
    }
}
