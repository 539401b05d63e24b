package dev.adjoint.gradbench.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInputTest {
    @Test
    void nestedNumberArraysBecomeFlatArraysWithTheirShape() throws IOException {
        Map<?, ?> m = (Map<?, ?>)
                JsonInput.parse(
                        "{\"a\":[[1,2.5],[3e2,-4]],\"e\":[],\"b\":[[],[]],\"s\":[\"x\",\"y\"],\"i\":7,\"d\":1.5,\"t\":true,\"n\":null}");
        Numbers a = (Numbers) m.get("a");
        assertArrayEquals(new double[] {1, 2.5, 300, -4}, a.data());
        assertArrayEquals(new int[] {2, 2}, a.shape());
        assertArrayEquals(new int[] {0}, ((Numbers) m.get("e")).shape());
        assertArrayEquals(new int[] {2, 0}, ((Numbers) m.get("b")).shape());
        assertEquals(List.of("x", "y"), m.get("s"));
        assertEquals(7L, m.get("i"));
        assertEquals(1.5, m.get("d"));
        assertEquals(true, m.get("t"));
        assertEquals(null, m.get("n"));
    }

    @Test
    void raggedOrMixedArraysAreRejected() {
        assertThrows(IOException.class, () -> JsonInput.parse("[[1,2],[3]]"));
        assertThrows(IOException.class, () -> JsonInput.parse("[1,[2]]"));
        assertThrows(IOException.class, () -> JsonInput.parse("[[1],2]"));
        assertThrows(IOException.class, () -> JsonInput.parse("{\"a\":1} {\"b\":2}"));
    }

    @Test
    void outputRoundTripsThroughTheInput() throws IOException {
        Object value = Map.of("m", Numbers.matrix(new double[] {0.1, 1e-300, 3, 4}, 2, 2));
        String text = JsonOutput.write(value);
        assertEquals("{\"m\":[[0.1,1.0E-300],[3.0,4.0]]}", text);
        assertEquals(value, JsonInput.parse(text));
    }
}
