package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.select.CompiledOverloads;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a call to a static method of the sources (another adjoint, or a constant), and
 * recognises the JDK's output calls, which every pass runs as written.
 */
public final class Calls {
    private static final Set<String> PRINT = Set.of("print", "println", "printf", "format");
    private static final Set<String> PRINT_STREAMS =
            Set.of("System.out", "System.err", "java.lang.System.out", "java.lang.System.err");
    private final Lowering lo;
    private final List<ImportDeclaration> imports;

    public Calls(Lowering lo) {
        this.lo = lo;
        this.imports = lo.request
                .declaration()
                .findCompilationUnit()
                .map(CompilationUnit::getImports)
                .map(List::copyOf)
                .orElse(List.of());
    }

    /** Whether {@code m} is a {@code java.lang.Math} call or {@code Adjoint.detach}. */
    public boolean isBuiltin(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        String name = m.getNameAsString();
        if (name.equals("detach") && (scope.equals("Adjoint") || scope.equals("dev.adjoint.Adjoint"))) {
            return true;
        }
        boolean math = DerivativeRules.isMathClass(scope) || (scope.isEmpty() && lo.request.importsMathMethod(name));
        return math && DerivativeRules.isMathFunction(name, m.getArguments().size());
    }

    /** Why a value-only call of a private method (its value copied into the adjoint, {@code throw bad(x)}) cannot be written. */
    public static String privateCall(MethodCallExpr m) {
        return "call to private method '" + m.getNameAsString()
                + "' is not supported here: the generated adjoint class, beside"
                + " the method's, cannot call a private method; make '" + m.getNameAsString() + "' package-private";
    }

    /** The source method {@code m} calls, if the sources declare it. */
    public Optional<MethodIndex.Entry> resolve(MethodCallExpr m) {
        if (isBuiltin(m)) {
            return Optional.empty();
        }
        String scope = m.getScope().map(Object::toString).orElse("");
        for (String owner : lo.index.candidateOwners(lo.request, scope, imports)) {
            List<MethodIndex.Entry> found = lo.index.lookup(owner, m.getNameAsString()).stream()
                    .filter(e -> e.arity() == m.getArguments().size())
                    .toList();
            if (found.size() > 1
                    && found.stream().allMatch(e -> lo.index.classpath().isCompiled(e.declaration()))) {
                // a compiled class's overloads: javac's choice by the arguments' types (the sources' go by arity alone)
                return CompiledOverloads.choose(
                        found, m.getArguments().stream().map(this::argumentType).toList());
            }
            if (!found.isEmpty()) {
                // overloads of one arity: by the arguments' types, as javac picks
                return found.size() == 1
                        ? Optional.of(found.get(0))
                        : MethodIndex.mostSpecific(
                                found,
                                m.getArguments().stream()
                                        .map(this::argumentType)
                                        .toList());
            }
        }
        return Optional.empty();
    }

    /**
     * The type of argument {@code a}, from the declarations of the method (a name declared with
     * one type only), then from the lowering's scope, so that every pass that resolves the call,
     * before or during lowering, types it alike.
     */
    private Optional<Ty> argumentType(com.github.javaparser.ast.expr.Expression a) {
        return new Types(
                        name -> {
                            java.util.Set<Optional<Ty>> declared = new java.util.HashSet<>();
                            lo.request.declaration().findAll(com.github.javaparser.ast.body.Parameter.class).stream()
                                    .filter(p -> p.getNameAsString().equals(name))
                                    .forEach(
                                            p -> declared.add(dev.adjoint.generator.select.ValueTypes.of(p.getType())));
                            lo
                                    .request
                                    .declaration()
                                    .findAll(com.github.javaparser.ast.body.VariableDeclarator.class)
                                    .stream()
                                    .filter(v -> v.getNameAsString().equals(name))
                                    .forEach(v -> declared.add(dev.adjoint.generator.select.ValueTypes.of(
                                            dev.adjoint.generator.select.ValueTypes.declaredType(v))));
                            return declared.size() == 1
                                            && declared.iterator().next().isPresent()
                                    ? declared.iterator().next()
                                    : lo.typeOfName(name);
                        },
                        this)
                .of(a);
    }

    /**
     * The type of {@code m} when it is a call on a {@code String} or enum value that touches no active
     * value ({@link dev.adjoint.generator.select.InactiveReceivers}): {@code s.charAt(i)}, {@code mode.ordinal()}.
     */
    public Optional<Ty> onInactiveReceiver(MethodCallExpr m) {
        return onInactiveReceiver(m, this::argumentType);
    }

