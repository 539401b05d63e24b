package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which 1-D {@code double}/{@code float} array variables that are assigned again ({@code a = z;},
 * {@code double[] t = cur; cur = next; next = t;}, {@code y = c ? u : v;}) can be given an array of
 * their own that each assignment copies into ({@link ArrayCopies} rewrites them). Java assigns a
 * reference, the copy assigns values; the two agree when, after {@code p = q}, no write through
 * one name is read through the other. That holds, and is all this class accepts, when at every
 * assignment each local array on the right is <em>handed over</em>: nothing after the assignment
 * reads it before it is assigned anew or goes out of scope (its block ends, and the next entry
 * declares it again, with {@code new}); and when a parameter is on the right, neither it nor any
 * variable of the group is ever written, nor handed whole to a call. The variables that assign each
 * other form a group; they share one length when every array they receive has the same length
 * expression ({@code new double[x.length]}, {@code x.length} of a parameter); a variable of its own
 * may take arrays of different lengths ({@code x.length}, rows {@code new double[B[l].length]}), in
 * an array of the greatest of them with its length kept beside it. Everything else is left as
 * written, for the fences to reject.
 */
public final class ArrayReassignments {
    /** An assignment of a candidate: the statement, the value assigned. */
    record Site(ExpressionStmt statement, Expression value) {}

    /**
     * A variable assigned again: its type, where it is declared, its declaration (null for a
     * parameter) and every assignment, the first being the declaration's (a parameter's: itself).
     */
    record Candidate(
            String name,
            com.github.javaparser.ast.type.Type type,
            Node at,
            ExpressionStmt declaration,
            List<Site> sites) {
        PrimitiveType element() {
            return ((ArrayType) type).getComponentType().asPrimitiveType();
        }

        /** The same variable under another name (a parameter's local). */
        Candidate renamed(String local) {
            return new Candidate(local, type, at, declaration, sites);
        }
    }

    /** Variables rewritten together: one shared length {@code fixed}, or (a single variable) {@code capacities}. */
    record Group(
            List<Candidate> members, Optional<Expression> fixed, List<Expression> capacities, List<NameExpr> tables) {}

    private final Rewriter rw;
    private final MethodDeclaration method;
    private final ParameterLengths lengths;

    ArrayReassignments(Rewriter rw, RowAliases rows, MethodDeclaration method) {
        this.rw = rw;
        this.method = method;
        this.lengths = new ParameterLengths(rw, rows, method);
    }

    static final String UNKNOWN_LENGTH =
            "the length of an array assigned is neither an expression of parameters (x.length, n)"
                    + " nor a row's (new double[X[i].length])";

    /** Why the last group looked at cannot be rewritten. */
    private String refusal = "";

    /**
     * Why {@code variable}, an array variable of {@code m} that desugaring left assigned again (or
     * a second name for an array that is), cannot be followed: for the fences' errors.
     */
    public static String why(MethodDeclaration m, String variable) {
        ArrayReassignments r = new ArrayReassignments(new Rewriter(m), new RowAliases(new Rewriter(m)), m);
        Map<String, Candidate> candidates = r.candidates();
        Candidate c = candidates.get(variable);
        if (c == null) {
            return r.lengths.isParameter(variable)
                    ? "only a 1-D double or float parameter is followed when assigned again, by statements"
                            + " of their own"
                    : "only a 1-D double or float local declared once, in a block, with its value, is followed when assigned again";
        }
        Set<NameExpr> sources = Collections.newSetFromMap(new IdentityHashMap<>());
        candidates.values().forEach(o -> o.sites().forEach(s -> sources.addAll(ArrayUses.names(s.value()))));
        return r.group(c, candidates, sources).isPresent() ? "" : r.refusal;
    }

    private String shown(String name) {
        return dev.adjoint.generator.parse.Positions.writtenName(method, name);
    } // (xf as written, not the inliner's xf0)

    private Optional<Group> refuse(String why) {
        refusal = why;
        return Optional.empty();
    }

    private String stillRead(String q, Candidate c, Site s) {
        return "'" + shown(q) + "' is still read after it is assigned to '" + shown(c.name()) + "' at line "
                + line(s.statement()) + ": the statements"
                + " after it in its block do not assign '" + q
                + "' anew (or, when they do not name it, do not end its scope) before"
                + " it is read or a break or continue leaves, so two names may hold one array, which the generated code does not follow";
    }

    private static int line(Node n) {
        return n == null ? 0 : n.getRange().map(r -> r.begin.line).orElse(0);
    }

    /** The first group that can be rewritten, or empty. */
    Optional<Group> find() {
        Map<String, Candidate> candidates = candidates();
        Set<NameExpr> sources = Collections.newSetFromMap(new IdentityHashMap<>());
        candidates.values().forEach(c -> c.sites().forEach(s -> sources.addAll(ArrayUses.names(s.value()))));
        for (Candidate c : candidates.values()) {
            Optional<Group> g = group(c, candidates, sources);
            if (g.isPresent()) {
                return g;
            }
        }
        return Optional.empty();
    }

