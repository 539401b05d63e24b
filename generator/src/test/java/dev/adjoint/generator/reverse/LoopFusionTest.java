package dev.adjoint.generator.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.CodeText;
import dev.adjoint.generator.optimize.LoopFusion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loops in a row over the same range run as one, and the near misses that stay apart. */
class LoopFusionTest {

    private static Code.Loop loop(String header, String... body) {
        List<Code> lines = new ArrayList<>();
        for (String b : body) {
            lines.add(b.startsWith("// ") ? new Code.Comment(b.substring(3)) : CodeText.line(b));
        }
        return CodeText.loop(header, lines);
    }

    /** Fuses {@code codes}, with the method naming each name only where {@code codes} do. */
    private static List<Code> fuse(Code... codes) {
        Map<String, Integer> mentions = new HashMap<>();
        Code.mentions(List.of(codes), n -> mentions.merge(n, 1, Integer::sum));
        return LoopFusion.fuse(List.of(codes), mentions);
    }

    private static final Code XC_START = CodeText.line("j_1 = 0");
    private static final Code.Loop XC =
            loop("while (j_1 < d)", "_t13 = x[i * d + j_1] - means[c * d + j_1]", "xc[j_1] = _t13", "j_1 = j_1 + 1");
    private static final Code QXC_START = CodeText.line("j_2 = 0");

    @Test
    void gmmsForwardLoopsRunAsOne() {
        Code.Loop qxc =
                loop("while (j_2 < d)", "_t17 = qdiags[c * d + j_2] * xc[j_2]", "qxc[j_2] = _t17", "j_2 = j_2 + 1");
        assertEquals(
                List.of(
                        new Code.Comment("2 loops over the same range, run as one"),
                        XC_START,
                        loop(
                                "while (j_1 < d)",
                                "_t13 = x[i * d + j_1] - means[c * d + j_1]",
                                "xc[j_1] = _t13",
                                "_t17 = qdiags[c * d + j_1] * xc[j_1]",
                                "qxc[j_1] = _t17",
                                "j_1 = j_1 + 1")),
                fuse(XC_START, XC, QXC_START, qxc));
    }

    @Test
    void reversedLoopsRunAsOneAndTheSecondCounterEndsLikeTheFirstWhereItIsNamedAgain() {
        Code.Loop dqxc = loop(
                "while (j_2 > 0)",
                "j_2 = j_2 - 1",
                "_d_t17 = _d_qxc[j_2]",
                "_d_qxc[j_2] = 0.0",
                "_d_xc[j_2] += _d_t17 * qdiags[c * d + j_2]");
        Code.Loop dxc = loop(
                "while (j_1 > 0)",
                "j_1 = j_1 - 1",
                "// grad of: xc[j] = x[i * d + j] - means[c * d + j]",
                "_d_t13 = _d_xc[j_1]",
                "_d_xc[j_1] = 0.0",
                "dmeans[c * d + j_1] -= _d_t13");
        List<Code> out = fuse(
                new Code.Comment("grad of: for (...; j < d; j++)"),
                CodeText.line("j_2 = Math.max(0, d)"),
                dqxc,
                new Code.Comment("grad of: for (...; j < d; j++)"),
                CodeText.line("j_1 = Math.max(0, d)"),
                dxc,
                CodeText.line("s = j_1"));
        assertEquals(
                List.of(
                        new Code.Comment("grad of: for (...; j < d; j++)"),
                        new Code.Comment("grad of: for (...; j < d; j++)"),
                        new Code.Comment("2 loops over the same range, run as one"),
                        CodeText.line("j_2 = Math.max(0, d)"),
                        loop(
                                "while (j_2 > 0)",
                                "j_2 = j_2 - 1",
                                "_d_t17 = _d_qxc[j_2]",
                                "_d_qxc[j_2] = 0.0",
                                "_d_xc[j_2] += _d_t17 * qdiags[c * d + j_2]",
                                "// grad of: xc[j] = x[i * d + j] - means[c * d + j]",
                                "_d_t13 = _d_xc[j_2]",
                                "_d_xc[j_2] = 0.0",
                                "dmeans[c * d + j_2] -= _d_t13"),
                        CodeText.line("j_1 = j_2"),
                        CodeText.line("s = j_1")),
                out);
    }

    @Test
    void threeLoopsInARowRunAsOne() {
        Code.Loop second = loop("while (j_2 < d)", "qxc[j_2] = xc[j_2] * 2.0", "j_2 = j_2 + 1");
        Code.Loop third = loop("while (j_3 < d)", "r[j_3] = qxc[j_3] + Math.sin(xc[j_3])", "j_3 = j_3 + 1");
        List<Code> out = fuse(XC_START, XC, QXC_START, second, CodeText.line("j_3 = 0"), third);
        assertEquals(3, out.size(), out.toString());
        assertEquals(5, ((Code.Loop) out.get(2)).body().size()); // two, one and one statements and the step
    }

    /** Each pair stays as it is. */
    private static void apart(String why, Code start, Code.Loop first, Code secondStart, Code.Loop second) {
        assertEquals(List.of(start, first, secondStart, second), fuse(start, first, secondStart, second), why);
    }

