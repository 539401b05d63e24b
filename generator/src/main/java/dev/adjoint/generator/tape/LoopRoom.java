package dev.adjoint.generator.tape;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.adjoint.generator.code.Listing;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A counted {@code for} loop whose body records straight-line code makes room on the tape once,
 * before it starts, for the nodes and edges of all its iterations, and records with the pushes
 * that skip the capacity test ({@code Tape.reserve}, {@code pushNu}): a capacity test in the loop
 * comes with a call that grows the tape, and around that call the JIT keeps nothing in registers.
 *
 * <p>Only a loop {@code for (int j = s; j < e; j++)} with {@code s} and {@code e} plain integer
 * expressions (names, literals, operators, casts, {@code .length}: no calls, evaluated twice),
 * whose body has no nested block (no branch, loop or jump, no floating-point conditional, which is
 * recorded as a branch), calls nothing but {@code Math}, creates no floating-point array (its
 * handles come from a pool), and assigns neither {@code j} nor what {@code e} reads: every
 * iteration then records exactly its pushes, at most that many nodes, and the loop runs
 * {@code e - s} times. All of this is read off the user's loop; the pushes are counted as the
 * recorder writes them ({@link RecorderState#push}).
 */
final class LoopRoom {
    private static final Set<UnaryExpr.Operator> STEPS = Set.of(
            UnaryExpr.Operator.PREFIX_INCREMENT,
            UnaryExpr.Operator.PREFIX_DECREMENT,
            UnaryExpr.Operator.POSTFIX_INCREMENT,
            UnaryExpr.Operator.POSTFIX_DECREMENT);
    int nodes;
    int edges;

    private LoopRoom() {}

    /** The room of {@code f}, counted while its body is recorded, when the loop qualifies. */
    static Optional<LoopRoom> of(ForStmt f, RecorderState st) {
        if (f.getInitialization().size() != 1
                || !(f.getInitialization().get(0) instanceof VariableDeclarationExpr v)
                || v.getVariables().size() != 1
                || !v.getElementType().equals(PrimitiveType.intType())
                || v.getVariable(0).getInitializer().isEmpty()
                || !plain(v.getVariable(0).getInitializer().get())) {
            return Optional.empty();
        }
        String j = v.getVariable(0).getNameAsString();
        if (f.getCompare().isEmpty()
                || !(f.getCompare().get() instanceof BinaryExpr c)
                || c.getOperator() != BinaryExpr.Operator.LESS
                || !(c.getLeft() instanceof NameExpr n)
                || !n.getNameAsString().equals(j)
                || !plain(c.getRight())
                || f.getUpdate().size() != 1
                || !(f.getUpdate().get(0) instanceof UnaryExpr u)
                || u.getOperator() != UnaryExpr.Operator.POSTFIX_INCREMENT
                || !(u.getExpression() instanceof NameExpr un)
                || !un.getNameAsString().equals(j)) {
            return Optional.empty();
        }
        // nothing in the body may change the counter or the bound
        Set<String> fixed = new HashSet<>();
        fixed.add(j);
        c.getRight().findAll(SimpleName.class).forEach(s -> fixed.add(s.asString()));
        List<Statement> body = f.getBody() instanceof BlockStmt b ? b.getStatements() : List.of(f.getBody());
        for (Statement s : body) {
            if (!(s instanceof ExpressionStmt || s instanceof EmptyStmt) || !straight(s, fixed, st)) {
                return Optional.empty();
            }
        }
        return Optional.of(new LoopRoom());
    }

    /** Whether {@code s} records straight-line code that calls only {@code Math} and assigns nothing in {@code fixed}. */
    private static boolean straight(Statement s, Set<String> fixed, RecorderState st) {
        for (Node n : s.findAll(Node.class)) {
            boolean ok = !(n instanceof MethodCallExpr m)
                    || m.getScope()
                            .filter(x -> x instanceof NameExpr q
                                    && (q.getNameAsString().equals("Math")
                                            || q.getNameAsString().equals("StrictMath")))
                            .isPresent();
            ok &= !(n instanceof ObjectCreationExpr || n instanceof LambdaExpr || n instanceof ArrayInitializerExpr);
            ok &= !(n instanceof ArrayCreationExpr a)
                    || !Set.of("double", "float").contains(a.getElementType().asString());
            ok &= !(n instanceof ConditionalExpr ce)
                    || st.types.of(ce).filter(t -> !t.isFloating()).isPresent();
            ok &= !(n instanceof AssignExpr a)
                    || !(a.getTarget() instanceof NameExpr t)
                    || !fixed.contains(t.getNameAsString());
            ok &= !(n instanceof UnaryExpr u)
                    || !(u.getExpression() instanceof NameExpr t)
                    || !fixed.contains(t.getNameAsString())
                    || !STEPS.contains(u.getOperator());
            ok &= !(n instanceof VariableDeclarator d) || !fixed.contains(d.getNameAsString());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Names, integer literals, {@code .length} and fields, casts and parentheses under {@code + - * / %}: no calls. */
    private static boolean plain(Expression e) {
        for (Node n : e.findAll(Node.class)) {
            boolean ok = n instanceof NameExpr
                    || n instanceof SimpleName
                    || n instanceof FieldAccessExpr
                    || n instanceof EnclosedExpr
                    || n instanceof IntegerLiteralExpr
                    || n instanceof LongLiteralExpr
                    || n instanceof CastExpr
                    || n instanceof PrimitiveType
                    || n instanceof BinaryExpr b
                            && Set.of(
                                            BinaryExpr.Operator.PLUS,
                                            BinaryExpr.Operator.MINUS,
                                            BinaryExpr.Operator.MULTIPLY,
                                            BinaryExpr.Operator.DIVIDE,
                                            BinaryExpr.Operator.REMAINDER)
                                    .contains(b.getOperator())
                    || n instanceof UnaryExpr u
                            && (u.getOperator() == UnaryExpr.Operator.MINUS
                                    || u.getOperator() == UnaryExpr.Operator.PLUS);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines that make the room, before the loop's header at {@code at} in {@code out}, once
     * its body is recorded; nothing when the body pushed nothing.
     *
     * @param start the counter's start and {@code bound} the loop's bound, as the recorder wrote them
     */
    void reserve(
            Listing out,
            int at,
            Expression startAst,
            String start,
            Expression boundAst,
            String bound,
            String tape,
            int depth) {
        if (nodes == 0) {
            return;
        }
        String iterations =
                startAst instanceof IntegerLiteralExpr zero && zero.getValue().equals("0")
                        ? bound
                        : "(long) " + parenthesized(boundAst, bound) + " - " + parenthesized(startAst, start);
        out.insert(
                at,
                List.of(
                        new Listing.Line(
                                depth, "// room on the tape for every iteration of the loop", Listing.Role.FRAME),
                        new Listing.Line(
                                depth,
                                tape + ".reserve(" + nodes + ", " + edges + ", " + iterations + ");",
                                Listing.Role.EFFECT)));
    }

    /** {@code text} of {@code e}, in parentheses unless it is a name, a qualified name or a literal. */
    private static String parenthesized(Expression e, String text) {
        return e instanceof NameExpr
                        || e instanceof LiteralStringValueExpr
                        || e instanceof FieldAccessExpr f && qualified(f)
                ? text
                : "(" + text + ")";
    }

    private static boolean qualified(Expression e) {
        return e instanceof NameExpr || e instanceof FieldAccessExpr f && qualified(f.getScope());
    }
}
