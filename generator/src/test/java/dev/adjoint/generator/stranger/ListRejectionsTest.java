package dev.adjoint.generator.stranger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What stays rejected of {@code List} parameters ({@link ListDataTest} has what is read as data):
 * writing the list, any other method of it, storing, returning or aliasing it, a boxed element
 * compared by reference (also a for-each variable, or held by a {@code var} local), a raw list, a list of lists, a list of other elements, a list created in
 * the method, a list field, {@code wrt} naming a list, a list of records passed on: each is one
 * error at its position, the real cause first, and nothing is generated.
 */
class ListRejectionsTest {

    /** The one error of a class {@code Data} whose method {@code f} has {@code params} and {@code body}. */
    private static Diagnostic oneError(String annotation, String params, String body) {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;
                import java.util.ArrayList;
                import java.util.List;

                public class Data {
                    public record Obs(double x, double y) {}

                    %s
                    public static double f(%s) {
                        %s
                    }

                    static double help(double[] w, List<Obs> data) {
                        return w[0] * data.get(0).x();
                    }

                    static double clearing(List<Double> xs) {
                        xs.clear();
                        return 1;
                    }

                    static double twice(List<Obs> data) {
                        return 2 * data.get(0).y();
                    }

                    static double twice(double x) {
                        return 2 * x;
                    }
                }
                """.formatted(annotation, params, body);
        Translation t = StrangerHarness.translate(Map.of("Data", source));
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(t.generated().isEmpty(), "output generated despite the error");
        return errors.get(0);
    }

    private static void assertError(Diagnostic d, int line, int column, String message) {
        assertEquals(line + ":" + column + " " + message, d.line() + ":" + d.column() + " " + d.message());
    }

    private static final String W = "@Differentiable(wrt = \"w\")";

    @Test
    void aWriteIsAnError() {
        assertError(
                oneError(W, "double[] w, List<Double> xs", "xs.add(w[0]);\n        return w[0] * xs.get(0);"),
                12,
                9,
                "'xs.add(w[0])' changes list parameter 'xs': a differentiated method reads a List parameter as data"
                        + " and cannot change it; compute into a local array instead");
    }

    @Test
    void aWriteInAHelperGivenTheListIsAnErrorThere() {
        assertError(
                oneError(W, "double[] w, List<Double> xs", "return w[0] * clearing(xs);"),
                20,
                9,
                "'xs.clear()' changes list parameter 'xs': a differentiated method reads a List parameter as data"
                        + " and cannot change it; compute into a local array instead");
    }

    @Test
    void anotherMethodIsAnError() {
        assertError(
                oneError(W, "double[] w, List<Double> xs", "return w[0] * xs.stream().mapToDouble(d -> d).sum();"),
                12,
                23,
                "'xs.stream()' calls 'stream' on list parameter 'xs': a differentiated method reads a List parameter"
                        + " with get(i), size(), isEmpty() and a for-each only; write it as a loop over get(i)");
        assertError(
                oneError(W, "double[] w, List<Obs> data", "return w[0] * data.subList(0, 1).size();"),
                12,
                23,
                "'data.subList(0, 1)' calls 'subList' on list parameter 'data': a differentiated method reads a List"
                        + " parameter with get(i), size(), isEmpty() and a for-each only; write it as a loop over"
                        + " get(i)");
    }

    @Test
    void anAliasIsOneError() {
        assertError(
                oneError(W, "double[] w, List<Double> xs", "List<Double> ys = xs;\n        return w[0] * ys.get(0);"),
                12,
                22,
                "'ys = xs' uses list parameter 'xs' other than reading its elements: a differentiated method reads a"
                        + " List parameter with get(i), size(), isEmpty() and a for-each, and may pass it to a method"
                        + " of its class taking the same List, but cannot store, return, compare or alias it; read it"
                        + " where it is");
    }

    @Test
    void forEachVariablesComparedByReferenceAreOneError() {
        assertError(
                oneError(
                        W,
                        "double[] w, List<Double> xs",
                        "double s = 0;\n        for (var x : xs) for (Double y : xs) if (x == y) s += w[0];\n"
                                + "        return s;"),
                13,
                50,
                "'x == y' compares Double objects of list parameter 'xs' by reference (or with null), as Java does"
                        + " for boxed numbers: a differentiated method reads the elements as numbers; compare the"
                        + " values (x.doubleValue())");
    }

    @Test
    void aForEachVariableComparedWithNullOrAskedAnotherMethodIsAnError() {
        assertError(
                oneError(
                        W,
                        "double[] w, List<Double> xs",
                        "double s = 0;\n        for (Double x : xs) if (x != null) s += w[0] * x;\n        return s;"),
                13,
                33,
                "'x != null' compares Double objects of list parameter 'xs' by reference (or with null), as Java"
                        + " does for boxed numbers: a differentiated method reads the elements as numbers; compare the"
                        + " values (x.doubleValue())");
        assertError(
                oneError(
                        W,
                        "double[] w, List<Double> xs",
                        "double s = 0;\n        for (Double x : xs) s += w[0] * x.hashCode();\n        return s;"),
                13,
                41,
                "'x.hashCode()' calls 'hashCode' on 'x', an element of list parameter 'xs' (a Double): a"
                        + " differentiated method reads the elements of a List<Double> as numbers; use the value in"
                        + " arithmetic (doubleValue() at most)");
    }

    @Test
    void aVarLocalHoldingABoxedElementIsAnError() {
        assertError(
                oneError(W, "double[] w, List<Double> xs", "var v = xs.get(0);\n        return w[0] * v;"),
                12,
                13,
                "'v = xs.get(0)' holds an element of list parameter 'xs' in a local of type var: a differentiated"
                        + " method reads the elements of a List<Double> as numbers; declare the local double");
    }

    @Test
    void aBoxedElementComparedByReferenceIsAnError() {
        assertError(
                oneError(W, "double[] w, List<Double> xs", "return xs.get(0) == xs.get(1) ? w[0] : w[1];"),
                12,
                16,
                "'xs.get(0) == xs.get(1)' compares Double objects of list parameter 'xs' by reference (or with null),"
                        + " as Java does for boxed numbers: a differentiated method reads the elements as numbers;"
                        + " compare the values (xs.get(i).doubleValue())");
    }

    @Test
    void aBoxedLocalHoldingAnElementIsOneError() {
        assertError(
                oneError(W, "double[] w, List<Double> xs", "Double first = xs.get(0);\n        return w[0] * first;"),
                12,
                16,
                "'first = xs.get(0)' holds an element of list parameter 'xs' in a local of type Double: a"
                        + " differentiated method reads the elements of a List<Double> as numbers; declare the local"
                        + " double");
    }

    @Test
    void listTypesItCannotReadAreErrors() {
        assertError(
                oneError(W, "double[] w, List xs", "return w[0];"),
                11,
                40,
                "parameter 'xs' has type List: a raw List, whose elements' type is unknown; give it (List<Double>,"
                        + " List<Obs>)");
        assertError(
                oneError(W, "double[] w, List<List<Double>> xs", "return w[0];"),
                11,
                40,
                "parameter 'xs' has type List<List<Double>>: a List of Lists is not supported; pass a double[][] (one"
                        + " row per inner list, ragged if they differ in length)");
        assertError(
                oneError(W, "double[] w, List<String> xs", "return w[0];"),
                11,
                40,
                "parameter 'xs' has type List<String>: a differentiated method reads a List whose elements are"
                        + " Double, Float, Integer, double[], float[], or records or classes of the sources; pass these"
                        + " values as an array");
    }

    @Test
    void aListTheMethodCreatesIsAnError() {
        assertError(
                oneError(W, "double[] w", "List<Double> ys = new ArrayList<>();\n        return w[0];"),
                12,
                22,
                "local 'ys' of type List<Double>: a differentiated method reads List parameters as data but cannot"
                        + " create or hold a list; keep the values in an array (double[] ys = new double[n])");
    }

    @Test
    void wrtNamingAListIsAnError() {
        assertError(
                oneError(
                        "@Differentiable(wrt = {\"w\", \"xs\"})",
                        "double[] w, List<Double> xs",
                        "return w[0] * xs.get(0);"),
                10,
                5,
                "wrt names 'xs', a List<Double>: a List parameter is read as data and never differentiated; to take"
                        + " the gradient with respect to its values, pass them as an array, double[]");
        assertError(
                oneError(
                        "@Differentiable(wrt = \"data\")",
                        "double[] w, List<Obs> data",
                        "return w[0] * data.get(0).x();"),
                10,
                5,
                "wrt names 'data', a List<Obs>: a List parameter is read as data and never differentiated; to take"
                        + " the gradient with respect to its values, pass them as an array, Obs[] (list.toArray(new Obs[0]))");
    }

    @Test
    void aMethodWithOnlyListsHasNothingToDifferentiate() {
        assertError(
                oneError("@Differentiable", "List<Double> xs", "return xs.get(0);"),
                10,
                5,
                "nothing to differentiate: 'f' has no float or double parameter to take the gradient with respect to,"
                        + " and its List parameters are read as data, never differentiated; pass the values to"
                        + " differentiate as a double[], or remove @Differentiable");
    }

    @Test
    void aListOfRecordsPassedToAnOverloadedHelperIsAnError() {
        assertError(
                oneError(W, "double[] w, List<Obs> data", "return w[0] * twice(data);"),
                12,
                23,
                "'twice(data)' passes list parameter 'data' to 'twice': a differentiated method passes a List of"
                        + " records or objects on only to a plain static helper of its class that takes the same List"
                        + " (the only method of its name); read the elements here, or pass them one by one"
                        + " (data.get(i))");
    }

    @Test
    void aListPassedToALibraryMethodIsAnError() {
        assertError(
                oneError(W, "double[] w, List<Double> xs", "return w[0] * java.util.Collections.max(xs);"),
                12,
                23,
                "'java.util.Collections.max(xs)' passes list parameter 'xs' to 'max', which is not a method of this"
                        + " class taking a List<Double>: a differentiated method passes a List parameter on only to"
                        + " such a method, which reads it the same way; pass the values to others as an array");
    }

    @Test
    void aDifferentiableMethodTakingListsLeftACallIsAnErrorAtTheCall() {
        // (only its body reads the lists as arrays: inside a larger expression under ?: it cannot stand there, and
        // the generated code must not call the user's method with arrays)
        Translation t = StrangerHarness.translate(Map.of("Calls", """
                package stranger;

                import dev.adjoint.Differentiable;
                import java.util.List;

                public class Calls {
                    @Differentiable(wrt = "w")
                    public static double inner(double[] w, List<Double> xs) {
                        double s = 0;
                        for (int i = 0; i < xs.size(); i++) {
                            s += w[0] * xs.get(i);
                        }
                        return s;
                    }

                    @Differentiable(wrt = "w")
                    public static double outer(double[] w, List<Double> xs, boolean on) {
                        return w[1] * (on ? inner(w, xs) : 1.0);
                    }
                }
                """));
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(t.generated().isEmpty(), "output generated despite the error");
        assertError(
                errors.get(0),
                18,
                29,
                "call to 'inner', which reads List parameters, stays a call here: the adjoint can take it only where it"
                        + " replaces the call by the method's body (a statement, a declaration's or assignment's value, a"
                        + " return, an if's condition, the whole condition or value of a statement under &&, || or ?:;"
                        + " not inside a larger expression there; not recursive; at most 120 statements inlined); assign"
                        + " it to a local in a statement of its own");
    }

    @Test
    void aListFieldIsAnError() {
        Translation t = StrangerHarness.translate(Map.of("Held", """
                package stranger;

                import dev.adjoint.Differentiable;
                import java.util.List;

                public class Held {
                    List<Double> xs;
                    double[] w;

                    @Differentiable(wrt = "this")
                    public double loss() {
                        return w[0] * xs.get(0);
                    }
                }
                """));
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(t.generated().isEmpty());
        assertError(
                errors.get(0),
                12,
                23,
                "'xs' reads field 'xs' of type List<Double>: a differentiated instance method can read fields of type"
                        + " double, float, int, long, boolean and their arrays (2-D for double and float), records of"
                        + " the sources and 1-D arrays of records or objects of the sources (Layer[] layers); pass this"
                        + " value as a parameter (a List parameter is read as data)");
    }
}
