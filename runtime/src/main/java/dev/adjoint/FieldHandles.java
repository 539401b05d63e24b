package dev.adjoint;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Access to a private field for generated code: an adjoint class reads the private fields of the
 * object whose instance method it differentiates through {@code static final} {@link VarHandle}s
 * made once here, which the JIT compiles to plain field loads (no reflection per call).
 */
public final class FieldHandles {
    private FieldHandles() {}

    /**
     * A handle on field {@code name} of type {@code type} of {@code owner}, for {@code caller}
     * (the adjoint class's own lookup: it shares the owner's package and module).
     */
    public static VarHandle of(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, caller).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "the generated adjoint of " + owner.getName() + " cannot read its field '" + name + "' of type "
                            + type.getName() + " (" + e + "); was the class changed without rebuilding?",
                    e);
        }
    }
}
