package dev.adjoint.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.adjoint.BufferShapes;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The first statements of a public method the user calls with buffers or directions for array
 * parameters ({@code nameVjp}, and through it {@code nameGrad}; {@code nameJvp}; {@code nameHvp}):
 * each is checked against its parameter's shape ({@link BufferShapes}), so that a shorter or null
 * buffer is a message naming both before anything is added, not an index error half-way through the
 * reverse sweep. Generated callers pass buffers at least as long as their arrays, which always pass.
 */
final class BufferChecks {
    private BufferChecks() {}

    /** Checks each of {@code buffers} (one per differentiated parameter of {@code r}, in order) whose parameter is an array. */
    static void add(CodeBlock.Builder body, MethodRequest r, List<String> buffers) {
        add(body, r, buffers, IntStream.range(0, buffers.size()).boxed().toList());
    }

    /** As {@link #add(CodeBlock.Builder, MethodRequest, List)}, for the parameters at {@code only} (indices into {@code r}'s wrt parameters). */
    static void add(CodeBlock.Builder body, MethodRequest r, List<String> buffers, List<Integer> only) {
        Object shapes = shapes(r);
        List<Param> wrt = r.wrtParams();
        for (int i : only) {
            Param p = wrt.get(i);
            if (p.type().isArray()) {
                body.addStatement(
                        format(shapes) + ".require($L, $L, $S, $S)",
                        shapes,
                        buffers.get(i),
                        p.name(),
                        buffers.get(i),
                        p.name());
            }
        }
    }

    /** How {@code r}'s generated methods name {@link BufferShapes}: a variable of the method named like the class hides it, then its full name. */
    static Object shapes(MethodRequest r) {
        return NameClashes.hiddenIn(r).contains(BufferShapes.class.getSimpleName())
                ? BufferShapes.class.getName()
                : ClassName.get(BufferShapes.class);
    }

    /** The format printing {@link #shapes}' result. */
    static String format(Object shapes) {
        return shapes instanceof ClassName ? "$T" : "$L";
    }
}
