package dev.adjoint.generator.objects;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Calls of a record's or a value class's own methods on a variable of the differentiated method
 * ({@code v.norm()}, {@code a.plus(b)}, {@code sf.memFn(i, j)}), replaced by the method's one
 * expression, so that the passes after it see what they already handle: component reads
 * ({@code v.x()}, {@code sf.x}) of a local object or a record parameter, and new records.
 *
 * <pre>
 * record Vec(double x, double y) { double dot(Vec o) { return x * o.x() + y * o.y(); } }
 * s = a.dot(b);                       s = ((double) (a.x() * b.x() + a.y() * b.y()));
 * </pre>
 *
 * A method is replaced when its body is {@code return e;}, or local declarations, {@code if}s and
 * {@code return}s that {@link BodyExpressions} turns into one such {@code e}, and {@code e} has no
 * effect (no assignment, no {@code ++}/{@code --}, no lambda), names only its parameters, the type's fields
 * or components, its static members and other types, and calls only {@code Math}-like static
 * methods, static methods of the type and the type's own methods (replaced in turn); each
 * argument must have no effect either (it may then be read twice or not at all, with the same
 * value). A primitive parameter stands as its argument cast to the parameter's type, and the
 * expression as cast to the method's result type, so that Java's conversions are those of the
 * call ({@code int} arguments to a {@code double} parameter, an {@code int} result widened). The
 * replacement stands at the call's position. A call this class cannot replace is left as written,
 * for the later passes' errors (which say what is supported). {@link CallerTerms} writes the
 * expression in the caller's terms.
 */
final class ValueMethods {
    /** Rounds of replacement at most: a method may call the type's other methods, which are replaced next. */
    private static final int ROUNDS = 16;

    private final String packageName;
    private final MethodDeclaration method;
    private final RecordTypes records;
    /** The types each name of the method's parameters and variables is declared with (var: the created type). */
    private final Map<String, List<Type>> declarations = new java.util.HashMap<>();

