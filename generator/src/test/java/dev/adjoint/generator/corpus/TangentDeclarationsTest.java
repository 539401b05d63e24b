package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.forward.CustomTangents;
import dev.adjoint.generator.forward.HvpSource;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.forward.TangentSweep;
import dev.adjoint.generator.forward.TangentText;
import dev.adjoint.generator.pipeline.ChosenMethods;
import dev.adjoint.generator.select.MethodRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Hvp's tangent declarations ({@link HvpSource#method}), built from the code model as
 * JavaParser nodes, against the oracle of the text the generator used to print and parse
 * ({@link TangentText}): for every corpus method with a tangent pair, as the pair and as a
 * callee's tangent, and for every custom-pullback tangent, the built tree is structurally equal
 * ({@code Node.equals}) to the parsed one: the same nodes, parentheses ({@code EnclosedExpr}) where
 * the text had them, the same literals and types.
 */
class TangentDeclarationsTest {
    private static final JavaParser PARSER =
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    /** Callees with {@code @CustomDerivative}: their tangents carry the pullback's statements as trees. */
    private static final String CUSTOM = """
            package hvd;

            import dev.adjoint.CustomDerivative;
            import dev.adjoint.Differentiable;
            import dev.adjoint.DoubleGrad;

            public class Custom {
                static final double K = 2.0;

                public static double soft(double x) {
                    return Math.log1p(Math.exp(x));
                }

                @CustomDerivative(of = "soft")
                public static double softPullback(double x, double seed, DoubleGrad dx) {
                    // the logistic function
                    double e = Math.exp(-x);
                    dx.add(seed / (1 + e));
                    return soft(x);
                }

                public static double norm(double[] v) {
                    double s = 0;
                    for (int i = 0; i < v.length; i++) {
                        s += v[i] * v[i];
                    }
                    return Math.sqrt(s);
                }

                @CustomDerivative(of = "norm")
                public static double normPullback(double[] v, double seed, double[] dv) {
                    double n = norm(v);
                    for (int i = 0; i < v.length; i++) {
                        dv[i] += seed * v[i] / (n > 0 ? n : K);
                    }
                    return n;
                }

                @Differentiable
                public static double uses(double x, double[] v) {
                    return soft(x) * norm(v) - (x - (v[0] + K)) * -(-x);
                }
            }
            """;

    @Test
    void everyCorpusTangentIsTheTreeOfItsText() {
        int compared = 0;
        int custom = 0;
        int userTrees = 0;
        // the user's text JavaParser still reads (renamed guards, asserts, output; expressions the model keeps opaque)
        Map<String, Integer> userTexts = new TreeMap<>();
        List<String> unequal = new ArrayList<>();
        List<Map<Path, String>> sourceSets = new ArrayList<>();
        for (String name : Corpus.CLASSES) {
            Map<Path, String> sources = new TreeMap<>();
            sources.put(Path.of(name + ".java"), Corpus.source(name));
            Corpus.uses(name).forEach(u -> sources.put(Path.of(u + ".java"), Corpus.source(u)));
            sourceSets.add(sources);
        }
        sourceSets.add(Map.of(Path.of("hvd/Custom.java"), CUSTOM));
        for (Map<Path, String> sources : sourceSets) {
            for (ChosenMethods.Chosen c : ChosenMethods.of(sources, Options.DEFAULT)) {
                List<JvpMethod> tangents = new ArrayList<>();
                c.pair().ifPresent(tangents::add);
                for (MethodRequest g : c.pair().map(JvpMethod::callees).orElse(Set.of())) {
                    if (g.customPullback() != null) {
                        try {
                            tangents.add(CustomTangents.of(g));
                            custom++;
                        } catch (TangentSweep.Unsupported none) {
                            // (no tangent from this pullback's code: the build's note says why)
                        }
                    }
                }
                for (JvpMethod j : tangents) {
                    if (j.request().result().isArray()) {
                        continue; // (no Hvp: HvpSource refuses it)
                    }
                    userTrees += (int) j.sweep().stream()
                            .filter(x -> x instanceof Code.Raw r && r.tree() != null)
                            .count();
                    userText(j.sweep(), userTexts);
                    // (a custom pullback's tangent is only ever a callee's: it has no value to pair)
                    for (boolean asCallee : j.value() == null ? new boolean[] {true} : new boolean[] {false, true}) {
                        String text = TangentText.method(j, asCallee);
                        ParseResult<MethodDeclaration> parsed = PARSER.parseMethodDeclaration(text);
                        assertTrue(parsed.isSuccessful(), () -> text + parsed.getProblems());
                        MethodDeclaration built = HvpSource.method(j, asCallee);
                        compared++;
                        if (!built.equals(parsed.getResult().orElseThrow())) {
                            unequal.add(sources.keySet() + " " + j.request().methodRef()
                                    + (asCallee ? " (callee)" : " (pair)") + ":\nparsed:\n" + text + "built:\n"
                                    + built);
                        }
                    }
                }
            }
        }
        int all = compared;
        assertEquals(List.of(), unequal, () -> unequal.size() + " of " + all + " differ");
        System.out.printf(
                "TangentDeclarationsTest: %d declarations compared, %d custom-pullback tangents, "
                        + "%d user statements carried as trees%n",
                compared, custom, userTrees);
        System.out.println("TangentDeclarationsTest: the user's text read by JavaParser: " + userTexts);
        // (not vacuous: the corpus has hundreds of pairs; the custom pullbacks' statements are carried as trees)
        assertTrue(compared > 200, "only " + compared + " declarations compared");
        assertTrue(custom > 0 && userTrees > 0, custom + " custom tangents, " + userTrees + " carried trees");
    }

    /** Counts, by kind, the user's text in {@code codes} that {@code JavaNodes} has JavaParser read. */
    private static void userText(List<Code> codes, Map<String, Integer> into) {
        for (Code c : codes) {
            if (c instanceof Code.Raw r && r.tree() == null) {
                into.merge("statements (Code.Raw)", 1, Integer::sum);
            } else if (c instanceof Code.Branch b) {
                userText(b.then(), into);
                userText(b.otherwise(), into);
            } else if (c instanceof Code.Loop l) {
                userText(l.body(), into);
            }
        }
        Code.statements(codes, st -> {
            if (st instanceof Statement.Opaque) {
                into.merge("statements and loop headers (opaque)", 1, Integer::sum);
            } else {
                Uses.expressions(st)
                        .forEach(e -> Uses.each(e, x -> {
                            if (x instanceof Expr.Opaque) {
                                into.merge("expressions (Expr.Opaque)", 1, Integer::sum);
                            }
                        }));
            }
        });
    }
}
