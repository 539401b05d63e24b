package dev.adjoint.generator.select;

import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the adjoint of one method writes a class of the sources (the owner of a constant, of a
 * helper it calls, of another adjoint or a pullback). The adjoint keeps the method's variable
 * names, and in an expression Java reads a simple name as a variable before a class or a package
 * (JLS 6.4.2, obscuring): a variable {@code p} hides {@code p.Clash.h(...)}, one named
 * {@code Clash} hides {@code Clash.K}. The adjoint is another class of the owner's package that
 * imports only runtime types, so a class has two spellings there: its full name, and, in the
 * adjoint's package, its name in the package. Each use takes the usual one unless a variable of
 * the method (or an imported runtime type's name) hides its first segment, then the other; when
 * both are hidden the caller reports an error at the use.
 */
public final class ClassSpelling {
    /**
     * The simple names of the types the adjoint class imports (runtime types, the generated-code
     * annotation): a single-type import shadows a class of the same package, so such a name of a
     * source class is written in full. {@code NameClashesTest} checks it against the emitter.
     */
    public static final Set<String> IMPORTED =
            Set.of("AdjointGenerated", "AdjointStacks", "BufferShapes", "DoubleGrad", "FloatGrad", "Gradients", "Tape");

    /**
     * The prefix of the tangent pairs {@code _hvp_name(x, v) = {f(x), ∇f(x)·v}} that
     * Hessian-vector products differentiate (see {@code forward/HvpSource}); the user's methods
     * may not start with it.
     */
    public static final String TANGENT_PAIR_PREFIX = "_hvp_";

    /**
     * The prefix of a callee's tangent {@code _tan_g(x, v) = ∇g(x)·v}, which the tangent pairs of
     * its callers call (and the reverse of those pairs differentiates).
     */
    public static final String TANGENT_PREFIX = "_tan_";

    private final MethodRequest from;
    private final Set<String> variables = new TreeSet<>();

    private ClassSpelling(MethodRequest from) {
        this.from = from;
        // every variable of the method, whatever its scope: a spelling avoids them all (the adjoint moves declarations)
        from.declaration().findAll(Parameter.class).forEach(p -> variables.add(p.getNameAsString()));
        from.declaration().findAll(VariableDeclarator.class).forEach(v -> variables.add(v.getNameAsString()));
    }

    /** The spellings of classes in the adjoint of {@code from}. */
    public static ClassSpelling of(MethodRequest from) {
        return new ClassSpelling(from);
    }

    /**
     * Class {@code inPackage} ({@code Outer.Inner}) of package {@code pkg} ("" for the default
     * package) as the adjoint writes it; empty when a variable hides every spelling.
     *
     * @param preferFull whether the full name comes first (else the name in the package, when the
     *     class is in the adjoint's package)
     */
    public Optional<String> write(String pkg, String inPackage, boolean preferFull) {
        List<String> forms = new ArrayList<>(forms(pkg, inPackage));
        if (!preferFull) {
            Collections.reverse(forms);
        }
        return forms.stream().filter(f -> !hidden(root(f))).findFirst();
    }

    /**
     * The Java text reading constant {@code name} of the owner or an enclosing class in the adjoint
     * ({@code Clash.K}, {@code p.Clash.K} where a variable hides {@code Clash}, or a private
     * constant's literal); empty when every spelling is hidden.
     */
    public Optional<String> field(String name) {
        Optional<String> owner = fieldOwner(name);
        return owner.isEmpty()
                ? Optional.of(from.qualifiedField(name)) // a literal
                : write(from.packageName(), owner.get(), false).map(o -> o + "." + name);
    }

    /** The class whose constant {@code name} is, for {@link #whyHidden} when {@link #field} is empty. */
    public String fieldClass(String name) {
        return fieldOwner(name).orElse(from.ownerSimpleName());
    }

    /**
     * The owner or enclosing class ({@code Outer.Inner}) by which the select pass reads constant
     * {@code name} ({@code Outer.Inner.name}); empty for a literal copied in its place.
     */
    private Optional<String> fieldOwner(String name) {
        List<String> path = from.ownerPath();
        for (int i = 1; i <= path.size(); i++) {
            String owner = String.join(".", path.subList(0, i));
            if (from.qualifiedField(name).equals(owner + "." + name)) {
                return Optional.of(owner);
            }
        }
        return Optional.empty();
    }

    /**
     * The class a call to {@code callee} names in the adjoint for the reverse sweep: the owner of its
     * pullback when it has a {@code @CustomDerivative}, else its adjoint class; empty when every
     * spelling is hidden.
     */
    public Optional<String> callee(MethodRequest callee) {
        return write(callee.packageName(), calleeClass(callee), false);
    }

    /** The class of {@code callee} itself, whose method the forward sweep may call for the value alone. */
    public Optional<String> owner(MethodRequest callee) {
        if (callee.name().startsWith(TANGENT_PREFIX)) {
            return callee(callee); // a callee's tangent exists only in the adjoint class (it is generated code)
        }
        return write(callee.packageName(), callee.ownerSimpleName(), false);
    }

    /** Why {@link #callee} or {@link #owner} found no spelling, as {@link #whyHidden}. */
    public String whyCalleeHidden(MethodRequest callee) {
        String hidden = callee(callee).isEmpty() ? calleeClass(callee) : callee.ownerSimpleName();
        return whyHidden(callee.packageName(), hidden);
    }

    private static String calleeClass(MethodRequest callee) {
        return callee.customPullback() != null ? callee.ownerSimpleName() : callee.adjointSimpleName();
    }

    /**
     * Why {@link #write} found no spelling of class {@code inPackage} of {@code pkg}, and what to
     * do: the end of a message that starts with the construct.
     */
    public String whyHidden(String pkg, String inPackage) {
        String full = pkg.isEmpty() ? inPackage : pkg + "." + inPackage;
        List<String> why = new ArrayList<>();
        int hiders = 0;
        for (String f : forms(pkg, inPackage)) {
            String root = root(f);
            String what = (f.equals(full) && !pkg.isEmpty() ? "the package " : "the class ") + root;
            if (variables.contains(root)) {
                why.add((hiders++ == 0 ? "a variable named '" : "one named '") + root + "' hides " + what);
            } else {
                why.add(what + " is the runtime class of that name, which the generated code imports");
            }
        }
        String where = pkg.equals(from.packageName()) ? "" : " (of another package: by its full name only)";
        return ": it must name class " + full + where + ", and here " + String.join(" and ", why)
                + " (Java reads a name as a variable first); rename "
                + switch (hiders) {
                    case 0 -> "the class";
                    case 1 -> "the variable";
                    default -> "one of the variables";
                };
    }

    /** The full name, then, in the adjoint's own (named) package, the name in the package. */
    private List<String> forms(String pkg, String inPackage) {
        if (pkg.isEmpty()) {
            return List.of(inPackage);
        }
        return pkg.equals(from.packageName())
                ? List.of(pkg + "." + inPackage, inPackage)
                : List.of(pkg + "." + inPackage);
    }

    private boolean hidden(String root) {
        return variables.contains(root) || IMPORTED.contains(root);
    }

    private static String root(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