    /** The same, typing the receiver and the arguments with {@code typeOf}. */
    Optional<Ty> onInactiveReceiver(
            MethodCallExpr m,
            java.util.function.Function<com.github.javaparser.ast.expr.Expression, Optional<Ty>> typeOf) {
        if (m.getScope().isEmpty() || isBuiltin(m)) {
            return Optional.empty();
        }
        Optional<Ty> receiver = typeOf.apply(m.getScope().get()).filter(Ty::isObject);
        if (receiver.isEmpty()) {
            return Optional.empty();
        }
        List<Ty> args = new java.util.ArrayList<>();
        for (com.github.javaparser.ast.expr.Expression a : m.getArguments()) {
            Optional<Ty> t = typeOf.apply(a);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            args.add(t.get());
        }
        return dev.adjoint.generator.select.InactiveReceivers.resultType(receiver.get(), m.getNameAsString(), args);
    }

    /** The enum whose constant {@code f} reads ({@code Mode.FAST}), as a type. */
    public Optional<Ty> enumConstant(com.github.javaparser.ast.expr.FieldAccessExpr f) {
        return lo.request
                .declaration()
                .findCompilationUnit()
                .flatMap(u -> dev.adjoint.generator.select.ClassNames.enumConstant(f, u))
                .map(Ty::enumOf);
    }

    /** The {@code @Differentiable} method {@code m} calls, if it calls one. */
    public Optional<MethodRequest> differentiableCallee(MethodCallExpr m) {
        return resolve(m).flatMap(MethodIndex.Entry::differentiable);
    }

    /** Whether {@code from} calls {@code to}, directly or through other {@code @Differentiable} methods. */
    boolean reaches(MethodRequest from, MethodRequest to) {
        java.util.Set<MethodRequest> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Deque<MethodRequest> work = new java.util.ArrayDeque<>();
        work.push(from);
        while (!work.isEmpty()) {
            MethodRequest r = work.pop();
            if (r.declaration() == to.declaration()) { // (a callee's wrt variant is the callee)
                return true;
            }
            if (!seen.add(r)) {
                continue;
            }
            Calls inner = r == lo.request ? this : new Calls(new Lowering(r, lo.index));
            for (MethodCallExpr m : r.declaration().findAll(MethodCallExpr.class)) {
                inner.differentiableCallee(m).ifPresent(work::push);
            }
        }
        return false;
    }

    /** The result type of a call to a source method, for typing. */
    Optional<Ty> resultType(MethodCallExpr m) {
        Optional<MethodIndex.Entry> e = resolve(m);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (e.get().differentiable().isPresent()) {
            return Optional.of(e.get().differentiable().get().result());
        }
        // a plain method counts only when its result cannot carry a derivative
        return e.get().result().filter(t -> !t.isFloating());
    }

    /** {@code System.out.println(...)} and its relatives as a statement: output only, run as written. */
    public static boolean isPrint(MethodCallExpr m) {
        return isOutput(m)
                && m.getParentNode().filter(p -> p instanceof ExpressionStmt).isPresent();
    }

    /**
     * {@code String.format(...)} making the message of a {@code throw}'s exception, of an
     * {@code assert} or of an output or logging statement: text, run where Java runs it (in the forward sweep, from the values it reads),
     * which nothing differentiates.
     */
    public static boolean isMessageFormat(MethodCallExpr m) {
        return isStringFormat(m)
                && (m.findAncestor(com.github.javaparser.ast.stmt.ThrowStmt.class)
                                .isPresent()
                        || m.findAncestor(MethodCallExpr.class, Calls::isPrint).isPresent()
                        || m.findAncestor(com.github.javaparser.ast.stmt.AssertStmt.class)
                                .flatMap(com.github.javaparser.ast.stmt.AssertStmt::getMessage)
                                .filter(msg -> msg == m || msg.isAncestorOf(m))
                                .isPresent());
    }

    /**
     * {@code String.format(...)} wherever it stands: the passive text of a statement, which may be a
     * copy outside the method's tree (the fence has allowed it only in a message, {@link #isMessageFormat}).
     */
    public static boolean isStringFormat(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        return m.getNameAsString().equals("format") && (scope.equals("String") || scope.equals("java.lang.String"));
    }

    /**
     * A JDK method that only turns values into text ({@code Arrays.toString(x)}, {@code String.valueOf(v)},
     * {@code Double.toString(v)}): passive wherever a {@code String} may stand, run as written.
     */
    public static boolean isText(MethodCallExpr m) {
        String scope = m.getScope().map(Object::toString).orElse("");
        String name = m.getNameAsString();
        return switch (scope) {
            case "Arrays", "java.util.Arrays" -> name.equals("toString") || name.equals("deepToString");
            case "String", "java.lang.String" -> name.equals("valueOf");
            case "Double", "Float", "Integer", "Long", "Boolean" -> name.equals("toString");
            default -> false;
        };
    }

