package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RowsApartTest {

    @Test
    void distinctRowsPass() {
        double[][] a = new double[500][3];
        double[][] b = new double[200][3];
        assertDoesNotThrow(() -> RowsApart.require(a, "a", "f"));
        assertDoesNotThrow(() -> RowsApart.require(a, "a", b, "b", "f"));
        assertDoesNotThrow(() -> RowsApart.require(a, "a", new double[3], "x", "f"));
        assertDoesNotThrow(() -> RowsApart.require(new double[][] {null, null}, "a", "f"));
        assertDoesNotThrow(() -> RowsApart.require(new double[0][], "a", "f"));
    }

    @Test
    void aRowTwiceIsRefusedWithBothPlaces() {
        double[] r = {1, 2};
        double[][] a = {new double[2], r, new double[2], r};
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RowsApart.require(a, "acc", "f"));
        assertEquals(
                "'acc[1]' and 'acc[3]' are the same array; f writes into the rows of one of them, and its adjoint needs"
                        + " them apart: pass a copy for one of them",
                e.getMessage());
        float[] q = {1};
        assertThrows(IllegalArgumentException.class, () -> RowsApart.require(new float[][] {q, q}, "w", "g"));
    }

    @Test
    void aRowThatIsAnotherParameterOrItsRowIsRefused() {
        double[] x = {1, 2};
        double[][] a = {new double[2], x};
        assertEquals(
                "'acc[1]' and 'x' are the same array; f writes into the rows of one of them, and its adjoint needs them"
                        + " apart: pass a copy for one of them",
                assertThrows(IllegalArgumentException.class, () -> RowsApart.require(a, "acc", x, "x", "f"))
                        .getMessage());
        double[][] b = {new double[2], new double[2], x};
        assertEquals(
                "'acc[1]' and 'X[2]' are the same array; f writes into the rows of one of them, and its adjoint needs"
                        + " them apart: pass a copy for one of them",
                assertThrows(IllegalArgumentException.class, () -> RowsApart.require(a, "acc", b, "X", "f"))
                        .getMessage());
        // a row repeated in the other, read-only parameter alone is no concern
        double[] y = {3};
        assertDoesNotThrow(
                () -> RowsApart.require(new double[][] {new double[1]}, "acc", new double[][] {y, y}, "X", "f"));
    }

    @Test
    void aWrittenArrayThatIsARowOfARowReadIsRefused() {
        double[] acc = {1, 2};
        double[][] x = {new double[2], acc};
        assertEquals(
                "'X[1]' and 'acc' are the same array; d writes into 'acc' and reads the rows of 'X', and its adjoint"
                        + " needs them apart: pass a copy for one of them",
                assertThrows(IllegalArgumentException.class, () -> RowsApart.requireNoRow(x, "X", acc, "acc", "d"))
                        .getMessage());
        assertDoesNotThrow(() -> RowsApart.requireNoRow(x, "X", new double[2], "acc", "d"));
        assertDoesNotThrow(() -> RowsApart.requireNoRow(new double[][] {acc, acc}, "X", null, "acc", "d"));
    }

    @Test
    void layersAndTheirRowsAreDistinctAcrossTheLayers() {
        double[][] layer = {{1}, {2}};
        assertThrows(
                IllegalArgumentException.class,
                () -> RowsApart.requireLayers(new double[][][] {layer, layer}, "W", "t"));
        double[] r = {3};
        assertEquals(
                "'W[0][1]' and 'W[2][0]' are the same array; t writes into the rows of one of them, and its adjoint"
                        + " needs them apart: pass a copy for one of them",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> RowsApart.requireLayers(new double[][][] {{{0}, r}, {}, {r, {4}}}, "W", "t"))
                        .getMessage());
        assertDoesNotThrow(() -> RowsApart.requireLayers(new double[][][] {{{0}, {1}}, null, {}, {{2}}}, "W", "t"));
        assertDoesNotThrow(() -> RowsApart.requireLayers(new double[300][4][2], "W", "t"));
        assertDoesNotThrow(() -> RowsApart.requireLayers(new float[][][] {{null, null}, {null}}, "W", "t"));
    }

    @Test
    void anotherParameterIsNoLayerNorRowOfTheLayers() {
        double[][] a = {{1}, {2}};
        assertEquals(
                "'W[1]' and 'A' are the same array; f writes into one of them, and its adjoint needs them apart: pass"
                        + " a copy for one of them",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> RowsApart.requireLayersApart(new double[][][] {{{0}}, a}, "W", a, "A", "f"))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> RowsApart.requireLayersApart(
                                new double[][][] {{{0}}, {{0}, a[1]}}, "W", new double[][] {{5}, a[1]}, "A", "f"))
                .getMessage()
                .startsWith("'W[1][1]' and 'A[1]' are the same array"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> RowsApart.requireLayersApart(new double[][][] {{}, {{0}, a[0]}}, "W", a[0], "x", "f"))
                .getMessage()
                .startsWith("'W[1][1]' and 'x' are the same array"));
        // rows shared within the layers alone, or within the other alone, are no concern here
        double[] r = {7};
        assertDoesNotThrow(() ->
                RowsApart.requireLayersApart(new double[][][] {{r}, {r}}, "W", new double[][] {{1}, {1}}, "A", "f"));
        assertDoesNotThrow(() ->
                RowsApart.requireLayersApart(new double[][][] {{{1}}}, "W", new double[][] {r, r}, "A", "f"));
        assertDoesNotThrow(() ->
                RowsApart.requireLayersApart(new double[][][] {null, {null}}, "W", new double[2], "x", "f"));
    }
}
