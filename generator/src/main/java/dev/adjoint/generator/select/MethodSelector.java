package dev.adjoint.generator.select;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the {@code @Differentiable} methods of a compilation unit and makes each well-formed one a
 * {@link MethodRequest}: with the constants of its classes its adjoint can read. Whether a
 * declaration is well formed is {@link DeclarationChecks}' part.
 */
public final class MethodSelector {
    private static final String ANNOTATION = "Differentiable";
    private static final String QUALIFIED = "dev.adjoint.Differentiable";
    private static final String CUSTOM = "CustomDerivative";
    /** The package of Adjoint's annotations, as a prefix. */
    private static final String RUNTIME = "dev.adjoint.";

    private final Path file;
    private final CompilationUnit unit;
    private final List<MethodRequest> requests = new ArrayList<>();
    private final List<MethodRequest> customs = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private MethodSelector(Path file, CompilationUnit unit) {
        this.file = file;
        this.unit = unit;
    }

    /**
     * The outcome: requests for the well-formed methods, diagnostics for the others.
     *
     * @param customs methods with a {@code @CustomDerivative}, as their callers see them
     */
    public record Selection(List<MethodRequest> requests, List<Diagnostic> diagnostics, List<MethodRequest> customs) {
        public Selection(List<MethodRequest> requests, List<Diagnostic> diagnostics) {
            this(requests, diagnostics, List.of());
        }
    }

    /** Selects the annotated methods of {@code unit}. */
    public static Selection select(Path file, CompilationUnit unit) {
        return select(file, unit, Set.of());
    }

    /**
     * As {@link #select(Path, CompilationUnit)}, with each method of {@code implicit} (plain
     * methods that annotated ones call, see {@link ImplicitCallees}) selected as if it were
     * annotated {@code @Differentiable} without attributes.
     */
    public static Selection select(Path file, CompilationUnit unit, Set<MethodDeclaration> implicit) {
        MethodSelector s = new MethodSelector(file, unit);
        s.implicit = implicit;
        for (TypeDeclaration<?> t : unit.getTypes()) {
            s.visitType(t, List.of(), true);
        }
        List<MethodRequest> named = AdjointNames.assign(s.requests, s.diagnostics);
        return new Selection(named, List.copyOf(s.diagnostics), List.copyOf(s.customs));
    }

    /** Whether {@code a} is the {@code @Differentiable} annotation. */
    public static boolean isDifferentiable(AnnotationExpr a) {
        String n = a.getNameAsString();
        return n.equals(ANNOTATION) || n.equals(QUALIFIED);
    }

    private final List<TypeDeclaration<?>> enclosing = new ArrayList<>();
    private Set<MethodDeclaration> implicit = Set.of();

    private void visitType(TypeDeclaration<?> type, List<String> outer, boolean reachable) {
        List<String> path = new ArrayList<>(outer);
        path.add(type.getNameAsString());
        enclosing.add(type);
        try {
            visitMembers(type, outer, path, reachable);
        } finally {
            enclosing.remove(enclosing.size() - 1);
        }
    }

