package dev.adjoint.gradbench;

import dev.adjoint.gradbench.evals.Evals;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** {@code java -jar adjoint-gradbench.jar}: the tool GradBench starts; logs go to standard error. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        BufferedOutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        new Tool(Evals.all(), Runs.DEFAULT, System.err).serve(in, out);
    }
}
