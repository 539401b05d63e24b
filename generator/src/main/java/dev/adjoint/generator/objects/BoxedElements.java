package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The variable of a for-each over a list of boxed numbers ({@code for (Double x : xs)}, {@code var
 * x}), which {@link ListParameters} makes a number ({@code double x} over the array): its uses must
 * be those of a number. Java compares two boxed numbers, or one with {@code null}, by reference,
 * which a number cannot mean; and a boxed number's methods other than its own unboxing
 * ({@code x.doubleValue()}, which is {@code x}) are not the number's.
 */
final class BoxedElements {
    private BoxedElements() {}

    /**
     * The first use of {@code f}'s variable a number cannot stand for, as an error; {@code boxed}
     * names the variables that hold a boxed element where {@code f} stands (this one among them).
     */
    static Optional<Diagnostic> check(Path file, ForEachStmt f, String list, ListTypes.Read read, Set<String> boxed) {
        String x = f.getVariable().getVariables().get(0).getNameAsString();
        String unboxing = ListTypes.unboxing(read.values().get());
        List<NameExpr> uses =
                f.getBody().findAll(NameExpr.class, n -> n.getNameAsString().equals(x));
        for (NameExpr use : uses) {
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr call
                    && call.getScope().filter(s -> s == use).isPresent()) {
                if (!call.getNameAsString().equals(unboxing)
                        || !call.getArguments().isEmpty()) {
                    return Optional.of(Positions.error(
                            file,
                            call,
                            "'" + Positions.oneLine(call) + "' calls '" + call.getNameAsString() + "' on '" + x
                                    + "', an element of list parameter '" + list + "' (a " + read.element()
                                    + "): a differentiated method reads the elements of a List<" + read.element()
                                    + "> as numbers; use the value in arithmetic (" + unboxing + "() at most)"));
                }
            } else if (parent instanceof BinaryExpr b
                    && (b.getOperator() == BinaryExpr.Operator.EQUALS
                            || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS)) {
                Expression other = b.getLeft() == use ? b.getRight() : b.getLeft();
                if (other instanceof NameExpr n && boxed.contains(n.getNameAsString()) && b.getRight() == use) {
                    continue; // (two such variables: the left one's loop says it, once)
                }
                if (other instanceof NullLiteralExpr
                        || other instanceof NameExpr n && boxed.contains(n.getNameAsString())
                        || other instanceof MethodCallExpr g
                                && g.getNameAsString().equals("get")) {
                    return Optional.of(Positions.error(
                            file,
                            b,
                            "'" + Positions.oneLine(b) + "' compares " + read.element() + " objects of list parameter '"
                                    + list + "' by reference (or with null), as Java does for boxed numbers: a"
                                    + " differentiated method reads the elements as numbers; compare the values ("
                                    + x + "." + unboxing + "())"));
                }
            }
        }
        return Optional.empty();
    }
}
