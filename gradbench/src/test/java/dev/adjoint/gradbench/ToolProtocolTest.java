package dev.adjoint.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.gradbench.evals.Evals;
import dev.adjoint.gradbench.json.JsonInput;
import dev.adjoint.gradbench.json.Numbers;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GradBench's protocol as the eval speaks it, line by line, through {@link Tool#serve}. */
class ToolProtocolTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Tool tool =
            new Tool(Evals.all(), new Runs(1, 0.0, 0.0, 1), new PrintStream(log, true, StandardCharsets.UTF_8));

    private List<Map<String, Object>> exchange(String... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tool.serve(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), out);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) JsonInput.parse(line);
            answers.add(answer);
        }
        return answers;
    }

    @Test
    void scriptedExchangeAnswersEachMessageOnceWithItsId() throws Exception {
        List<Map<String, Object>> answers = exchange(
                "{\"id\":0,\"kind\":\"start\",\"eval\":\"hello\"}",
                "{\"id\":1,\"kind\":\"define\",\"module\":\"hello\"}",
                "{\"id\":2,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"square\",\"input\":3.0}",
                "{\"id\":3,\"kind\":\"analysis\",\"of\":2,\"valid\":true}",
                "{\"id\":4,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"double\",\"input\":3.0}",
                "{\"id\":5,\"kind\":\"something new\"}");
        assertEquals(6, answers.size());
        assertEquals(Map.of("id", 0L, "tool", "adjoint"), answers.get(0));
        assertEquals(Map.of("id", 1L, "success", true), answers.get(1));
        assertEquals(9.0, answers.get(2).get("output"));
        assertEquals(true, answers.get(2).get("success"));
        assertEquals(Map.of("id", 3L), answers.get(3));
        assertEquals(6.0, answers.get(4).get("output")); // d(x²)/dx at 3, from HelloAdjoint
        assertEquals(Map.of("id", 5L), answers.get(5));
    }

    @Test
    void timingsHonourMinRunsAndAnIntegerMinSeconds() throws Exception {
        Map<String, Object> answer = exchange(
                        "{\"id\":7,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"gradient\","
                                + "\"input\":{\"x\":[1,2,3],\"min_runs\":5,\"min_seconds\":0}}")
                .get(0);
        List<?> timings = (List<?>) answer.get("timings");
        long evaluations = timings.stream()
                .filter(t -> "evaluate".equals(((Map<?, ?>) t).get("name")))
                .count();
        assertEquals(5, evaluations);
        assertEquals("warmup", ((Map<?, ?>) timings.get(0)).get("name"));
        for (Object t : timings) {
            assertInstanceOf(Long.class, ((Map<?, ?>) t).get("nanoseconds"));
        }

        // an x long enough that a second is thousands of runs, not millions of timing entries
        String x = String.join(",", java.util.Collections.nCopies(20_000, "0.5"));
        long start = System.nanoTime();
        answer = exchange("{\"id\":8,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"primal\","
                        + "\"input\":{\"x\":[" + x + "],\"min_runs\":1,\"min_seconds\":1}}")
                .get(0);
        assertTrue(System.nanoTime() - start >= 1_000_000_000L, "min_seconds = 1 (an integer) runs for a second");
        assertTrue(((List<?>) answer.get("timings")).size() > 2);
    }

    @Test
    void unknownModulesFunctionsAndMalformedLinesAreFailuresNotCrashes() throws Exception {
        List<Map<String, Object>> answers = exchange(
                "{\"id\":1,\"kind\":\"define\",\"module\":\"nosuch\"}",
                "{\"id\":2,\"kind\":\"define\",\"module\":\"particle\"}",
                "{\"id\":3,\"kind\":\"evaluate\",\"module\":\"nosuch\",\"function\":\"f\",\"input\":{}}",
                "{\"id\":4,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"hessian\",\"input\":{\"x\":[1]}}",
                "{\"id\":5,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"primal\",\"input\":{\"y\":[1]}}",
                "this is not json",
                "{\"id\":6,\"kind\":\"evaluate\",\"module\":\"gmm\",\"function\":\"objective\",\"input\":{\"d\":2,",
                "{\"id\":7,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"primal\",\"input\":{\"x\":[[1,2],[3]]}}",
                "{\"id\":8,\"kind\":\"define\",\"module\":\"hello\"}");
        assertEquals(9, answers.size(), "one answer per line, and the tool is still there after the failures");
        for (int i = 0; i < 8; i++) {
            assertEquals(false, answers.get(i).get("success"), "answer " + i);
            assertInstanceOf(String.class, answers.get(i).get("error"), "answer " + i);
        }
        assertEquals(1L, answers.get(0).get("id"));
        assertTrue(((String) answers.get(1).get("error")).contains("nested derivatives"));
        assertTrue(((String) answers.get(3).get("error")).contains("no function 'hessian'"));
        assertTrue(((String) answers.get(4).get("error")).contains("no field 'x'"));
        assertEquals(null, answers.get(5).get("id"), "a line that is not JSON has no id to answer with");
        assertTrue(((String) answers.get(7).get("error")).contains("not rectangular"));
        assertEquals(Map.of("id", 8L, "success", true), answers.get(8));
        assertFalse(log.toString(StandardCharsets.UTF_8).isEmpty(), "failures are logged on standard error");
    }

    @Test
    void aLargeInputIsReadIntoArraysAndAnswered() throws Exception {
        int n = 1_280_000; // lse's largest workload: about 25 MB on one line
        Random random = new Random(18);
        StringBuilder line = new StringBuilder(n * 21)
                .append("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"lse\",")
                .append("\"function\":\"gradient\",\"input\":{\"x\":[");
        double max = Double.NEGATIVE_INFINITY;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
            max = Math.max(max, x[i]);
            line.append(i == 0 ? "" : ",").append(x[i]);
        }
        line.append("],\"min_runs\":1,\"min_seconds\":0}}");
        Map<String, Object> answer = exchange(line.toString()).get(0);
        assertEquals(true, answer.get("success"), () -> String.valueOf(answer.get("error")));
        double[] gradient = ((Numbers) answer.get("output")).data();
        assertEquals(n, gradient.length);
        double sum = 0.0;
        for (double xi : x) {
            sum += Math.exp(xi - max);
        }
        // ∂ lse / ∂x_i = softmax(x)_i, computed here independently
        assertEquals(Math.exp(x[0] - max) / sum, gradient[0], 1e-15);
        assertEquals(Math.exp(x[n - 1] - max) / sum, gradient[n - 1], 1e-15);
    }
}
