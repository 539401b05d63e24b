package dev.adjoint.generator.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.FieldHandles;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.reverse.AdjointMethod;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * The {@code static final VarHandle} fields of an adjoint class through which the public methods of
 * lifted instance methods read the object's private fields ({@link ReceiverWrappers}).
 */
final class FieldHandleFields {
    private FieldHandleFields() {}

    /** Adds the handles on the private fields that {@code methods} read, once each, in field order. */
    static void add(TypeSpec.Builder type, List<AdjointMethod> methods) {
        Set<String> done = new TreeSet<>();
        for (AdjointMethod m : methods) {
            Receiver rc = Receiver.of(m.request()).orElse(null);
            if (rc == null) { // (every lifted request is internal: its generated methods are the wrappers' delegates)
                continue;
            }
            for (Receiver.Leaf l : rc.leaves()) {
                if (l.isPrivate() && done.add(l.field())) {
                    type.addField(handle(
                            ReceiverWrappers.handle(l.field()),
                            ReceiverWrappers.owner(m.request()),
                            l.field(),
                            AdjointClassEmitter.typeName(l.type())));
                }
            }
            for (Receiver.RecordParam p : rc.records()) {
                if (p.held().filter(Receiver.Held::isPrivate).isPresent()
                        && done.add(p.held().get().field())) {
                    type.addField(handle(
                            ReceiverWrappers.handle(p.held().get().field()),
                            ReceiverWrappers.owner(m.request()),
                            p.held().get().field(),
                            ReceiverWrappers.recordType(p)));
                }
            }
        }
        if (!done.isEmpty()) {
            type.alwaysQualify("VarHandle", "MethodHandles", "FieldHandles");
        }
    }

    /** {@code private static final VarHandle name = FieldHandles.of(MethodHandles.lookup(), Owner.class, "field", T.class);} */
    static FieldSpec handle(String name, TypeName owner, String field, TypeName fieldType) {
        return FieldSpec.builder(VarHandle.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(
                        "$T.of($T.lookup(), $T.class, $S, $T.class)",
                        FieldHandles.class,
                        MethodHandles.class,
                        owner,
                        field,
                        fieldType)
                .build();
    }
}