    /**
     * The 1-D float/double locals declared once with a value, assigned again only by statements
     * {@code p = e;}, or declared as a second name for an array that is ({@code double[] t = cur;},
     * {@code double[] y = c ? u : v;}).
     */
    private Map<String, Candidate> candidates() {
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (VariableDeclarator d : method.findAll(VariableDeclarator.class)) {
            String name = d.getNameAsString();
            if (!(d.getType() instanceof ArrayType t)
                    || t.getArrayLevel() != 1
                    || !isFloating(t.getComponentType())
                    || d.getInitializer().isEmpty()
                    || lengths.declarations(name) != 1
                    || lengths.isParameter(name)
                    || !(d.getParentNode().orElse(null) instanceof VariableDeclarationExpr v)
                    || v.getVariables().size() != 1
                    || !(v.getParentNode().orElse(null) instanceof ExpressionStmt declaration)
                    || !(declaration.getParentNode().orElse(null) instanceof BlockStmt)) {
                continue;
            }
            List<Site> sites = new ArrayList<>(
                    List.of(new Site(declaration, d.getInitializer().get())));
            List<Expression> initial = ArrayUses.values(d.getInitializer().get());
            boolean alias = !initial.contains(null)
                    && initial.stream().noneMatch(ArrayUses::isRow)
                    && initial.stream().anyMatch(e -> e instanceof NameExpr);
            if (assignments(name, sites) && (sites.size() > 1 || alias)) {
                out.put(name, new Candidate(name, d.getType(), declaration, declaration, sites));
            }
        }
        for (Parameter p : method.getParameters()) {
            List<Site> sites = new ArrayList<>(List.of(new Site(null, new NameExpr(p.getNameAsString()))));
            if (p.getType() instanceof ArrayType t
                    && t.getArrayLevel() == 1
                    && isFloating(t.getComponentType())
                    && assignments(p.getNameAsString(), sites)
                    && sites.size() > 1) {
                out.put(p.getNameAsString(), new Candidate(p.getNameAsString(), p.getType(), p, null, sites));
            }
        }
        return out;
    }

