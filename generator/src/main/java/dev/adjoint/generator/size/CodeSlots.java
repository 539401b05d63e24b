package dev.adjoint.generator.size;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where javac puts a generated method's parameters and locals, at the highest slot each may get,
 * for the cost of a load or store ({@link CodeBound}): javac gives each local the next free slot
 * where it is declared and frees a block's slots at its end, so counting every declaration in
 * printing order (parameters as doubles, 2 slots each) gives each variable at least its real slot.
 * Text the model does not take apart ({@link Code.Raw}, the opaque nodes) may declare locals of its
 * own: it counts as one slot per token ({@link RawText}), more than any Java text declares ({@code
 * int a, b} is 4 tokens for 2 slots, {@code double a} 2 for 2).
 */
final class CodeSlots {
    /** The bytes of a load or store of a slot past 255 ({@code wide dload}), or of one the bound does not know. */
    static final int WIDE = 4;

    /** The highest slot each parameter or local may have. */
    private final Map<String, Integer> slots = new HashMap<>();
    /** The declared type of each local ("?" for a name declared with two types). */
    private final Map<String, String> types = new HashMap<>();
    /** The next free slot. */
    private int next;

    private CodeSlots(int firstSlot) {
        this.next = firstSlot;
    }

    /** The slots of the locals of {@code body} in a method with {@code params}. */
    static CodeSlots of(List<Code> body, List<String> params) {
        CodeSlots s = new CodeSlots(0);
        for (String p : params) {
            s.slots.merge(p, s.next, Math::max);
            s.next += 2;
        }
        s.codes(body);
        return s;
    }

    private void codes(List<Code> codes) {
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                statement(l.statement());
            } else if (c instanceof Code.Raw r) {
                text(r.text());
            } else if (c instanceof Code.Branch b) {
                expression(b.cond());
                codes(b.then());
                codes(b.otherwise());
            } else if (c instanceof Code.Loop l) {
                if (l.header() instanceof LoopHeader.While w) {
                    expression(w.cond());
                } else if (l.header() instanceof LoopHeader.For f) {
                    if (f.init() != null) {
                        statement(f.init());
                    }
                    if (f.cond() != null) {
                        expression(f.cond());
                    }
                    if (f.update() != null) {
                        expression(f.update());
                    }
                } else if (l.header() instanceof LoopHeader.Opaque o) {
                    text(o.text());
                }
                codes(l.body());
            }
        }
    }

    private void statement(Statement s) {
        if (s instanceof Statement.Opaque o) {
            text(o.text());
            return;
        }
        Uses.expressions(s).forEach(this::expression);
        if (s instanceof Statement.Declare d) {
            slots.merge(d.name(), next, Math::max);
            types.merge(d.name(), d.type(), (a, b) -> a.equals(b) ? a : "?");
            next += isOneSlot(d.type()) ? 1 : 2;
        }
    }

    /** The locals an opaque expression may declare ({@code x instanceof Foo f}). */
    private void expression(Expr e) {
        Uses.each(e, x -> {
            if (x instanceof Expr.Opaque o) {
                text(o.text());
            }
        });
    }

    private void text(String text) {
        next += RawText.tokens(text) + 1;
    }

    /** A type whose values take one slot: all but double and long ({@code var} may stand for either). */
    private static boolean isOneSlot(String type) {
        return !(type.equals("double") || type.equals("long") || type.equals("var"));
    }

    /** The bytes of one load or store of {@code name}: dload_0..3 is 1 byte, dload n 2, wide dload n 4. */
    int accessBytes(String name) {
        int slot = slots.getOrDefault(name, Integer.MAX_VALUE);
        return slot <= 3 ? 1 : slot <= 255 ? 2 : WIDE;
    }

    /** Whether {@code name} is a parameter or local of the method. */
    boolean has(String name) {
        return slots.containsKey(name);
    }

    /** The declared type of local {@code name}, "?" for a name declared with two types, null for none. */
    String type(String name) {
        return types.get(name);
    }
}
