package dev.adjoint.generator.tape;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tape strategy's adjoint: make the inputs leaves, run the recorder, seed its result, sweep
 * the tape once, add the leaves' adjoints into the caller's buffers, and give the tape back.
 */
public final class TapeSweep {
    private static final String ROWS = "dev.adjoint.tape.RowHandles";

    private TapeSweep() {}

    /** The adjoint of {@code request} through its recorder. */
    public static AdjointMethod build(MethodRequest request, Recording rec) {
        Set<String> reserved = new TreeSet<>(NameClashes.userNames(request));
        rec.paramHandles().stream().filter(h -> h != null).forEach(reserved::add);
        Names names = new Names(reserved);
        String tape = names.claim("_tape");
        String mark = names.claim("_mark");
        String handlesMark = names.claim("_handles");
        String result = names.claim("_result");
        String index = names.claim("_i");
        List<String> buffers = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        StringBuilder give = new StringBuilder();
        List<String> recordArgs = new ArrayList<>();
        recordArgs.add(tape);
        b.append("dev.adjoint.tape.Tape ").append(tape).append(" = dev.adjoint.tape.Tape.forThread();\n");
        b.append("int ").append(mark).append(" = ").append(tape).append(".mark();\n");
        b.append("int ").append(handlesMark).append(" = ").append(tape).append(".handlesMark();\n");
        b.append("try {\n");
        for (int i = 0; i < request.params().size(); i++) {
            Param p = request.params().get(i);
            recordArgs.add(p.name());
            String h = rec.paramHandles().get(i);
            if (h == null) {
                continue;
            }
            recordArgs.add(h);
            String buffer = p.wrt() ? names.claim("d" + p.name()) : null;
            if (buffer != null) {
                buffers.add(buffer);
            }
            String cast = p.type().prim() == Ty.Prim.FLOAT ? "(float) " : "";
            // an optional array the method compares with null: no handles when it is absent
            String absent = !p.wrt() && dev.adjoint.generator.parse.NullChecks.compares(request.declaration(), p.name())
                    ? p.name() + " == null ? "
                    : "";
            if (p.type().dims() >= 2) {
                // a handle array of the parameter's shape (ragged rows and layers alike)
                b.append("    int")
                        .append("[]".repeat(p.type().dims()))
                        .append(" ")
                        .append(h)
                        .append(" = ")
                        .append(absent.isEmpty() ? "" : absent + "null : ")
                        .append(ROWS)
                        .append(".borrow(")
                        .append(tape)
                        .append(", ")
                        .append(p.name())
                        .append(");\n");
                if (p.wrt()) {
                    // one leaf per element, row by row: element k (row-major) is first + k
                    String first = names.claim(p.name() + "_first");
                    b.append("    int ")
                            .append(first)
                            .append(" = ")
                            .append(ROWS)
                            .append(".leaves(")
                            .append(tape)
                            .append(", ")
                            .append(p.name())
                            .append(", ")
                            .append(h)
                            .append(");\n");
                    give.append("    ")
                            .append(ROWS)
                            .append(".addAdjoints(")
                            .append(tape)
                            .append(", ")
                            .append(first)
                            .append(", ")
                            .append(buffer)
                            .append(");\n");
                }
            } else if (p.type().isArray()) {
                b.append("    int[] ")
                        .append(h)
                        .append(" = ")
                        .append(tape)
                        .append(".borrowHandles(")
                        .append(absent.isEmpty() ? "" : absent + "0 : ")
                        .append(p.name())
                        .append(".length);\n");
                if (p.wrt()) {
                    String first = names.claim(p.name() + "_first");
                    b.append("    int ")
                            .append(first)
                            .append(" = ")
                            .append(tape)
                            .append(".leaves(")
                            .append(p.name())
                            .append(".length);\n");
                    b.append("    for (int ")
                            .append(index)
                            .append(" = 0; ")
                            .append(index)
                            .append(" < ")
                            .append(p.name())
                            .append(".length; ")
                            .append(index)
                            .append("++) {\n");
                    b.append("        ")
                            .append(h)
                            .append("[")
                            .append(index)
                            .append("] = ")
                            .append(first)
                            .append(" + ")
                            .append(index)
                            .append(";\n");
                    b.append("    }\n");
                    give.append("    for (int ")
                            .append(index)
                            .append(" = 0; ")
                            .append(index)
                            .append(" < ")
                            .append(p.name())
                            .append(".length; ")
                            .append(index)
                            .append("++) {\n");
                    give.append("        ")
                            .append(buffer)
                            .append("[")
                            .append(index)
                            .append("] += ")
                            .append(cast)
                            .append(tape)
                            .append(".adjoint(")
                            .append(first)
                            .append(" + ")
                            .append(index)
                            .append(");\n");
                    give.append("    }\n");
                }
            } else if (p.wrt()) {
                b.append("    int ").append(h).append(" = ").append(tape).append(".leaf();\n");
                give.append("    ")
                        .append(buffer)
                        .append(".add(")
                        .append(cast)
                        .append(tape)
                        .append(".adjoint(")
                        .append(h)
                        .append("));\n");
            } else {
                b.append("    int ").append(h).append(" = dev.adjoint.tape.Tape.CONSTANT;\n");
            }
        }
        String seed = names.claim("seed");
        String rt = request.result().java();
        b.append("    // forward sweep: record\n");
        b.append("    ")
                .append(rt)
                .append(" ")
                .append(result)
                .append(" = ")
                .append(request.adjointName())
                .append("Record(")
                .append(String.join(", ", dev.adjoint.generator.objects.Receiver.generatedArgs(request, recordArgs)))
                .append(");\n");
        b.append("    // reverse sweep: one pass over the tape\n");
        if (request.result().isArray()) {
            // seedᵀ·J: each element of the result seeded with its own component (a handle met twice sums)
            String resultHandles = names.claim("_resultHandles");
            b.append("    int[] ")
                    .append(resultHandles)
                    .append(" = ")
                    .append(tape)
                    .append(".resultHandles();\n");
            b.append("    for (int ")
                    .append(index)
                    .append(" = 0; ")
                    .append(index)
                    .append(" < ")
                    .append(result)
                    .append(".length; ")
                    .append(index)
                    .append("++) {\n");
            b.append("        ")
                    .append(tape)
                    .append(".seed(")
                    .append(resultHandles)
                    .append("[")
                    .append(index)
                    .append("], ")
                    .append(seed)
                    .append("[")
                    .append(index)
                    .append("]);\n");
            b.append("    }\n");
        } else {
            b.append("    ")
                    .append(tape)
                    .append(".seed(")
                    .append(tape)
                    .append(".result(), ")
                    .append(seed)
                    .append(");\n");
        }
        b.append("    ").append(tape).append(".sweep(").append(mark).append(");\n");
        b.append(give);
        b.append("    return ").append(result).append(";\n");
        b.append("} finally {\n");
        b.append("    ").append(tape).append(".reset(").append(mark).append(");\n");
        b.append("    ")
                .append(tape)
                .append(".releaseHandles(")
                .append(handlesMark)
                .append(");\n");
        b.append("}\n");
        AdjointMethod m = new AdjointMethod(request, buffers, seed, List.of(new Code.Raw(b.toString())));
        return m.withRecorder(rec.recorder());
    }
}
