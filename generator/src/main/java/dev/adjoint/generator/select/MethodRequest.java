package dev.adjoint.generator.select;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.adjoint.Strategy;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Every fact about one method to differentiate, computed once by the select pass.
 *
 * @param file the source file
 * @param packageName the owner's package ("" for the default package)
 * @param ownerPath the owner's simple names from the top-level type inward ({@code [Outer, Inner]})
 * @param name the method's name
 * @param params the parameters in declaration order
 * @param result the result type
 * @param strategy the requested strategy
 * @param isPublic whether the method (and so its adjoint) is public
 * @param declaration the method's syntax tree (rewritten once by the desugar pass, then only read)
 * @param mathStaticImports names of {@code java.lang.Math} members imported statically, {@code *}
 *     for all
 * @param staticFields the static final primitive fields visible by simple name (the owner's and
 *     its enclosing classes'), as constants: name to type
 * @param staticFieldOwners for each of {@code staticFields}, the Java text that reads it from the
 *     adjoint class ({@code Outer.Inner.K}, or the literal of a private constant)
 * @param customPullback for a method with a user-supplied pullback ({@code @CustomDerivative}),
 *     that pullback's name in the owner class; {@code null} otherwise
 * @param memberMethodNames the names of the methods the owner and its enclosing classes declare:
 *     an unqualified call to one of them is to that method, never to a statically imported
 *     {@code Math} one (Java looks in the enclosing classes before the static imports)
 * @param adjointName what the generated methods are named after: {@code name}, or for overloads
 *     whose generated methods would clash, {@code name} and the number of parameters
 *     ({@code f_3}), so that {@code adjointName + "Grad"}, {@code "Vjp"}, {@code "Record"} are the
 *     generated methods' names
 * @param tangentName what the forward-mode methods are named after ({@code tangentName + "Jvp"},
 *     {@code "Hvp"}): {@code adjointName}, unless only those of two overloads would clash; then, for
 *     all the overloads of the name, {@code name} and the number of parameters
 */
public record MethodRequest(
        Path file,
        String packageName,
        List<String> ownerPath,
        String name,
        List<Param> params,
        Ty result,
        Strategy strategy,
        boolean isPublic,
        MethodDeclaration declaration,
        Set<String> mathStaticImports,
        java.util.Map<String, Ty> staticFields,
        java.util.Map<String, String> staticFieldOwners,
        String customPullback,
        Set<String> memberMethodNames,
        String adjointName,
        String tangentName) {

    public MethodRequest {
        memberMethodNames = Set.copyOf(memberMethodNames);
        adjointName = adjointName == null ? name : adjointName;
        tangentName = tangentName == null ? adjointName : tangentName;
        ownerPath = List.copyOf(ownerPath);
        params = List.copyOf(params);
        mathStaticImports = Set.copyOf(mathStaticImports);
        staticFields = java.util.Map.copyOf(staticFields);
        staticFieldOwners = java.util.Map.copyOf(staticFieldOwners);
    }

    /** A request whose forward-mode methods are named after its adjoint name. */
    public MethodRequest(
            Path file,
            String packageName,
            List<String> ownerPath,
            String name,
            List<Param> params,
            Ty result,
            Strategy strategy,
            boolean isPublic,
            MethodDeclaration declaration,
            Set<String> mathStaticImports,
            java.util.Map<String, Ty> staticFields,
            java.util.Map<String, String> staticFieldOwners,
            String customPullback,
            Set<String> memberMethodNames,
            String adjointName) {
        this(
                file,
                packageName,
                ownerPath,
                name,
                params,
                result,
                strategy,
                isPublic,
                declaration,
                mathStaticImports,
                staticFields,
                staticFieldOwners,
                customPullback,
                memberMethodNames,
                adjointName,
                null);
    }

    /** The owner as written in Java source within its package: {@code Outer.Inner}. */
    public String ownerSimpleName() {
        return String.join(".", ownerPath);
    }

    /** The owner's fully qualified name. */
    public String ownerQualifiedName() {
        return packageName.isEmpty() ? ownerSimpleName() : packageName + "." + ownerSimpleName();
    }

    /** A request without a custom pullback. */
    public MethodRequest(
            Path file,
            String packageName,
            List<String> ownerPath,
            String name,
            List<Param> params,
            Ty result,
            Strategy strategy,
            boolean isPublic,
            MethodDeclaration declaration,
            Set<String> mathStaticImports,
            java.util.Map<String, Ty> staticFields,
            java.util.Map<String, String> staticFieldOwners) {
        this(
                file,
                packageName,
                ownerPath,
                name,
                params,
                result,
                strategy,
                isPublic,
                declaration,
                mathStaticImports,
                staticFields,
                staticFieldOwners,
                null,
                Set.of(),
                name);
    }

    /** This method as seen by its callers when {@code pullback} supplies its derivative. */
    public MethodRequest withCustomPullback(String pullback) {
        List<Param> all = params.stream()
                .map(p -> new Param(p.name(), p.type(), p.type().isFloating()))
                .toList();
        return new MethodRequest(
                file,
                packageName,
                ownerPath,
                name,
                all,
                result,
                strategy,
                isPublic,
                declaration,
                mathStaticImports,
                staticFields,
                staticFieldOwners,
                pullback,
                memberMethodNames,
                adjointName,
                tangentName);
    }

    /** This method differentiated with respect to every {@code float}/{@code double} parameter (and their arrays). */
    public MethodRequest withEveryFloatingParameterWrt() {
        List<Param> all = params.stream()
                .map(p -> new Param(p.name(), p.type(), p.type().isFloating()))
                .toList();
        return new MethodRequest(
                file,
                packageName,
                ownerPath,
                name,
                all,
                result,
                strategy,
                isPublic,
                declaration,
                mathStaticImports,
                staticFields,
                staticFieldOwners,
                customPullback,
                memberMethodNames,
                adjointName,
                tangentName);
    }

    /** This request with the names of the methods its class and the enclosing classes declare. */
    public MethodRequest withMemberMethodNames(Set<String> names) {
        return new MethodRequest(
                file,
                packageName,
                ownerPath,
                name,
                params,
                result,
                strategy,
                isPublic,
                declaration,
                mathStaticImports,
                staticFields,
                staticFieldOwners,
                customPullback,
                names,
                adjointName,
                tangentName);
    }

    /**
     * This request reading the constants of {@code of}'s class, as {@code of} does: a method generated
     * from {@code of} (its tangent, for {@code Hvp}) and placed in another class.
     */
    public MethodRequest withStaticFieldsOf(MethodRequest of) {
        return new MethodRequest(
                file,
                packageName,
                ownerPath,
                name,
                params,
                result,
                strategy,
                isPublic,
                declaration,
                mathStaticImports,
                of.staticFields,
                of.staticFieldOwners,
                customPullback,
                memberMethodNames,
                adjointName,
                tangentName);
    }

    /**
     * This request also reading {@code owners}' constants by simple name (name to the Java text
     * reading it, of the type {@code types} gives), where it names none of its own so: the
     * methods an {@code Hvp} generates into one class, where the tangent of a callee of another
     * class may be inlined.
     */
    public MethodRequest withConstantsAlso(java.util.Map<String, Ty> types, java.util.Map<String, String> owners) {
        java.util.Map<String, Ty> fields = new java.util.HashMap<>(types);
        java.util.Map<String, String> texts = new java.util.HashMap<>(owners);
        fields.putAll(staticFields);
        texts.putAll(staticFieldOwners);
        return new MethodRequest(
                file,
                packageName,
                ownerPath,
                name,
                params,
                result,
                strategy,
                isPublic,
                declaration,
                mathStaticImports,
                fields,
                texts,
                customPullback,
                memberMethodNames,
                adjointName,
                tangentName);
    }

    /** This request with its generated methods named after {@code adjointName} ({@code adjointNameGrad}, ...). */
    public MethodRequest withAdjointName(String adjointName) {
        return new MethodRequest(
                file,
                packageName,
                ownerPath,
                name,
                params,
                result,
                strategy,
                isPublic,
                declaration,
                mathStaticImports,
                staticFields,
                staticFieldOwners,
                customPullback,
                memberMethodNames,
                adjointName,
                adjointName);
    }

    /** This request with its forward-mode methods named after {@code tangentName} ({@code tangentNameJvp}, ...). */
    public MethodRequest withTangentName(String tangentName) {
        return new MethodRequest(
                file,
                packageName,
                ownerPath,
                name,
                params,
                result,
                strategy,
                isPublic,
                declaration,
                mathStaticImports,
                staticFields,
                staticFieldOwners,
                customPullback,
                memberMethodNames,
                adjointName,
                tangentName);
    }

    /** The Java text reading a visible static final field from the adjoint class. */
    public String qualifiedField(String name) {
        return staticFieldOwners.get(name);
    }

    /** Whether {@code Math.name} may be written {@code name} here (a static import). */
    public boolean importsMath(String name) {
        return mathStaticImports.contains("*") || mathStaticImports.contains(name);
    }

    /**
     * Whether an unqualified call {@code name(...)} here is to {@code Math.name}: statically
     * imported, and not the name of a method of the owner or an enclosing class (which Java finds
     * first, whatever its arity).
     */
    public boolean importsMathMethod(String name) {
        return importsMath(name) && !memberMethodNames.contains(name);
    }

    /** The generated class's simple name: {@code ModelAdjoint}, {@code Outer_InnerAdjoint}. */
    public String adjointSimpleName() {
        return String.join("_", ownerPath) + "Adjoint";
    }

    /** The generated class's fully qualified name. */
    public String adjointQualifiedName() {
        return packageName.isEmpty() ? adjointSimpleName() : packageName + "." + adjointSimpleName();
    }

    /** {@code p.Model#loss}, as the build report and {@code adjoint:show} name it. */
    public String methodRef() {
        return ownerQualifiedName() + "#" + name;
    }

    /** The parameters the gradient is taken with respect to. */
    public List<Param> wrtParams() {
        return params.stream().filter(Param::wrt).toList();
    }

    /** 1-based line of the method's name. */
    public int line() {
        return declaration.getName().getBegin().map(p -> p.line).orElse(0);
    }
}
