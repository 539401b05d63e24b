package dev.adjoint.generator.testing;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.adjoint.generator.select.MethodSelector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Instance {@code @Differentiable} methods of a corpus class, called as {@link Differentiated} calls
 * static ones: each call, of the original or of a generated method (which takes the object first),
 * on an object made fresh by the class's constructor without arguments, so that every call sees the
 * fields as their initialisers leave them.
 */
final class FreshReceivers {
    private FreshReceivers() {}

    /**
     * Marks the instance {@code @Differentiable} methods of the classes of {@code unit} static, for the
     * selection only: their requests then have the user's parameters (the generator lifts them, InstanceLifting).
     */
    static void selectAsStatic(CompilationUnit unit) {
        unit.findAll(MethodDeclaration.class).stream()
                .filter(d -> !d.isStatic()
                        && d.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration c
                        && !c.isInterface()
                        && d.getAnnotations().stream().anyMatch(MethodSelector::isDifferentiable))
                .forEach(d -> d.addModifier(Modifier.Keyword.STATIC));
    }

    /** The object {@code m}, a method of {@code type} taking {@code given} arguments, is called on: null if static. */
    static Object receiver(Class<?> type, Method m) throws ReflectiveOperationException {
        return java.lang.reflect.Modifier.isStatic(m.getModifiers()) ? null : fresh(type);
    }

    /**
     * A generated method of adjoint class {@code adjoint} named {@code name} that takes the object before
     * {@code arguments} arguments, if there is one.
     */
    static Optional<Method> takingTheObject(Class<?> adjoint, String name, int arguments) {
        for (Method m : adjoint.getDeclaredMethods()) {
            if (m.getName().equals(name)
                    && m.getParameterCount() == arguments + 1
                    && java.lang.reflect.Modifier.isStatic(m.getModifiers())
                    && adjoint.getName()
                            .equals(m.getParameterTypes()[0].getName().replace('$', '_') + "Adjoint")) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * Calls {@code m}, a generated method taking the object first, with a fresh object and {@code given} (an enum
     * constant by name made the constant of its parameter's enum).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object invoke(Method m, Object[] given) throws ReflectiveOperationException {
        Object[] args = new Object[given.length + 1];
        args[0] = fresh(m.getParameterTypes()[0]);
        for (int i = 0; i < given.length; i++) {
            args[i + 1] = given[i] instanceof Differentiated.EnumConstant e
                    ? Enum.valueOf((Class) m.getParameterTypes()[i + 1], e.constant())
                    : given[i];
        }
        m.setAccessible(true);
        return m.invoke(null, args);
    }

    /** An object of {@code type} made by its constructor without arguments. */
    static Object fresh(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> k = type.getDeclaredConstructor();
        k.setAccessible(true);
        return k.newInstance();
    }
}
