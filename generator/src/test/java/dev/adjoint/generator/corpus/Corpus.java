package dev.adjoint.generator.corpus;

import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus sources under {@code src/test/resources/corpus} and the directives in their comments
 * ({@code //@at}, {@code //@exact}, {@code //@frozen}, {@code //@notape}, {@code //@autotape},
 * {@code //@bug}, {@code //@uses}; see the README there).
 */
final class Corpus {
    /** The corpus classes, all in package {@code corpus}. */
    static final List<String> CLASSES = List.of(
            "Straight",
            "Branches",
            "ArrayParams",
            "Names",
            "Nested",
            "Floats",
            "Loops",
            "LoopCounters",
            "CountedLoops",
            "ScratchArrays",
            "FusedLoops",
            "ArrayWrites",
            "LocalArrays",
            "Calls",
            "CallsLib",
            "CallsConsts",
            "ArrayResults",
            "Ties",
            "Matrices",
            "MatrixHelpers",
            "Idioms",
            "Cubes",
            "FloatCubes",
            "TapeOnly",
            "FloatLoops",
            "FloatArrays",
            "FloatIndexTables",
            "FloatStaticIndexTables",
            "Helpers",
            "FloatHelpers",
            "FloatCalls",
            "FloatStatements",
            "FloatSelectors",
            "FloatSwitchExpressions",
            "FloatKeyedSwitches",
            "FloatReassignments",
            "FloatEarlyResults",
            "FloatUnsetArrays",
            "FloatLoopLengths",
            "FloatRaggedLocals",
            "FloatRecordMethods",
            "FloatInstanceHelpers",
            "FloatLoopLocalArrays",
            "FloatTableReaders",
            "StrangerUtil",
            "StrangerGaussian",
            "StrangerLinalg",
            "StrangerRoots",
            "StrangerOdes",
            "StrangerModels",
            "StrangerFinance",
            "StrangerIdioms",
            "StrangerEveryday",
            "FloatStranger",
            "Bugs",
            "BugSwitchFallThrough",
            "BugTapeStaticImport",
            "BugTapeNestedConstant");

    /** How a corpus method is generated: static with the optimisations on or off, or forced onto the tape. */
    enum Variant {
        DEFAULT,
        PLAIN,
        TAPE
    }

    /** A method's declaration: static, or an instance method returning a primitive (its object: Differentiated). */
    private static final Pattern METHOD = Pattern.compile(
            "\\bstatic\\s+[\\w\\[\\]]+\\s+(\\w+)\\s*\\(|^\\s*(?:(?:public|protected|private|final)\\s+)*"
                    + "(?:double|float|int|long|boolean|void)(?:\\[\\])*\\s+(\\w+)\\s*\\(");

    private static final Pattern AT = Pattern.compile("^\\s*//@at\\s*\\((.*)\\)\\s*$");
    private static final Pattern EXACT = Pattern.compile("^\\s*//@exact\\s*\\((.*)\\)\\s*grad\\s*\\{(.*)\\}\\s*$");
    private static final Pattern FROZEN = Pattern.compile("^\\s*//@frozen\\s+(\\w+)\\s*$");
    private static final Pattern NOTAPE = Pattern.compile("^\\s*//@notape\\s+(\\S.*)$");
    private static final Pattern AUTOTAPE = Pattern.compile("^\\s*//@autotape\\b.*$");
    private static final Pattern BUG = Pattern.compile("^\\s*//@bug(?:\\(([\\w,\\s]+)\\))?\\s+(\\S.*)$");
    private static final Pattern USES = Pattern.compile("^\\s*//@uses\\s+(\\w+)\\s*$");
    private static final Pattern DIFFERENTIABLE = Pattern.compile("^(\\s*)@Differentiable\\b(?:\\s*\\((.*)\\))?\\s*$");

    private Corpus() {}

    /** A point where the gradient has a known exact value (ties of max/min, abs at 0, ...). */
    record Exact(List<String> point, List<Double> gradient) {}

    /**
     * One corpus method and its directives.
     *
     * @param points raw argument texts of each {@code //@at}
     * @param exact {@code //@exact} points with their expected gradients
     * @param frozenOracle for detach: the oracle {@code //@frozen}
     * @param noTape why the tape strategy does not handle the method ({@code //@notape}), or null
     * @param autoTape whether {@code AUTO} must send the method to the tape ({@code //@autotape})
     * @param bugs the variants an open generator bug breaks, with its description ({@code //@bug})
     */
    record Method(
            String owner,
            String name,
            List<List<String>> points,
            List<Exact> exact,
            String frozenOracle,
            String noTape,
            boolean autoTape,
            Map<Variant, String> bugs) {
        @Override
        public String toString() {
            return owner + "#" + name;
        }

        /** The open bug that breaks this method in {@code v}, or null. */
        String bug(Variant v) {
            return bugs.get(v);
        }
    }

    /** Whether {@code simpleName} is a float class, checked against its double twin. */
    static boolean isFloatClass(String simpleName) {
        return simpleName.startsWith("Float");
    }

    /** The source text of corpus class {@code simpleName}. */
    static String source(String simpleName) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + simpleName + ".java")) {
            if (in == null) {
                throw new IllegalStateException(
                        "no corpus source /corpus/" + simpleName + ".java on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus classes that {@code simpleName} calls ({@code //@uses Other}), compiled with it. */
    static List<String> uses(String simpleName) {
        List<String> out = new ArrayList<>();
        for (String line : source(simpleName).split("\n")) {
            Matcher u = USES.matcher(line);
            if (u.matches()) {
                out.add(u.group(1));
            }
        }
        return out;
    }

    /** The methods of {@code simpleName} with their directives, in source order (methods without any are left out). */
    static List<Method> methods(String simpleName) {
        Map<String, Method> out = new LinkedHashMap<>();
        List<List<String>> points = new ArrayList<>();
        List<Exact> exact = new ArrayList<>();
        String frozen = null;
        String noTape = null;
        boolean autoTape = false;
        Map<Variant, String> bugs = new LinkedHashMap<>();
        for (String line : source(simpleName).split("\n")) {
            Matcher at = AT.matcher(line);
            Matcher ex = EXACT.matcher(line);
            Matcher fr = FROZEN.matcher(line);
            Matcher nt = NOTAPE.matcher(line);
            Matcher bug = BUG.matcher(line);
            Matcher m = METHOD.matcher(line);
            if (at.matches()) {
                points.add(splitTopLevel(at.group(1)));
            } else if (ex.matches()) {
                exact.add(new Exact(
                        splitTopLevel(ex.group(1)),
                        splitTopLevel(ex.group(2)).stream()
                                .map(Double::parseDouble)
                                .toList()));
            } else if (fr.matches()) {
                frozen = fr.group(1);
            } else if (nt.matches()) {
                noTape = nt.group(1).trim();
            } else if (AUTOTAPE.matcher(line).matches()) {
                autoTape = true;
            } else if (bug.matches()) {
                Set<Variant> scope = EnumSet.allOf(Variant.class);
                if (bug.group(1) != null) {
                    scope.clear();
                    for (String v : bug.group(1).split(",")) {
                        scope.add(Variant.valueOf(v.trim()));
                    }
                }
                for (Variant v : scope) {
                    bugs.put(v, bug.group(2).trim());
                }
            } else if (m.find() && !line.trim().startsWith("//")) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                if (!points.isEmpty() || frozen != null) {
                    out.put(
                            name,
                            new Method(
                                    simpleName,
                                    name,
                                    List.copyOf(points),
                                    List.copyOf(exact),
                                    frozen,
                                    noTape,
                                    autoTape,
                                    Map.copyOf(bugs)));
                }
                points.clear();
                exact.clear();
                frozen = null;
                noTape = null;
                autoTape = false;
                bugs.clear();
            }
        }
        return List.copyOf(out.values());
    }

    /** The {@code //@frozen} oracles of {@code simpleName}: methods checked only through others. */
    static List<String> frozenOracles(String simpleName) {
        return methods(simpleName).stream()
                .map(Method::frozenOracle)
                .filter(o -> o != null)
                .toList();
    }

    /**
     * {@code source} with {@code strategy = dev.adjoint.Strategy.TAPE} added to the
     * {@code @Differentiable} annotation of every method except those in {@code keep} (whose
     * annotation is left as written), so that the tape strategy generates them.
     */
    static String tapeCopy(String source, Set<String> keep) {
        String[] lines = source.split("\n", -1);
        List<Integer> annotations = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher a = DIFFERENTIABLE.matcher(lines[i]);
            Matcher m = METHOD.matcher(lines[i]);
            if (a.matches()) {
                annotations.add(i);
            } else if (m.find() && !lines[i].trim().startsWith("//")) {
                if (!keep.contains(m.group(1) != null ? m.group(1) : m.group(2))) {
                    for (int k : annotations) {
                        lines[k] = forceTape(lines[k]);
                    }
                }
                annotations.clear();
            }
        }
        return String.join("\n", lines);
    }

    private static String forceTape(String annotationLine) {
        Matcher a = DIFFERENTIABLE.matcher(annotationLine);
        if (!a.matches()) {
            throw new IllegalStateException(annotationLine);
        }
        String args = a.group(2) == null ? "" : a.group(2).trim();
        if (args.contains("strategy")) {
            throw new IllegalArgumentException("a corpus method sets its strategy: " + annotationLine.trim()
                    + "; leave it AUTO (the corpus runner forces the tape on a copy)");
        }
        String tape = "strategy = dev.adjoint.Strategy.TAPE";
        return a.group(1) + "@Differentiable(" + (args.isEmpty() ? tape : args + ", " + tape) + ")";
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
        Matcher m = Pattern.compile("(?<![\\w.])((?:\\d[\\d_]*)?(\\.\\d*)?([eE][+-]?\\d+)?)[fF]\\b")
                .matcher(s);
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
            if (t.dims() == 3) {
                Object[] layers = (Object[]) java.lang.reflect.Array.newInstance(
                        t.prim() == Ty.Prim.FLOAT ? float[][].class : double[][].class, items.size());
                for (int i = 0; i < layers.length; i++) {
                    layers[i] = value(t.element(), items.get(i).trim());
                }
                return layers;
            }
            if (t.dims() == 2) {
                Ty row = t.element();
                if (t.prim() == Ty.Prim.FLOAT) {
                    float[][] f = new float[items.size()][];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = (float[]) value(row, items.get(i).trim());
                    }
                    return f;
                }
                double[][] d = new double[items.size()][];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (double[]) value(row, items.get(i).trim());
                }
                return d;
            }
            if (t.prim() == Ty.Prim.FLOAT) {
                float[] f = new float[items.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = Float.parseFloat(items.get(i).trim());
                }
                return f;
            }
            if (t.prim() == Ty.Prim.INT) {
                return items.stream().mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            }
            if (t.prim() == Ty.Prim.LONG) {
                return items.stream()
                        .mapToLong(s -> (long) value(Ty.LONG, s.trim()))
                        .toArray();
            }
            if (t.prim() == Ty.Prim.BOOLEAN) {
                boolean[] b = new boolean[items.size()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = Boolean.parseBoolean(items.get(i).trim());
                }
                return b;
            }
            return items.stream().mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        }
        return switch (t.prim()) {
            case DOUBLE -> Double.parseDouble(text);
            case FLOAT -> Float.parseFloat(text);
            case INT -> Integer.parseInt(text);
            case LONG -> Long.parseLong(text.replaceAll("[lL]$", ""));
            case BOOLEAN -> Boolean.parseBoolean(text);
            case SHORT -> Short.parseShort(text);
            case BYTE -> Byte.parseByte(text);
            case CHAR -> charValue(text);
            case STRING -> stringValue(text);
            case ENUM -> new dev.adjoint.generator.testing.Differentiated.EnumConstant(t.enumName(), text);
            case RANDOM -> throw new IllegalArgumentException("a Random is a local, never a parameter: " + text);
        };
    }

    /** A string written as a literal in double quotes ({@code "abc"}), no escapes. */
    private static String stringValue(String text) {
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            throw new IllegalArgumentException("String value expected as \"...\", got " + text);
        }
        return text.substring(1, text.length() - 1);
    }

    /** A char written as a literal in single quotes ({@code 'a'}), no escapes. */
    private static char charValue(String text) {
        if (text.length() != 3 || text.charAt(0) != '\'' || text.charAt(2) != '\'') {
            throw new IllegalArgumentException("char value expected as 'c', got " + text);
        }
        return text.charAt(1);
    }

    /** Splits on commas outside braces. */
    static List<String> splitTopLevel(String text) {
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
