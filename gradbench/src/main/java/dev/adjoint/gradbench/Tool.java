package dev.adjoint.gradbench;

import dev.adjoint.gradbench.evals.Call;
import dev.adjoint.gradbench.evals.Eval;
import dev.adjoint.gradbench.evals.Inputs;
import dev.adjoint.gradbench.json.JsonInput;
import dev.adjoint.gradbench.json.JsonOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tool's side of GradBench's protocol: answers {@code start}, {@code define}, {@code evaluate},
 * and {@code {"id": N}} to anything else. A message that cannot be read or evaluated gets
 * {@code "success": false} and the reason under {@code error}; the tool itself never stops before
 * its input ends.
 */
public final class Tool {
    private final Map<String, Eval> evals;
    private final Runs runs;
    private final PrintStream log;

    public Tool(Map<String, Eval> evals, Runs runs, PrintStream log) {
        this.evals = evals;
        this.runs = runs;
        this.log = log;
    }

    /** Answers every line of {@code in} on {@code out}, one line each, until {@code in} ends. */
    public void serve(BufferedReader in, OutputStream out) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            out.write(answer(line));
            out.write('\n');
            out.flush();
        }
    }

    /** The answer to one message line, as UTF-8 JSON text without the line break. */
    public byte[] answer(String line) {
        Object id = null;
        try {
            Object message = JsonInput.parse(line);
            if (!(message instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("a message must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) message;
            id = fields.get("id");
            return JsonOutput.bytes(respond(id, fields));
        } catch (Throwable e) { // OutOfMemoryError and StackOverflowError included: the tool answers and goes on
            log.println("adjoint: message " + id + " failed: " + e);
            return failure(id, describe(e));
        }
    }

    private Map<String, Object> respond(Object id, Map<String, Object> message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        Object kind = message.get("kind");
        if ("start".equals(kind)) {
            answer.put("tool", "adjoint");
        } else if ("define".equals(kind)) {
            Object module = message.get("module");
            Eval eval = evals.get(String.valueOf(module));
            String missing =
                    eval == null ? "module '" + module + "' is not implemented by adjoint" : eval.unsupported();
            answer.put("success", missing == null);
            if (missing != null) {
                answer.put("error", missing);
            }
        } else if ("evaluate".equals(kind)) {
            evaluate(message, answer);
        }
        return answer;
    }

    private void evaluate(Map<String, Object> message, Map<String, Object> answer) {
        String module = String.valueOf(message.get("module"));
        String function = String.valueOf(message.get("function"));
        Eval eval = evals.get(module);
        if (eval == null || eval.unsupported() != null) {
            throw new IllegalArgumentException("module '" + module + "' is not implemented by adjoint");
        }
        Object input = message.get("input");
        int minRuns = 1;
        double minSeconds = 0;
        if (input instanceof Map<?, ?> fields) {
            if (fields.containsKey("min_runs")) {
                minRuns = Inputs.intValue(fields.get("min_runs"), "min_runs");
            }
            if (fields.containsKey("min_seconds")) {
                minSeconds = Inputs.doubleValue(fields.get("min_seconds"), "min_seconds");
            }
        }
        long start = System.nanoTime();
        Call call = eval.prepare(function, input);
        log.printf("adjoint: %s %s prepared in %.1f ms%n", module, function, (System.nanoTime() - start) / 1e6);
        var timings = runs.time(call, minRuns, minSeconds);
        answer.put("success", true);
        answer.put("output", call.output());
        answer.put("timings", timings);
    }

    private static byte[] failure(Object id, String error) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id instanceof Number n ? (Object) n.longValue() : null);
        answer.put("success", false);
        answer.put("error", error);
        try {
            return JsonOutput.bytes(answer);
        } catch (IOException | RuntimeException e) { // cannot happen with these three fields; still an answer
            return "{\"id\":null,\"success\":false,\"error\":\"the failure could not be written\"}"
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