    /** {@link #isText} as the generated class spells it, which imports nothing: {@code java.util.Arrays.toString(x)}. */
    public static void qualifyText(MethodCallExpr m) {
        if (m.getScope().filter(s -> s.toString().equals("Arrays")).isPresent()) {
            m.setScope(new com.github.javaparser.ast.expr.FieldAccessExpr(
                    new com.github.javaparser.ast.expr.FieldAccessExpr(
                            new com.github.javaparser.ast.expr.NameExpr("java"), "util"),
                    "Arrays"));
        }
    }

    /** {@code System.out.println(...)} and its relatives, and logging ({@link #isLog}), wherever they stand. */
    public static boolean isOutput(MethodCallExpr m) {
        return PRINT.contains(m.getNameAsString())
                        && m.getScope()
                                .map(Object::toString)
                                .filter(PRINT_STREAMS::contains)
                                .isPresent()
                || isLog(m);
    }

    /** The level methods of {@code java.util.logging}, SLF4J and Log4j 2 loggers, which only write a message. */
    public static final Set<String> LOG_LEVELS =
            Set.of("severe", "warning", "info", "config", "fine", "finer", "finest", "trace", "debug", "warn", "error");

    /** The classes whose {@code getLogger} makes a logger, as {@code desugar/LoggerCalls} writes them. */
    private static final Set<String> LOGGER_FACTORIES =
            Set.of("java.util.logging.Logger", "org.slf4j.LoggerFactory", "org.apache.logging.log4j.LogManager");

    /**
     * A level method called on a logger's lookup
     * ({@code java.util.logging.Logger.getLogger(p.Model.class.getName()).fine(...)}), which
     * {@code desugar/LoggerCalls} writes for a logger field: output only.
     */
    public static boolean isLog(MethodCallExpr m) {
        boolean level =
                LOG_LEVELS.contains(m.getNameAsString()) || m.getNameAsString().equals("log") && javaUtilLogging(m);
        return level && m.getScope().orElse(null) instanceof MethodCallExpr lookup && isLoggerLookup(lookup);
    }

    /** Whether a logger is enabled for a level: SLF4J's and Log4j's {@code isDebugEnabled()}, {@code java.util.logging}'s {@code isLoggable}. */
    public static final Set<String> LOG_CHECKS = Set.of(
            "isTraceEnabled", "isDebugEnabled", "isInfoEnabled", "isWarnEnabled", "isErrorEnabled", "isLoggable");

    /** Such a check on a logger's lookup: a {@code boolean} without derivative. */
    public static boolean isLogCheck(MethodCallExpr m) {
        boolean check = m.getNameAsString().equals("isLoggable")
                ? javaUtilLogging(m) && m.getArguments().size() == 1
                : LOG_CHECKS.contains(m.getNameAsString()) && m.getArguments().isEmpty();
        return check && m.getScope().orElse(null) instanceof MethodCallExpr lookup && isLoggerLookup(lookup);
    }

    /** {@code java.util.logging.Level.FINE} and the other levels, as {@code desugar/LoggerCalls} writes them. */
    public static boolean isLogLevel(com.github.javaparser.ast.expr.FieldAccessExpr f) {
        return f.getScope().toString().equals("java.util.logging.Level")
                && Set.of("SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST", "ALL", "OFF")
                        .contains(f.getNameAsString());
    }

    private static boolean javaUtilLogging(MethodCallExpr m) {
        return m.getScope()
                .filter(s -> s instanceof MethodCallExpr lookup
                        && lookup.getScope()
                                .map(Object::toString)
                                .filter("java.util.logging.Logger"::equals)
                                .isPresent())
                .isPresent();
    }

    /** {@code java.util.logging.Logger.getLogger(name)} and its relatives. */
    private static boolean isLoggerLookup(MethodCallExpr m) {
        return m.getNameAsString().equals("getLogger")
                && m.getArguments().size() == 1
                && m.getScope()
                        .map(Object::toString)
                        .filter(LOGGER_FACTORIES::contains)
                        .isPresent();
    }

    /** A call in a logger's lookup ({@code getLogger}, the {@code getName()} of its class literal): not the method's. */
    public static boolean inLoggerLookup(MethodCallExpr m) {
        for (Node at = m; at != null; at = at.getParentNode().orElse(null)) {
            if (at instanceof MethodCallExpr c && isLoggerLookup(c)) {
                return true;
            }
        }
        return false;
    }
}
