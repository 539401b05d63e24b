package dev.adjoint.generator.corpus;

import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus sources under {@code src/test/resources/corpus} and the directives in their comments
 * ({@code //@at}, {@code //@frozen}; see the README there).
 */
final class Corpus {
    /** The corpus classes, all in package {@code corpus}. */
    static final List<String> CLASSES = List.of("Straight", "Branches", "ArrayParams", "Names", "Nested", "Floats");

    /** The class whose methods are checked against a double twin made from its text. */
    static final String FLOAT_CLASS = "Floats";

    private static final Pattern METHOD = Pattern.compile("\\bstatic\\s+[\\w\\[\\]]+\\s+(\\w+)\\s*\\(");
    private static final Pattern AT = Pattern.compile("^\\s*//@at\\s*\\((.*)\\)\\s*$");
    private static final Pattern FROZEN = Pattern.compile("^\\s*//@frozen\\s+(\\w+)\\s*$");

    private Corpus() {}

    /** One corpus method: its points (raw argument texts) and, for detach, its frozen oracle. */
    record Method(String owner, String name, List<List<String>> points, String frozenOracle) {
        @Override
        public String toString() {
            return owner + "#" + name;
        }
    }

    /** The source text of corpus class {@code simpleName}. */
    static String source(String simpleName) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + simpleName + ".java")) {
            if (in == null) {
                throw new IllegalStateException("no corpus source /corpus/" + simpleName + ".java on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The methods of {@code simpleName} with their directives, in source order (methods without any are left out). */
    static List<Method> methods(String simpleName) {
        Map<String, Method> out = new LinkedHashMap<>();
        List<List<String>> points = new ArrayList<>();
        String frozen = null;
        for (String line : source(simpleName).split("\n")) {
            Matcher at = AT.matcher(line);
            Matcher fr = FROZEN.matcher(line);
            Matcher m = METHOD.matcher(line);
            if (at.matches()) {
                points.add(splitTopLevel(at.group(1)));
            } else if (fr.matches()) {
                frozen = fr.group(1);
            } else if (m.find() && !line.trim().startsWith("//")) {
                if (!points.isEmpty() || frozen != null) {
                    out.put(m.group(1), new Method(simpleName, m.group(1), List.copyOf(points), frozen));
                }
                points.clear();
                frozen = null;
            }
        }
        return List.copyOf(out.values());
    }

    /** The {@code //@frozen} oracles of {@code simpleName}: methods checked only through others. */
    static List<String> frozenOracles(String simpleName) {
        return methods(simpleName).stream().map(Method::frozenOracle).filter(o -> o != null).toList();
    }

    /**
     * The double twin of a float class's source: {@code float} becomes {@code double}, float
     * literals lose their suffix, casts between float and double are dropped, and the class is
     * renamed {@code <name>Twin}.
     */
    static String doubleTwin(String simpleName, String source) {
        String s = source.replaceAll("\\((?:float|double)\\)\\s*", "");
        s = s.replaceAll("\\bfloat\\b", "double");
        // 4f -> 4.0, 0.5f -> 0.5, .5f -> .5, 1e-3f -> 1e-3 (never inside an identifier)
        Matcher m = Pattern.compile("(?<![\\w.])((?:\\d[\\d_]*)?(\\.\\d*)?([eE][+-]?\\d+)?)[fF]\\b").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = m.group(1);
            if (number.isEmpty() || number.equals(".")) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            boolean integral = m.group(2) == null && m.group(3) == null;
            m.appendReplacement(out, Matcher.quoteReplacement(number + (integral ? ".0" : "")));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\b" + simpleName + "\\b", simpleName + "Twin");
    }

    /** The arguments of one point, converted to the parameter types of {@code request}. */
    static Object[] arguments(MethodRequest request, List<String> texts) {
        List<Param> ps = request.params();
        if (ps.size() != texts.size()) {
            throw new IllegalArgumentException(request.methodRef() + " has " + ps.size() + " parameters but the point "
                    + texts + " has " + texts.size() + " values");
        }
        Object[] args = new Object[ps.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = value(ps.get(i).type(), texts.get(i).trim());
        }
        return args;
    }

    private static Object value(Ty t, String text) {
        if (t.isArray()) {
            if (!text.startsWith("{") || !text.endsWith("}")) {
                throw new IllegalArgumentException("array value expected in braces, got " + text);
            }
            List<String> items = splitTopLevel(text.substring(1, text.length() - 1));
            if (t.prim() == Ty.Prim.FLOAT) {
                float[] f = new float[items.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = Float.parseFloat(items.get(i).trim());
                }
                return f;
            }
            return items.stream().mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        }
        return switch (t.prim()) {
            case DOUBLE -> Double.parseDouble(text);
            case FLOAT -> Float.parseFloat(text);
            case INT -> Integer.parseInt(text);
            case LONG -> Long.parseLong(text.replaceAll("[lL]$", ""));
            case BOOLEAN -> Boolean.parseBoolean(text);
        };
    }

    /** Splits on commas outside braces. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            parts.add(cur.toString().trim());
        }
        return parts;
    }
}
