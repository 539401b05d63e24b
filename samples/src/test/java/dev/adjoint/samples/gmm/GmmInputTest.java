package dev.adjoint.samples.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GmmInputTest {

    @Test
    void readsTheAdbenchTestInstanceValueByValue() {
        GmmInput in = GmmInput.fromResource("test.txt");
        assertEquals(2, in.d());
        assertEquals(3, in.k());
        assertEquals(1, in.n());
        assertArrayEquals(new double[] {-0.649014, 1.181166, -0.758453}, in.alphas(), 0.0);
        assertArrayEquals(new double[] {0.092339, 0.186260, 0.345561, 0.396767, 0.538817, 0.419195}, in.means(), 0.0);
        assertArrayEquals(
                new double[] {
                    0.586443, -0.851887, 0.800321, -1.509405, 0.875874, -0.242790, 0.166813, -1.965419, -1.270071
                },
                in.icf(),
                0.0);
        assertArrayEquals(new double[] {1.175171, 2.029160}, in.x(), 0.0);
        assertEquals(1.0, in.gamma(), 0.0);
        assertEquals(0, in.m());
        assertEquals(18, in.parameterCount());
    }

    @Test
    void readsTheThousandPointInstancesToTheirLastToken() {
        GmmInput d2 = GmmInput.fromResource("gmm_d2_K5.txt");
        assertEquals(1000 * 2, d2.x().length);
        assertEquals(5 + 5 * 2 + 5 * 3, d2.parameterCount());
        GmmInput d10 = GmmInput.fromResource("gmm_d10_K5.txt");
        assertEquals(5 + 5 * 10 + 5 * 55, d10.parameterCount());
        // the last data point of gmm_d10_K5.txt, then "1.000000 0"
        assertEquals(0.685104, d10.x()[999 * 10], 0.0);
        assertEquals(0.026634, d10.x()[999 * 10 + 9], 0.0);
        assertEquals(1.0, d10.gamma(), 0.0);
        assertEquals(0, d10.m());
    }

    @Test
    void lineBreaksAreOnlyWhitespaceAndPathAndResourceAgree(@TempDir Path dir) throws IOException {
        String oneLine = "1 1 2  0.5  1.5  -0.25  3 4  2.0 1";
        GmmInput in = GmmInput.read(new StringReader(oneLine));
        assertEquals(
                new GmmInput(
                        1,
                        1,
                        2,
                        new double[] {0.5},
                        new double[] {1.5},
                        new double[] {-0.25},
                        new double[] {3, 4},
                        2.0,
                        1),
                in);
        Path file = dir.resolve("tiny.txt");
        Files.writeString(file, oneLine.replace("  ", "\n"));
        assertEquals(in, GmmInput.read(file));
        assertEquals(in.hashCode(), GmmInput.read(file).hashCode());
    }

    @Test
    void malformedInputsNameTheOffendingToken() {
        IOException truncated =
                assertThrows(IOException.class, () -> GmmInput.read(new StringReader("1 1 2 0.5 1.5 -0.25 3 4 2.0")));
        assertTrue(truncated.getMessage().contains("expected m as token 10"), truncated.getMessage());
        IOException extra =
                assertThrows(IOException.class, () -> GmmInput.read(new StringReader("1 1 1 0.5 1.5 -0.25 3 2.0 1 7")));
        assertTrue(extra.getMessage().contains("token 10") && extra.getMessage().contains("'7'"), extra.getMessage());
        IOException notANumber = assertThrows(IOException.class, () -> GmmInput.read(new StringReader("1 1 1 0.5 x")));
        assertTrue(notANumber.getMessage().contains("token 5 (means[0])"), notANumber.getMessage());
        IOException badM =
                assertThrows(IOException.class, () -> GmmInput.read(new StringReader("1 1 1 0.5 1.5 -0.25 3 2.0 0.5")));
        assertTrue(badM.getMessage().contains("(m): expected an integer"), badM.getMessage());
        IOException badSize = assertThrows(IOException.class, () -> GmmInput.read(new StringReader("0 1 1")));
        assertTrue(badSize.getMessage().contains("D=0"), badSize.getMessage());
        UncheckedIOException missing =
                assertThrows(UncheckedIOException.class, () -> GmmInput.fromResource("no-such.txt"));
        assertTrue(missing.getMessage().contains("no-such.txt"), missing.getMessage());
    }

    @Test
    void theConstructorRejectsArraysOfTheWrongShape() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new GmmInput(2, 1, 1, new double[1], new double[2], new double[2], new double[2], 1.0, 0));
        assertTrue(e.getMessage().contains("icf must have 3 values, got 2"), e.getMessage());
    }

    @Test
    void parametersRoundTripInTheGradientLayout() {
        GmmInput in = GmmInput.fromResource("test.txt");
        double[] p = in.parameters();
        assertEquals(-0.649014, p[0], 0.0); // alphas first
        assertEquals(0.092339, p[3], 0.0); // then means
        assertEquals(0.586443, p[3 + 6], 0.0); // then icf
        assertEquals(in, in.withParameters(p));
        p[0] = 9.0;
        GmmInput moved = in.withParameters(p);
        assertEquals(9.0, moved.alphas()[0], 0.0);
        assertEquals(-0.649014, in.alphas()[0], 0.0); // the original is untouched
        assertNotEquals(in, moved);
    }
}
