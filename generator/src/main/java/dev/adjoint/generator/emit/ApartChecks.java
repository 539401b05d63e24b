package dev.adjoint.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.adjoint.generator.select.ArraysApart;
import dev.adjoint.generator.select.MethodRequest;
import java.util.List;

/**
 * The checks on entry of every generated method that the arrays {@link ArraysApart} names are
 * apart: two array parameters the method may write, the rows of a 2-D parameter whose rows it
 * writes, a row of a 2-D parameter it reads that is an array it writes, and the layers and rows of
 * a 3-D parameter, among themselves when it writes its elements, and from another array parameter
 * when it writes either ({@code dev.adjoint.RowsApart}).
 */
final class ApartChecks {
    private ApartChecks() {}

    /**
     * One array passed for two parameters that the method writes: the adjoint would compute another
     * value and gradient than the method's, so it refuses (a message, not a wrong gradient).
     */
    static void add(MethodRequest r, CodeBlock.Builder body) {
        add(r, body, p -> p, p -> p);
    }

    /**
     * The same check where parameter {@code p}'s array is read as {@code read.apply(p)} (a field of
     * the object, a record's component) and named {@code shown.apply(p)} in the message; a pair with
     * a member {@code read} gives {@code null} for (an array new in the call, which nothing else holds) is
     * skipped.
     */
    static void add(
            MethodRequest r,
            CodeBlock.Builder body,
            java.util.function.UnaryOperator<String> read,
            java.util.function.UnaryOperator<String> shown) {
        for (List<String> pair : ArraysApart.pairs(r)) {
            if (read.apply(pair.get(0)) == null || read.apply(pair.get(1)) == null) {
                continue;
            }
            body.beginControlFlow("if ($L == $L)", read.apply(pair.get(0)), read.apply(pair.get(1)))
                    .addStatement(
                            "throw new $T($S)",
                            IllegalArgumentException.class,
                            "'" + shown.apply(pair.get(0)) + "' and '" + shown.apply(pair.get(1))
                                    + "' are the same array; " + r.name()
                                    + " writes into one of them, and its adjoint needs them apart:"
                                    + " pass a copy for one of them")
                    .endControlFlow();
        }
        // the rows of a 2-D parameter it writes: distinct, and none another parameter or its row (RowsApart)
        for (List<String> group : ArraysApart.rows(r)) {
            String rows = read.apply(group.get(0));
            if (rows == null) {
                continue;
            }
            if (group.size() == 1) {
                body.addStatement(
                        "dev.adjoint.RowsApart.require($L, $S, $S)", rows, shown.apply(group.get(0)), r.name());
            } else if (read.apply(group.get(1)) != null) {
                body.addStatement(
                        "dev.adjoint.RowsApart.require($L, $S, $L, $S, $S)",
                        rows,
                        shown.apply(group.get(0)),
                        read.apply(group.get(1)),
                        shown.apply(group.get(1)),
                        r.name());
            }
        }
        // a row of a 2-D parameter it only reads that is an array it writes (RowsApart.requireNoRow)
        for (List<String> pair : ArraysApart.readRows(r)) {
            String rows = read.apply(pair.get(0));
            String array = read.apply(pair.get(1));
            if (rows != null && array != null) {
                body.addStatement(
                        "dev.adjoint.RowsApart.requireNoRow($L, $S, $L, $S, $S)",
                        rows,
                        shown.apply(pair.get(0)),
                        array,
                        shown.apply(pair.get(1)),
                        r.name());
            }
        }
        // the layers of a 3-D parameter and their rows: apart, and from another parameter one of them writes
        for (List<String> group : ArraysApart.layers(r)) {
            String layers = read.apply(group.get(0));
            if (layers == null) {
                continue;
            }
            if (group.size() == 1) {
                body.addStatement(
                        "dev.adjoint.RowsApart.requireLayers($L, $S, $S)", layers, shown.apply(group.get(0)), r.name());
            } else if (read.apply(group.get(1)) != null) {
                body.addStatement(
                        "dev.adjoint.RowsApart.requireLayersApart($L, $S, $L, $S, $S)",
                        layers,
                        shown.apply(group.get(0)),
                        read.apply(group.get(1)),
                        shown.apply(group.get(1)),
                        r.name());
            }
        }
    }
}
