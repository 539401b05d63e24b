package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BufferShapesTest {
    @Test
    void aBufferOfItsParametersShapePasses() {
        assertDoesNotThrow(() -> BufferShapes.require(new double[3], new double[3], "dw", "w"));
        assertDoesNotThrow(() -> BufferShapes.require(new float[0], new float[0], "dw", "w"));
        double[][] ragged = {new double[2], new double[5]};
        assertDoesNotThrow(() -> BufferShapes.require(Gradients.like(ragged), ragged, "dW", "W"));
        double[][][] layers = {{new double[2]}, {new double[3], new double[1]}};
        assertDoesNotThrow(() -> BufferShapes.require(Gradients.like(layers), layers, "dW", "W"));
        // longer is allowed: generated callers pass a pool's scratch arrays, and only the first elements are written
        assertDoesNotThrow(() -> BufferShapes.require(new double[16], new double[3], "dw", "w"));
        assertDoesNotThrow(() -> BufferShapes.require(new double[4][16], ragged, "dW", "W"));
        // a null parameter is the method's to meet, as Java would
        assertDoesNotThrow(() -> BufferShapes.require(new double[1], (double[]) null, "dw", "w"));
    }

    @Test
    void anotherShapeIsAMessageNamingBoth() {
        assertEquals(
                "dw has length 2 and w has 3: a buffer or direction has at least its parameter's shape (new double[w.length],"
                        + " or a float[] for a float[] parameter)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BufferShapes.require(new double[2], new double[3], "dw", "w"))
                        .getMessage());
        assertEquals(
                "dw is null; w has length 3: a buffer or direction has at least its parameter's shape (new double[w.length],"
                        + " or a float[] for a float[] parameter)",
                assertThrows(IllegalArgumentException.class, () -> BufferShapes.require(null, new float[3], "dw", "w"))
                        .getMessage());
        double[][] w = {new double[2], new double[5]};
        assertEquals(
                "dW[1] has length 4 and W[1] has 5: a buffer or direction has at least its parameter's shape (Gradients.like(W))",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BufferShapes.require(new double[][] {new double[2], new double[4]}, w, "dW", "W"))
                        .getMessage());
        assertEquals(
                "dW has length 1 and W has 2: a buffer or direction has at least its parameter's shape (Gradients.like(W))",
                assertThrows(IllegalArgumentException.class, () -> BufferShapes.require(new double[1][2], w, "dW", "W"))
                        .getMessage());
        assertEquals(
                "dW[1][0] is null; W[1][0] has length 3: a buffer or direction has at least its parameter's shape"
                        + " (Gradients.like(W))",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BufferShapes.require(
                                        new float[][][] {{new float[1]}, {null}},
                                        new float[][][] {{new float[1]}, {new float[3]}},
                                        "dW",
                                        "W"))
                        .getMessage());
    }

    @Test
    void aGradientObjectsArraysAreCheckedAgainstTheArraysTheyMirror() {
        String like = "ModelGrad.like(self)";
        assertDoesNotThrow(() -> BufferShapes.requireSink(new Object(), "dthis", like));
        assertDoesNotThrow(() -> BufferShapes.requireLike(new double[4], new double[3], "dthis.w", "self.w", like));
        assertDoesNotThrow(() ->
                BufferShapes.requireLike(new float[2][3], new float[][] {{1}, {2, 3}}, "d", "p", like));
        assertDoesNotThrow(() -> BufferShapes.requireSinks(new Object[] {"", ""}, 2, "dl", "l", like));
        assertEquals(
                "dthis is null: allocate dthis with ModelGrad.like(self)",
                assertThrows(IllegalArgumentException.class, () -> BufferShapes.requireSink(null, "dthis", like))
                        .getMessage());
        assertEquals(
                "dthis.m[1] has length 1 and self.m[1] has 2: allocate dthis with ModelGrad.like(self) (its constructor"
                        + " leaves arrays null)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BufferShapes.requireLike(
                                        new double[][] {new double[2], new double[1]},
                                        new double[2][2],
                                        "dthis.m",
                                        "self.m",
                                        like))
                        .getMessage());
        assertEquals(
                "dl[1] is null: allocate dl with LGrad.like(l)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BufferShapes.requireSinks(new Object[] {"", null}, 2, "dl", "l", "LGrad.like(l)"))
                        .getMessage());
        assertEquals(
                "dl has 1 elements and l 2: allocate dl with LGrad.like(l)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BufferShapes.requireSinks(new Object[1], 2, "dl", "l", "LGrad.like(l)"))
                        .getMessage());
        assertEquals(
                "dl[3].w is null; l[3].w has length 2: allocate dl with LGrad.like(l) (its constructor leaves arrays null)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BufferShapes.requireElement(
                                        null, new double[2], "dl", 3, "w", "l", "LGrad.like(l)"))
                        .getMessage());
        assertDoesNotThrow(() -> BufferShapes.requireElement(new double[2], new double[2], "dl", 3, "w", "l", like));
    }
}