    private void visitMembers(TypeDeclaration<?> type, List<String> outer, List<String> path, boolean reachable) {
        boolean nestedInstance = !outer.isEmpty()
                && !type.isStatic()
                && !(type instanceof ClassOrInterfaceDeclaration c && c.isInterface())
                && !type.isEnumDeclaration()
                && !type.isRecordDeclaration()
                // a member of an interface is implicitly static
                && !(enclosing.size() > 1
                        && enclosing.get(enclosing.size() - 2) instanceof ClassOrInterfaceDeclaration e
                        && e.isInterface());
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof MethodDeclaration m) {
                Optional<AnnotationExpr> ann =
                        m.getAnnotations().stream().filter(this::isAdjoints).findFirst();
                if (ann.isPresent()) {
                    checkMethod(type, m, ann.get(), path, reachable && !nestedInstance);
                } else if (implicit.contains(m)) {
                    checkMethod(
                            type,
                            m,
                            new com.github.javaparser.ast.expr.MarkerAnnotationExpr(QUALIFIED),
                            path,
                            reachable && !nestedInstance);
                }
                m.getAnnotations().stream()
                        .filter(a -> isAdjoints(a, CUSTOM))
                        .findFirst()
                        .ifPresent(a -> {
                            if (!a.getNameAsString().equals(RUNTIME + CUSTOM)
                                    && !bareNameIsImported(CUSTOM).orElse(true)) {
                                error(
                                        a,
                                        "@" + CUSTOM + " is not imported: add 'import " + RUNTIME + CUSTOM
                                                + ";' (the annotation lives in" + " adjoint-runtime)");
                                return;
                            }
                            CustomDerivatives.check(
                                            file, packageName(), type, m, a, path, mathStaticImports(), diagnostics)
                                    .ifPresent(customs::add);
                        });
            } else if (member instanceof TypeDeclaration<?> nested) {
                visitType(nested, path, reachable && !nestedInstance);
            }
        }
        // local and anonymous classes are not reachable by name: report their annotated methods
        type.findAll(MethodDeclaration.class).stream()
                .filter(m ->
                        m.getParentNode().isPresent() && !(m.getParentNode().get() instanceof TypeDeclaration<?>))
                .filter(m -> m.getAnnotations().stream().anyMatch(this::isAdjoints))
                .forEach(m -> error(
                        m,
                        "@Differentiable on a method of an anonymous class: the generated adjoint cannot name it;"
                                + " move the method to a top-level or static nested class"));
    }

    private void checkMethod(
            TypeDeclaration<?> owner, MethodDeclaration m, AnnotationExpr ann, List<String> path, boolean reachable) {
        boolean imported = ann.getNameAsString().equals(QUALIFIED)
                || bareNameIsImported(ANNOTATION).orElse(true);
        Optional<DeclarationChecks.Declared> declared =
                new DeclarationChecks(file, diagnostics).check(owner, m, ann, path, reachable, imported);
        if (declared.isEmpty()) {
            return;
        }
        // fields of the owner shadow those of enclosing classes, as in Java
        Map<String, Ty> fields = new TreeMap<>();
        Map<String, String> fieldOwners = new TreeMap<>();
        Set<String> hidden = new TreeSet<>();
        for (int i = 0; i < enclosing.size(); i++) {
            String qualifier = String.join(".", path.subList(0, i + 1));
            OwnerConstants.of(enclosing.get(i), qualifier, file, String.join("_", path) + "Adjoint")
                    .forEach((f, c) -> {
                        if (c.text() == null) {
                            hidden.add(f);
                            fields.remove(f);
                            fieldOwners.remove(f);
                        } else {
                            hidden.remove(f);
                            fields.put(f, c.type());
                            fieldOwners.put(f, c.text());
                        }
                    });
        }
        if (!checkHiddenConstantReads(m, path, hidden)) {
            return;
        }
        Set<String> members = new TreeSet<>();
        enclosing.forEach(t -> t.getMethods().forEach(d -> members.add(d.getNameAsString())));
        requests.add(new MethodRequest(
                        file,
                        unit.getPackageDeclaration()
                                .map(pd -> pd.getNameAsString())
                                .orElse(""),
                        path,
                        m.getNameAsString(),
                        declared.get().params(),
                        declared.get().result(),
                        declared.get().strategy(),
                        m.isPublic(),
                        m,
                        mathStaticImports(),
                        fields,
                        fieldOwners)
                .withMemberMethodNames(members));
    }

    /**
     * Whether a bare annotation {@code @simple} ({@code @Differentiable}, {@code @CustomDerivative})
     * of this file names Adjoint's, as javac resolves it: a single-type import of another
     * annotation of that name makes it that one (not ours to read, empty); otherwise it is Adjoint's
     * when imported (by name or with {@code dev.adjoint.*}) or in package {@code dev.adjoint}, and
     * an error when not imported. A fully qualified {@code @dev.adjoint.Differentiable} is always
     * Adjoint's and imports nothing for the other annotations of the file.
     */
    private Optional<Boolean> bareNameIsImported(String simple) {
        String pkg =
                unit.getPackageDeclaration().map(pd -> pd.getNameAsString()).orElse("");
        boolean onDemand = pkg.equals("dev.adjoint");
        for (ImportDeclaration i : unit.getImports()) {
            String n = i.getNameAsString();
            if (i.isStatic()) {
                continue;
            }
            if (!i.isAsterisk() && i.getName().getIdentifier().equals(simple)) {
                return n.equals(RUNTIME + simple) ? Optional.of(true) : Optional.empty();
            }
            onDemand |= i.isAsterisk() && n.equals("dev.adjoint");
        }
        return Optional.of(onDemand);
    }

    /** Whether {@code a} is Adjoint's {@code @Differentiable} (imported or not), not another annotation of that name. */
    private boolean isAdjoints(AnnotationExpr a) {
        return isAdjoints(a, ANNOTATION);
    }

    /**
     * Whether {@code a} is Adjoint's annotation {@code simple} ({@code Differentiable},
     * {@code CustomDerivative}), imported or not, rather than another annotation of that name: as
     * {@link #bareNameIsImported} resolves a bare name.
     */
    private boolean isAdjoints(AnnotationExpr a, String simple) {
        String n = a.getNameAsString();
        return n.equals(RUNTIME + simple)
                || (n.equals(simple) && bareNameIsImported(simple).isPresent());
    }

    private Set<String> mathStaticImports() {
        Set<String> names = new TreeSet<>();
        for (ImportDeclaration i : unit.getImports()) {
            if (!i.isStatic()) {
                continue;
            }
            String n = i.getNameAsString();
            if (i.isAsterisk() && (n.equals("java.lang.Math") || n.equals("Math"))) {
                names.add("*");
            } else if (!i.isAsterisk() && n.startsWith("java.lang.Math.")) {
                names.add(n.substring("java.lang.Math.".length()));
            }
        }
        return names;
    }

    /** A constant the generated code can use: its type and the Java text that reads it there ({@code null}: it cannot). */
    /**
     * Reports each read in {@code m}, as {@code K} or {@code Owner.K}, of a constant in
     * {@code hidden}; whether there was none.
     */
    private boolean checkHiddenConstantReads(MethodDeclaration m, List<String> path, Set<String> hidden) {
        if (hidden.isEmpty()) {
            return true;
        }
        Set<String> variables = new TreeSet<>();
        m.getParameters().forEach(p -> variables.add(p.getNameAsString()));
        m.findAll(com.github.javaparser.ast.body.VariableDeclarator.class)
                .forEach(v -> variables.add(v.getNameAsString()));
        int before = diagnostics.size();
        for (Expression e : m.findAll(Expression.class)) {
            String field = null;
            if (e instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                    && f.getScope() instanceof com.github.javaparser.ast.expr.NameExpr s
                    && path.contains(s.getNameAsString())) {
                field = f.getNameAsString();
            } else if (e instanceof com.github.javaparser.ast.expr.NameExpr n
                    && !variables.contains(n.getNameAsString())
                    && !(n.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.FieldAccessExpr)) {
                field = n.getNameAsString();
            }
            if (field != null && hidden.contains(field)) {
                error(
                        e,
                        "'" + e + "' reads a static field the generated " + String.join("_", path)
                                + "Adjoint class cannot"
                                + " read (it is private, or its class is not the one its file is named after) and that is not a final"
                                + " number with a literal initializer, nor a final table of literals that its file only reads, which Adjoint"
                                + " could copy; make the field package-private");
            }
        }
        return diagnostics.size() == before;
    }

    public static List<MemberValuePair> annotationPairs(AnnotationExpr ann) {
        if (ann instanceof NormalAnnotationExpr n) {
            return n.getPairs();
        }
        if (ann instanceof SingleMemberAnnotationExpr s) {
            return List.of(new MemberValuePair("wrt", s.getMemberValue()));
        }
        return List.of();
    }

    /** The string literals of an annotation attribute's value: one, or an array of them. */
    public static List<String> strings(Expression e) {
        List<String> out = new ArrayList<>();
        if (e instanceof StringLiteralExpr s) {
            out.add(s.getValue());
        } else if (e instanceof ArrayInitializerExpr a) {
            a.getValues().forEach(v -> out.addAll(strings(v)));
        }
        return out;
    }

    /** The generator's type for a Java type, if it is one the generator supports (arrays of at most two dimensions). */
    public static Optional<Ty> toTy(Type t) {
        return toTy(t, 2);
    }

    /** The generator's type for a Java type of at most {@code maxDims} dimensions (3 for parameters: an MLP's {@code W[l][i][j]}). */
    public static Optional<Ty> toTy(Type t, int maxDims) {
        int dims = t.getArrayLevel();
        String base = t.getElementType().asString();
        Ty.Prim prim = switch (base) {
            case "double" -> Ty.Prim.DOUBLE;
            case "float" -> Ty.Prim.FLOAT;
            case "int" -> Ty.Prim.INT;
            case "long" -> Ty.Prim.LONG;
            case "boolean" -> Ty.Prim.BOOLEAN;
            case "short" -> Ty.Prim.SHORT;
            case "byte" -> Ty.Prim.BYTE;
            case "char" -> Ty.Prim.CHAR;
            default -> null;
        };
        // int[], long[] and boolean[] (labels, masks, index tables): 1-D, values without derivative;
        // short, byte and char: scalars without derivative
        boolean narrow = prim == Ty.Prim.SHORT || prim == Ty.Prim.BYTE || prim == Ty.Prim.CHAR;
        if (prim == null
                || dims > maxDims
                || (dims > 1 && !(prim == Ty.Prim.DOUBLE || prim == Ty.Prim.FLOAT))
                || (narrow && dims > 0)) {
            return Optional.empty();
        }
        return Optional.of(new Ty(prim, dims));
    }

    private String packageName() {
        return unit.getPackageDeclaration().map(pd -> pd.getNameAsString()).orElse("");
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(file, at, message));
    }
}