    private ValueMethods(String packageName, MethodDeclaration method, RecordTypes records) {
        this.packageName = packageName;
        this.method = method;
        this.records = records;
        // (the rounds replace calls by expressions and declare nothing: once is enough)
        method.getParameters()
                .forEach(p -> declarations
                        .computeIfAbsent(p.getNameAsString(), k -> new ArrayList<>())
                        .add(p.getType()));
        for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
            Type t = v.getType().isVarType() && v.getInitializer().orElse(null) instanceof ObjectCreationExpr o
                    ? o.getType()
                    : v.getType();
            declarations
                    .computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>())
                    .add(t);
        }
    }

    /** Replaces, in place, the calls of {@code m} this class can replace. Reports nothing: returns {@code false}. */
    static boolean inline(String packageName, MethodDeclaration m, RecordTypes records) {
        ValueMethods v = new ValueMethods(packageName, m, records);
        for (int round = 0; round < ROUNDS && v.replaceOnce(); round++) {
            // each round replaces the calls the previous one brought in
        }
        return false;
    }

    private boolean replaceOnce() {
        boolean any = false;
        for (Expression e : method.findAll(Expression.class)) {
            if (!e.isDescendantOf(method)) {
                continue; // under a node already replaced
            }
            Optional<Expression> by = Optional.empty();
            if (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
                by = call.getArguments().isEmpty()
                        ? componentOfNew(call.getScope().get(), call.getNameAsString(), false)
                        : Optional.empty();
                if (by.isEmpty()) {
                    by = replacement(call.getScope().get(), call);
                }
            } else if (e instanceof FieldAccessExpr f) {
                by = componentOfNew(f.getScope(), f.getNameAsString(), true);
            }
            if (by.isPresent()) {
                Expression placed = by.get();
                placed.walk(n -> e.getRange().ifPresent(n::setRange));
                e.replace(placed);
                any = true;
            }
        }
        return any;
    }

    /**
     * {@code new Vec(a, b).x()} as {@code a} (and {@code new State(a, b).v} as {@code b}), when the
     * arguments have no effect: what a replaced method's {@code new} gives a caller reading it.
     */
    private Optional<Expression> componentOfNew(Expression scope, String name, boolean field) {
        if (!(scope instanceof ObjectCreationExpr o)
                || o.getAnonymousClassBody().isPresent()
                || o.getScope().isPresent()
                || o.getArguments().stream().anyMatch(a -> !hasNoEffect(a))) {
            return Optional.empty();
        }
        Optional<ValueTypes.ValueType> value = records.resolve(o.getType(), packageName)
                .map(f -> ValueTypes.of(f.declaration()))
                .filter(v -> !field
                        && v.declaration() instanceof RecordDeclaration r
                        && r.getMethodsByName(name).isEmpty());
        if (value.isEmpty() && field && records.isPlainClass(o.getType(), packageName)) {
            value = records.resolveClass(o.getType(), packageName)
                    .map(c -> ValueTypes.of(c.declaration()).type());
        }
        int index = value.map(v -> v.indexOf(name)).orElse(-1);
        if (index < 0 || index >= o.getArguments().size()) {
            return Optional.empty();
        }
        Type type = value.get().types().get(index);
        Expression a = o.getArgument(index).clone();
        return Optional.of(
                convertsTo(type) && !hasType(a, type)
                        ? new EnclosedExpr(new CastExpr(type.clone(), new EnclosedExpr(a)))
                        : grouped(a));
    }

    /** The expression standing for {@code call} on {@code receiver}, if its callee and arguments allow it. */
    private Optional<Expression> replacement(Expression receiver, MethodCallExpr call) {
        Optional<Type> declared = receiver instanceof NameExpr n
                ? declaredType(n.getNameAsString())
                // an element of an array of records or objects (components[c].logPdf(x)): reads its components,
                // components[c].mean()
                : receiver instanceof ArrayAccessExpr a
                                && a.getName() instanceof NameExpr n
                                && hasNoEffect(a.getIndex())
                        ? declaredType(n.getNameAsString() + "[]")
                        : receiver instanceof ObjectCreationExpr o
                                        && o.getAnonymousClassBody().isEmpty()
                                        && o.getScope().isEmpty()
                                        && o.getArguments().stream().allMatch(ValueMethods::hasNoEffect)
                                ? Optional.of(o.getType())
                                : Optional.empty();
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Optional<? extends TypeDeclaration<?>> type =
                records.resolve(declared.get(), packageName).map(f -> f.declaration());
        if (type.isEmpty() && records.isPlainClass(declared.get(), packageName)) {
            type = records.resolveClass(declared.get(), packageName).map(f -> f.declaration());
        }
        if (type.isEmpty()) {
            return Optional.empty();
        }
        TypeDeclaration<?> owner = type.get();
        List<MethodDeclaration> found = owner.getMethodsByName(call.getNameAsString()).stream()
                .filter(d -> d.getParameters().size() == call.getArguments().size() && !d.isStatic())
                .toList();
        boolean accessor = owner instanceof RecordDeclaration r
                && call.getArguments().isEmpty()
                && r.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(call.getNameAsString()));
        if (found.size() != 1
                || owner.getMethodsByName(call.getNameAsString()).size() != 1
                || accessor
                || call.getArguments().stream().anyMatch(a -> !hasNoEffect(a))) {
            return Optional.empty(); // (an accessor the record declares itself is reported later)
        }
        MethodDeclaration callee = found.get(0);
        if (owner instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c
                && (c.isInterface()
                        || (!c.isFinal() && !callee.isFinal() && !callee.isPrivate() && !createdHere(receiver)))) {
            return Optional
                    .empty(); // the object may be of a subclass that overrides the method: Java's call dispatches
        }
        Map<String, String> calleeTypes = new TreeMap<>(); // what the callee's names are declared as
        owner.getFields()
                .forEach(f -> f.getVariables()
                        .forEach(v ->
                                calleeTypes.put(v.getNameAsString(), v.getType().asString())));
        if (owner instanceof RecordDeclaration r) {
            r.getParameters()
                    .forEach(p ->
                            calleeTypes.put(p.getNameAsString(), p.getType().asString()));
        }
        callee.getParameters()
                .forEach(p -> calleeTypes.put(p.getNameAsString(), p.getType().asString()));
        Function<String, Optional<String>> calleeNames = n -> Optional.ofNullable(calleeTypes.get(n));
        Function<MethodCallExpr, Optional<String>> calleeCalls =
                c -> c.getScope().filter(s -> !(s instanceof ThisExpr)).isPresent()
                        ? Optional.empty()
                        : Optional.of(owner.getMethodsByName(c.getNameAsString()))
                                .filter(ms -> ms.size() == 1)
                                .map(ms -> ms.get(0).getType())
                                .filter(Type::isPrimitiveType)
                                .map(Type::asString);
        Optional<Expression> returned = callee.getBody().flatMap(b -> BodyExpressions.of(b, calleeNames, calleeCalls));
        if (returned.isEmpty() || !callee.getTypeParameters().isEmpty()) {
            return Optional.empty();
        }
        boolean resultConverts = convertsTo(callee.getType())
                && !PrimitiveTypes.of(returned.get(), calleeNames, calleeCalls)
                        .equals(Optional.of(callee.getType().asString()));
        Map<String, Expression> arguments = new TreeMap<>();
        Set<String> ownType = new TreeSet<>(); // the parameters of the callee's own type
        callee.getParameters().stream()
                .filter(p -> p.getType() instanceof ClassOrInterfaceType c
                        && c.getNameAsString().equals(owner.getNameAsString()))
                .forEach(p -> ownType.add(p.getNameAsString()));
        for (int i = 0; i < callee.getParameters().size(); i++) {
            Parameter p = callee.getParameter(i);
            Expression a = call.getArgument(i).clone();
            arguments.put(
                    p.getNameAsString(),
                    convertsTo(p.getType()) && !hasType(a, p.getType())
                            ? new EnclosedExpr(new CastExpr(p.getType().clone(), new EnclosedExpr(a)))
                            : grouped(a));
        }
        EnclosedExpr holder = new EnclosedExpr(returned.get().clone()); // (the expression itself may be replaced)
        if (!CallerTerms.rewrite(holder, owner, receiver, declared.get(), arguments, ownType, this::hasType)) {
            return Optional.empty();
        }
        Expression e = holder.getInner();
        return Optional.of(
                resultConverts
                        ? new EnclosedExpr(new CastExpr(callee.getType().clone(), new EnclosedExpr(e)))
                        : grouped(e));
    }

    /**
     * Whether a value converted to {@code t} may compute differently from the value itself: an
     * {@code int} argument to a {@code long}, {@code float} or {@code double} parameter (integer
     * division, overflow), a {@code float} one to a {@code double} (rounding). An {@code int} (or
     * narrower) parameter computes as its argument does: Java promotes both to {@code int}.
     */
    static boolean convertsTo(Type t) {
        return t.isPrimitiveType()
                && switch (t.asPrimitiveType().getType()) {
                    case LONG, FLOAT, DOUBLE -> true;
                    default -> false;
                };
    }

    /** Whether {@code a} plainly has type {@code t} (see {@link PrimitiveTypes}), read in the differentiated method. */
    private boolean hasType(Expression a, Type t) {
        return PrimitiveTypes.of(a, this::declaredPrimitive).equals(Optional.of(t.asString()));
    }

    /** The primitive type the method's parameters and variables named {@code name} are all declared with, if they agree. */
    private Optional<String> declaredPrimitive(String name) {
        Set<String> types = new TreeSet<>();
        declarations.getOrDefault(name, List.of()).forEach(x -> types.add(x.asString()));
        return types.size() == 1 ? Optional.of(types.iterator().next()) : Optional.empty();
    }

    /** {@code e}, in parentheses unless it is a primary expression (a name, a literal, a call, an access). */
    static Expression grouped(Expression e) {
        boolean primary = e instanceof NameExpr
                || e instanceof com.github.javaparser.ast.expr.LiteralExpr
                || e instanceof MethodCallExpr
                || e instanceof FieldAccessExpr
                || e instanceof com.github.javaparser.ast.expr.ArrayAccessExpr
                || e instanceof EnclosedExpr
                || e instanceof ObjectCreationExpr;
        return primary ? e : new EnclosedExpr(e);
    }

    /**
     * Whether evaluating the argument {@code e} changes nothing and gives the same value each time,
     * so that it may be read twice or not at all: no assignment, update, lambda or switch, objects
     * created only of named types (a record's value is its components), and calls only of {@code Math}'s and {@code StrictMath}'s functions and of
     * zero-argument methods of variables and of such calls (accessors, p.t().x(), which later passes check).
     */
    private static boolean hasNoEffect(Expression e) {
        if (!BodyExpressions.updatesNothing(e)) {
            return false;
        }
        for (MethodCallExpr c : e.findAll(MethodCallExpr.class)) {
            boolean math = c.getScope()
                    .filter(s -> s instanceof NameExpr n
                            && (n.getNameAsString().equals("Math")
                                    || n.getNameAsString().equals("StrictMath")))
                    .isPresent();
            boolean accessor = c.getArguments().isEmpty()
                    && c.getScope()
                            .filter(s -> s instanceof NameExpr
                                    || s instanceof MethodCallExpr inner
                                            && inner.getArguments().isEmpty()) // (p.t().x(): checked as a call too)
                            .isPresent();
            if (!math && !accessor) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code receiver} is an object whose class is the one named: a {@code new} one, or a
     * local (a differentiated method's local objects are each created there with {@code new}, see
     * {@link LocalRecords}), not a parameter, which may hold an object of a subclass.
     */
    private boolean createdHere(Expression receiver) {
        return receiver instanceof ObjectCreationExpr
                || receiver instanceof NameExpr n
                        && method.getParameters().stream()
                                .noneMatch(p -> p.getNameAsString().equals(n.getNameAsString()));
    }

    /** The declared type of the method's variable or parameter {@code name}, when every declaration of that name agrees. */
    private Optional<Type> declaredType(String name) {
        boolean element = name.endsWith("[]"); // (the element type of a 1-D array variable)
        List<Type> types =
                declarations.getOrDefault(element ? name.substring(0, name.length() - 2) : name, List.of()).stream()
                        .map(t -> !element
                                ? t
                                : t instanceof com.github.javaparser.ast.type.ArrayType a && a.getArrayLevel() == 1
                                        ? a.getComponentType()
                                        : null)
                        .toList();
        if (types.contains(null)) {
            return Optional.empty();
        }
        if (types.isEmpty() || types.stream().anyMatch(x -> !x.equals(types.get(0)))) {
            return Optional.empty();
        }
        return Optional.of(types.get(0))
                .filter(x -> x instanceof ClassOrInterfaceType c
                        && c.getTypeArguments().isEmpty());
    }
}
