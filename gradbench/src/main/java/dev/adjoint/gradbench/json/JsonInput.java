package dev.adjoint.gradbench.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value with Jackson's streaming parser. Objects become {@code Map<String, Object>}
 * (in the order of the text), arrays of numbers (nested, rectangular) become {@link Numbers},
 * other arrays {@code List<Object>}, integers {@code Long}, other numbers {@code Double}, strings
 * {@code String}, {@code true}/{@code false} {@code Boolean}, {@code null} {@code null}.
 */
public final class JsonInput {
    /** One factory for every message; GradBench's lines can be far longer than Jackson's default limit. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .maxNestingDepth(1000)
                    .build())
            .build();

    private JsonInput() {}

    /** The value of {@code text}, which must hold exactly one JSON value. */
    public static Object parse(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("empty message");
            }
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw new IOException("text after the JSON value at "
                        + parser.currentLocation().getColumnNr());
            }
            return value;
        }
    }

    /** The value whose first token is the parser's current one; leaves the parser on its last token. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY:
                return array(parser);
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_STRING:
                return parser.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token + " at column "
                        + parser.currentLocation().getColumnNr());
        }
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, value(parser));
        }
        return fields;
    }

    /** An array: numbers (nested) when its first leaf is a number or it is empty, a list otherwise. */
    private static Object array(JsonParser parser) throws IOException {
        JsonToken next = parser.nextToken();
        if (next == JsonToken.END_ARRAY) {
            return new Numbers(new double[0], new int[] {0});
        }
        // GradBench's nested arrays are all numbers: numbers() rejects a nested array that is not
        if (next.isNumeric() || next == JsonToken.START_ARRAY) {
            return numbers(parser);
        }
        List<Object> items = new ArrayList<>();
        while (next != JsonToken.END_ARRAY) {
            items.add(value(parser));
            next = parser.nextToken();
        }
        return items;
    }

    /** A rectangular array of numbers; the parser is on the first token after its '['. */
    private static Numbers numbers(JsonParser parser) throws IOException {
        NumberSink sink = new NumberSink();
        List<Integer> shape = new ArrayList<>();
        shape.add(-1);
        elements(parser, sink, shape, 0);
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.max(shape.get(i), 0);
        }
        return new Numbers(sink.toArray(), dims);
    }

    /** The elements at {@code depth}, from the current token (the first element) to the closing ']'. */
    private static void elements(JsonParser parser, NumberSink sink, List<Integer> shape, int depth)
            throws IOException {
        int count = 0;
        for (JsonToken t = parser.currentToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t.isNumeric()) {
                if (depth != shape.size() - 1) {
                    throw notRectangular(parser);
                }
                sink.add(parser.getDoubleValue());
            } else if (t == JsonToken.START_ARRAY) {
                if (depth == shape.size() - 1) {
                    if (sink.size() > 0 || count > 0) {
                        throw notRectangular(parser);
                    }
                    shape.add(-1);
                }
                parser.nextToken();
                elements(parser, sink, shape, depth + 1);
            } else {
                throw new IOException("expected a number or an array of numbers, got " + t + " at column "
                        + parser.currentLocation().getColumnNr());
            }
            count++;
        }
        if (shape.get(depth) == -1) {
            shape.set(depth, count);
        } else if (shape.get(depth) != count) {
            throw notRectangular(parser);
        }
    }

    private static IOException notRectangular(JsonParser parser) {
        return new IOException("array of numbers is not rectangular at column "
                + parser.currentLocation().getColumnNr());
    }

    /** A growing {@code double[]}. */
    private static final class NumberSink {
        private double[] data = new double[16];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