    /** Adds the assignments of {@code name} to {@code sites}; false when one is not a statement {@code name = e;}. */
    private boolean assignments(String name, List<Site> sites) {
        for (AssignExpr a : method.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr n && n.getNameAsString().equals(name)) {
                if (a.getOperator() != AssignExpr.Operator.ASSIGN
                        || !(a.getParentNode().orElse(null) instanceof ExpressionStmt es)) {
                    return false;
                }
                sites.add(new Site(es, a.getValue()));
            }
        }
        return true;
    }

    /** The group of {@code first}, when each of its assignments hands its arrays over as the class comment says. */
    private Optional<Group> group(Candidate first, Map<String, Candidate> candidates, Set<NameExpr> sources) {
        List<Candidate> members = new ArrayList<>(List.of(first));
        for (int i = 0; i < members.size(); i++) {
            for (Site s : members.get(i).sites()) {
                for (Expression v : ArrayUses.values(s.value())) {
                    Candidate other = v instanceof NameExpr n ? candidates.get(n.getNameAsString()) : null;
                    if (other != null && !members.contains(other)) {
                        members.add(other);
                    }
                }
            }
        }
        Set<String> names =
                new java.util.HashSet<>(members.stream().map(Candidate::name).toList());
        for (Candidate c : candidates.values()) {
            if (!names.contains(c.name())
                    && c.sites().stream()
                            .anyMatch(s -> !Collections.disjoint(
                                    names,
                                    ArrayUses.names(s.value()).stream()
                                            .map(NameExpr::getNameAsString)
                                            .toList()))) {
                return refuse("'" + shown(c.name())
                        + "' takes one of these arrays too, where no group can follow both"); // one group with it
            }
        }
        List<Expression> fixed = new ArrayList<>();
        List<NameExpr> tables = new ArrayList<>();
        boolean given = false;
        for (Candidate c : members) {
            if (!ArrayUses.usedAsArrays(method, c.name(), sources)) {
                return refuse("'" + shown(c.name())
                        + "' is used whole (passed to a method, returned, compared, assigned to another array),"
                        + " which would see a copy where Java sees the array assigned");
            }
            for (Site s : c.sites()) {
                for (Expression v : ArrayUses.values(s.value())) {
                    if (v == null) {
                        return refuse("the value assigned to '" + shown(c.name()) + "' at line " + line(s.statement())
                                + " is not an array" + " variable, new " + c.element() + "[n] or c ? v : w of them");
                    }
                    if (ArrayUses.isRow(
                            v)) { // X[e] of a parameter nothing changes: the copy holds what the reference would see
                        if (!constantRow((ArrayAccessExpr) v, c, sources)) {
                            return refuse(
                                    "the row '" + v + "' assigned to '" + c.name() + "' is not one of a " + c.element()
                                            + "[][]"
                                            + " parameter the method never writes, assigns or passes whole, at an index without effects");
                        }
                        given = true;
                        tables.remove((NameExpr) ((ArrayAccessExpr) v).getName());
                        tables.add((NameExpr) ((ArrayAccessExpr) v).getName());
                        continue;
                    }
                    if (v instanceof ArrayCreationExpr creation) {
                        if (!lengths.length(creation, names, fixed, tables)) {
                            return refuse(UNKNOWN_LENGTH + " (" + creation + ")");
                        }
                        continue;
                    }
                    String q = ((NameExpr) v).getNameAsString();
                    if (lengths.isParameter(q)) {
                        given = true;
                        if (!(rw.typeOf(v).orElse(null) instanceof ArrayType t)
                                || !t.equals(c.type())
                                || RowAliases.assigned(method.getBody().get(), Set.of(q)) && !q.equals(c.name())
                                || !ArrayUses.usedAsArrays(method, q, sources)
                                || ArrayUses.written(method, q)) {
                            return refuse(
                                    q.equals(c.name())
                                            ? "parameter '" + shown(q)
                                                    + "' is written or used whole (passed to a method):"
                                                    + " until it is assigned again these are the caller's array, which a copy would not be"
                                            : "parameter '" + shown(q)
                                                    + "' is assigned, written, or used whole (passed to a method) while '"
                                                    + shown(c.name())
                                                    + "' may name it, so a copy would not see what Java's one array sees");
                        }
                        FieldAccessExpr length = new FieldAccessExpr(new NameExpr(q), "length");
                        v.getRange().ifPresent(r -> length.walk(x -> x.setRange(r)));
                        fixed.add(length);
                    } else if (names.contains(q)) {
                        if (q.equals(c.name()) || !ArrayUses.handedOver(q, s.statement())) {
                            return refuse(stillRead(q, c, s));
                        }
                    } else if (!(lengths.local(q).orElse(null) instanceof ArrayCreationExpr creation)
                            || !creation.getElementType().equals(c.element())) {
                        return refuse("'" + shown(q) + "', assigned to '" + shown(c.name()) + "' at line "
                                + line(s.statement()) + ", is neither a"
                                + " parameter nor a local created once with new " + c.element()
                                + "[n] and never assigned");
                    } else if (!ArrayUses.handedOver(q, s.statement())) {
                        return refuse(stillRead(q, c, s));
                    } else if (!lengths.length(creation, names, fixed, tables)) {
                        return refuse(UNKNOWN_LENGTH + " ('" + shown(q) + "')");
                    }
                }
            }
        }
        if (given && members.stream().anyMatch(c -> ArrayUses.written(method, c.name()))) {
            return refuse("an element of '"
                    + String.join(
                            "' or '", names.stream().map(this::shown).sorted().toList())
                    + "' is written while it may"
                    + " name a parameter, whose array the caller sees written (a copy would not be)");
        }
        boolean shared = tables.isEmpty() && !fixed.isEmpty() && fixed.stream().allMatch(f -> f.equals(fixed.get(0)));
        if (shared) {
            return Optional.of(new Group(members, Optional.of(fixed.get(0)), List.of(), List.of()));
        }
        if (members.size() != 1 || fixed.isEmpty() && tables.isEmpty()) {
            return refuse("the arrays "
                    + String.join(", ", names.stream().map(this::shown).sorted().toList())
                    + " pass between do not all have one"
                    + " length (the same expression of parameters): variables that assign each other must");
        }
        if (forEachAssigning(first)) {
            return refuse("a for-each over '" + shown(first.name())
                    + "' assigns it (Java iterates the array it started with)");
        }
        return Optional.of(new Group(members, Optional.empty(), dedupe(fixed), tables));
    }

    /** Whether {@code row}, {@code X[e]}, can be copied where assigned: X a 2-D parameter that never changes, e reading only. */
    private boolean constantRow(ArrayAccessExpr row, Candidate c, Set<NameExpr> sources) {
        String x = ((NameExpr) row.getName()).getNameAsString();
        return lengths.isParameter(x)
                && rw.typeOf(row.getName())
                        .filter(t -> t instanceof ArrayType a
                                && a.getArrayLevel() == 2
                                && a.getElementType().equals(c.element()))
                        .isPresent()
                && RaggedArrays.readsOnly(row.getIndex())
                && ArrayUses.usedAsArrays(method, x, sources)
                && ArrayUses.neverChanged(method, x);
    }

    /** Whether a for-each over {@code c} assigns it in its body (Java iterates the array it started with). */
    private static boolean forEachAssigning(Candidate c) {
        return c.sites().stream()
                .anyMatch(s -> s.statement() != null // a parameter's value on entry: no statement
                        && s.statement()
                                .findAncestor(ForEachStmt.class)
                                .filter(fe -> fe.getIterable() instanceof NameExpr n
                                        && n.getNameAsString().equals(c.name()))
                                .isPresent());
    }

    private static boolean isFloating(com.github.javaparser.ast.type.Type t) {
        return t.equals(PrimitiveType.doubleType()) || t.equals(PrimitiveType.floatType());
    }

    private static List<Expression> dedupe(List<Expression> xs) {
        List<Expression> out = new ArrayList<>();
        xs.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }
}
