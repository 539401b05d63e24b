package dev.adjoint.generator.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.testing.InMemoryCompiler;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bytecode of a compiled method shows of its writes to arrays. Oracle: the methods' sources, read by hand. */
class ArrayStoresTest {
    private static final String K = """
            package k;

            public class K {
                static double[] kept;

                public static double reads(double[] w) {
                    double s = 0;
                    for (double v : w) {
                        s += Math.sin(v) * v;
                    }
                    return s + helper(w, w.length);
                }

                static double helper(double[] w, int n) {
                    return n > 0 ? w[n - 1] : 0;
                }

                public static double guards(double[] w, double x) {
                    if (w.length == 0) {
                        throw new IllegalArgumentException("empty at " + x);
                    }
                    return w[0] * x;
                }

                public static double writes(double[] w) {
                    w[0] = 1;
                    return w[0];
                }

                public static double ownScratch(double[] w) {
                    double[] t = new double[2];
                    t[0] = w[0];
                    return t[0];
                }

                public static double sorts(double[] w) {
                    java.util.Arrays.sort(w);
                    return w[0];
                }

                public static double keeps(double[] w) {
                    kept = w;
                    return 0;
                }

                public static double clones(double[] w) {
                    return w.clone()[0];
                }

                public static double viaHelper(double[] w) {
                    return writes(w);
                }

                public static double viaObject(double[] w) {
                    return java.util.List.of((Object) w).size();
                }
            }
            """;

    @Test
    void onlyMethodsWhoseBytecodeCannotStoreIntoAnArrayAreReadOnly(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, byte[]> e :
                InMemoryCompiler.compileToBytes(Map.of("k.K", K)).entrySet()) {
            Path f = dir.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Map<String, Boolean> mayWrite = new TreeMap<>();
            for (Method m : loader.loadClass("k.K").getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                    mayWrite.put(m.getName(), ArrayStores.mayWrite(m));
                }
            }
            Map<String, Boolean> expected = new TreeMap<>();
            Arrays.asList("reads", "guards").forEach(n -> expected.put(n, false));
            Arrays.asList("writes", "ownScratch", "sorts", "keeps", "clones", "viaHelper", "viaObject")
                    .forEach(n -> expected.put(n, true));
            assertEquals(expected, mayWrite);
        }
    }
}