    @Test
    void nearMissesStayApart() {
        apart(
                "a neighbouring element",
                XC_START,
                XC,
                QXC_START,
                loop("while (j_2 < d)", "qxc[j_2] = xc[j_2 + 1]", "j_2 = j_2 + 1"));
        apart(
                "an element at a fixed index of an array the other writes",
                XC_START,
                XC,
                QXC_START,
                loop("while (j_2 < d)", "qxc[j_2] = xc[0]", "j_2 = j_2 + 1"));
        apart(
                "an array the second writes and the first reads elsewhere",
                XC_START,
                loop("while (j_1 < d)", "t[j_1] = w[0] * x[j_1]", "j_1 = j_1 + 1"),
                QXC_START,
                loop("while (j_2 < d)", "w[j_2] = t[j_2]", "j_2 = j_2 + 1"));
        apart(
                "an index with a part the loops change",
                XC_START,
                loop("while (j_1 < d)", "xc[k + j_1] = 1.0", "k = k * 1", "j_1 = j_1 + 1"),
                QXC_START,
                loop("while (j_2 < d)", "qxc[j_2] = xc[k + j_2]", "j_2 = j_2 + 1"));
        for (String offset : List.of("c > 0 ? 1 : 0", "m << 1", "m & 3", "(m)")) {
            apart(
                    "an offset " + offset + " the counter is not simply added to",
                    XC_START,
                    loop("while (j_1 < d)", "xc[" + offset + " + j_1] = x[j_1]", "j_1 = j_1 + 1"),
                    QXC_START,
                    loop("while (j_2 < d)", "qxc[j_2] = xc[" + offset + " + j_2]", "j_2 = j_2 + 1"));
        }
        Code.Loop byOffset =
                loop("while (j_2 < d)", "qxc[j_2] = xc[c * d - 1 + j_2] * q[c % 4 + j_2]", "j_2 = j_2 + 1");
        List<Code> fused = fuse(
                XC_START,
                loop("while (j_1 < d)", "xc[c * d - 1 + j_1] = x[j_1]", "j_1 = j_1 + 1"),
                QXC_START,
                byOffset);
        assertEquals(3, fused.size(), "an offset of names, literals and + - * / %: " + fused);
        apart(
                "a sum carried into the second loop",
                XC_START,
                loop("while (j_1 < d)", "t = t + x[j_1]", "j_1 = j_1 + 1"),
                QXC_START,
                loop("while (j_2 < d)", "y[j_2] = x[j_2] / t", "j_2 = j_2 + 1"));
        apart(
                "a temporary both loops assign",
                XC_START,
                loop("while (j_1 < d)", "_t1 = x[j_1]", "y[j_1] = _t1", "j_1 = j_1 + 1"),
                QXC_START,
                loop("while (j_2 < d)", "_t1 = x[j_2] * 2.0", "z[j_2] = _t1", "j_2 = j_2 + 1"));
        apart(
                "the bound changes",
                XC_START,
                loop("while (j_1 < m)", "y[j_1] = 1.0", "m = n - 1", "j_1 = j_1 + 1"),
                QXC_START,
                loop("while (j_2 < m)", "z[j_2] = y[j_2]", "j_2 = j_2 + 1"));
        apart(
                "a bound a call gives",
                CodeText.line("j_1 = 0"),
                loop("while (j_1 < size(w))", "xc[j_1] = 1.0", "j_1 = j_1 + 1"),
                QXC_START,
                loop("while (j_2 < size(w))", "qxc[j_2] = xc[j_2]", "j_2 = j_2 + 1"));
        apart("another range", XC_START, XC, QXC_START, loop("while (j_2 < n)", "qxc[j_2] = xc[j_2]", "j_2 = j_2 + 1"));
        apart(
                "another start",
                XC_START,
                XC,
                CodeText.line("j_2 = 1"),
                loop("while (j_2 < d)", "qxc[j_2] = xc[j_2]", "j_2 = j_2 + 1"));
        apart(
                "a counter the body changes",
                XC_START,
                XC,
                QXC_START,
                loop("while (j_2 < d)", "qxc[j_2] = xc[j_2]", "j_2 = j_2 + 1", "j_2 = j_2 + 1"));
        apart(
                "the first counter read by the second loop",
                XC_START,
                XC,
                QXC_START,
                loop("while (j_2 < d)", "qxc[j_2] = xc[j_2] * j_1", "j_2 = j_2 + 1"));
        apart(
                "a stack push (the pops would come in another order)",
                XC_START,
                XC,
                QXC_START,
                loop("while (j_2 < d)", "_doubles[_doublesTop++] = _t17", "qxc[j_2] = xc[j_2]", "j_2 = j_2 + 1"));
        apart(
                "a call that may write arrays",
                XC_START,
                XC,
                QXC_START,
                loop("while (j_2 < d)", "qxc[j_2] = f(xc, j_2)", "j_2 = j_2 + 1"));
        apart(
                "an element of an element",
                XC_START,
                XC,
                QXC_START,
                loop("while (j_2 < d)", "qxc[idx[j_2]] = xc[j_2]", "j_2 = j_2 + 1"));
        apart(
                "a branch",
                XC_START,
                XC,
                QXC_START,
                CodeText.loop(
                        "while (j_2 < d)",
                        List.of(
                                CodeText.branch("xc[j_2] > 0", List.of(CodeText.line("qxc[j_2] = 1.0")), List.of()),
                                CodeText.line("j_2 = j_2 + 1"))));
    }

    @Test
    void somethingBetweenTheLoopsKeepsThemApart() {
        Code.Loop second = loop("while (j_2 < d)", "qxc[j_2] = xc[j_2]", "j_2 = j_2 + 1");
        List<Code> in = List.of(XC_START, XC, CodeText.line("q = 0.0"), QXC_START, second);
        assertEquals(in, fuse(in.toArray(Code[]::new)));
    }
}
