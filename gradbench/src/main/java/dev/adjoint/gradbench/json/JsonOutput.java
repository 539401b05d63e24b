package dev.adjoint.gradbench.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a value as one line of JSON with Jackson's streaming generator: {@code Map} (string keys,
 * in iteration order), {@code List}, {@link Timings}, {@link Numbers} (nested by its shape), {@code double[]},
 * {@code double[][]}, {@code int[]}, boxed numbers, strings, booleans and {@code null}.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {}

    /** {@code value} as JSON text without a line break. */
    public static String write(Object value) throws IOException {
        return new String(bytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code value} as UTF-8 JSON without a line break (an answer can be hundreds of MB: no String). */
    public static byte[] bytes(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            value(gen, value);
        }
        return out.toByteArray();
    }

    private static void value(JsonGenerator gen, Object value) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                gen.writeFieldName((String) e.getKey());
                value(gen, e.getValue());
            }
            gen.writeEndObject();
        } else if (value instanceof List<?> list) {
            gen.writeStartArray();
            for (Object item : list) {
                value(gen, item);
            }
            gen.writeEndArray();
        } else if (value instanceof Timings timings) {
            gen.writeStartArray();
            for (int i = 0; i < timings.size(); i++) {
                gen.writeStartObject();
                gen.writeStringField("name", timings.name(i));
                gen.writeNumberField("nanoseconds", timings.nanoseconds(i));
                gen.writeEndObject();
            }
            gen.writeEndArray();
        } else if (value instanceof Numbers numbers) {
            nested(gen, numbers.data(), numbers.shape(), 0, 0);
        } else if (value instanceof double[] array) {
            gen.writeArray(array, 0, array.length);
        } else if (value instanceof double[][] rows) {
            gen.writeStartArray();
            for (double[] row : rows) {
                gen.writeArray(row, 0, row.length);
            }
            gen.writeEndArray();
        } else if (value instanceof int[] array) {
            gen.writeArray(array, 0, array.length);
        } else if (value instanceof Double d) {
            gen.writeNumber(d);
        } else if (value instanceof Long || value instanceof Integer) {
            gen.writeNumber(((Number) value).longValue());
        } else if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else {
            throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    /** The sub-array at {@code depth} starting at flat index {@code offset}; returns the next offset. */
    private static int nested(JsonGenerator gen, double[] data, int[] shape, int depth, int offset) throws IOException {
        if (depth == shape.length - 1) {
            gen.writeArray(data, offset, shape[depth]);
            return offset + shape[depth];
        }
        gen.writeStartArray();
        for (int i = 0; i < shape[depth]; i++) {
            offset = nested(gen, data, shape, depth + 1, offset);
        }
        gen.writeEndArray();
        return offset;
    }
}
