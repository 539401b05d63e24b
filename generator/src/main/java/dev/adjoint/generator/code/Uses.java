package dev.adjoint.generator.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** What generated code reads and writes, found on its nodes. */
public final class Uses {
    private Uses() {}

    /** The expressions directly below {@code e}, in printing order. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Expr.Field f) {
            return List.of(f.target());
        } else if (e instanceof Expr.Element el) {
            return List.of(el.array(), el.index());
        } else if (e instanceof Expr.Call c) {
            List<Expr> out = new ArrayList<>();
            if (c.target() != null) {
                out.add(c.target());
            }
            out.addAll(c.args());
            return out;
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Expr.Postfix p) {
            return List.of(p.operand());
        } else if (e instanceof Expr.Cast c) {
            return List.of(c.operand());
        } else if (e instanceof Expr.Conditional c) {
            return List.of(c.cond(), c.then(), c.otherwise());
        } else if (e instanceof Expr.Assign a) {
            return List.of(a.target(), a.value());
        } else if (e instanceof Expr.Paren p) {
            return List.of(p.inner());
        } else if (e instanceof Expr.NewArray n) {
            List<Expr> out = new ArrayList<>(n.dims());
            if (n.init() != null) {
                out.addAll(n.init());
            }
            return out;
        } else if (e instanceof Expr.New n) {
            return n.args();
        } else if (e instanceof Expr.Push p) {
            return List.of(p.value());
        }
        return List.of();
    }

    /** {@code e} and every expression inside it, outermost first. */
    public static void each(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        for (Expr c : children(e)) {
            each(c, visit);
        }
    }

    /** The expressions a statement holds (none for a jump, a handover or opaque text). */
    public static List<Expr> expressions(Statement s) {
        if (s instanceof Statement.Eval e) {
            return List.of(e.expr());
        } else if (s instanceof Statement.Declare d && d.init() != null) {
            return List.of(d.init());
        } else if (s instanceof Statement.Return r && r.value() != null) {
            return List.of(r.value());
        } else if (s instanceof Statement.Throw t) {
            return List.of(t.value());
        } else if (s instanceof Statement.Assert a) {
            return List.of(a.cond());
        }
        return List.of();
    }

    /**
     * Each identifier that {@code e} mentions, as often as it does: variables, fields and called
     * methods, the locals of a stack; not type names.
     */
    public static void names(Expr e, Consumer<String> name) {
        each(e, x -> {
            if (x instanceof Expr.Name n) {
                name.accept(n.id());
            } else if (x instanceof Expr.Field f) {
                name.accept(f.name());
            } else if (x instanceof Expr.Call c) {
                name.accept(c.name());
            } else if (x instanceof Expr.Push p) {
                name.accept(p.values());
                name.accept(p.top());
            } else if (x instanceof Expr.Pop p) {
                name.accept(p.values());
                name.accept(p.top());
            } else if (x instanceof Expr.Opaque o) {
                javaNames(o.text(), name);
            }
        });
    }

    /** Each identifier that {@code s} mentions, a declared name included. */
    public static void names(Statement s, Consumer<String> name) {
        if (s instanceof Statement.Declare d) {
            name.accept(d.name());
        } else if (s instanceof Statement.Opaque o) {
            javaNames(o.text(), name);
        }
        expressions(s).forEach(e -> names(e, name));
    }

    /** Each identifier in a loop header. */
    public static void names(LoopHeader h, Consumer<String> name) {
        if (h instanceof LoopHeader.While w) {
            names(w.cond(), name);
        } else if (h instanceof LoopHeader.For f) {
            if (f.init() != null) {
                names(f.init(), name);
            }
            if (f.cond() != null) {
                names(f.cond(), name);
            }
            if (f.update() != null) {
                names(f.update(), name);
            }
        } else {
            javaNames(((LoopHeader.Opaque) h).text(), name);
        }
    }

    /**
     * Each identifier in Java statements kept as text (a user's {@code throw} or {@code assert}),
     * found by JavaParser.
     */
    public static void javaNames(String statements, Consumer<String> name) {
        ParseResult<BlockStmt> r = new JavaParser().parseBlock("{\n" + statements + "\n}");
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            // (a single expression or statement without its semicolon)
            ParseResult<BlockStmt> s = new JavaParser().parseBlock("{\n" + statements + ";\n}");
            s.getResult()
                    .filter(x -> s.isSuccessful())
                    .ifPresent(b -> b.findAll(SimpleName.class).forEach(n -> name.accept(n.asString())));
            return;
        }
        r.getResult().get().findAll(SimpleName.class).forEach(n -> name.accept(n.asString()));
    }

    /**
     * The variables {@code s} assigns: {@code v = }, {@code v += }, {@code v++}, a declared
     * {@code v}, a stack's locals on a push or a pop (not elements: {@code a[i] = }).
     */
    public static void assigned(Statement s, Set<String> into) {
        if (s instanceof Statement.Declare d) {
            into.add(d.name());
        }
        expressions(s)
                .forEach(e -> each(e, x -> {
                    Expr target = x instanceof Expr.Assign a
                            ? a.target()
                            : x instanceof Expr.Unary u && (u.op().equals("++") || u.op().equals("--"))
                                    ? u.operand()
                                    : x instanceof Expr.Postfix p ? p.operand() : null;
                    if (target instanceof Expr.Name n) {
                        into.add(n.id());
                    }
                    if (x instanceof Expr.Push p) {
                        into.add(p.values());
                        into.add(p.top());
                    } else if (x instanceof Expr.Pop p) {
                        into.add(p.top());
                    }
                }));
    }

    /** The arrays whose elements {@code s} assigns ({@code a[i] = }, {@code a[i] += }, {@code a[i]++}). */
    public static void stored(Statement s, Set<String> into) {
        expressions(s)
                .forEach(e -> each(e, x -> {
                    Expr target = x instanceof Expr.Assign a
                            ? a.target()
                            : x instanceof Expr.Unary u && (u.op().equals("++") || u.op().equals("--"))
                                    ? u.operand()
                                    : x instanceof Expr.Postfix p ? p.operand() : null;
                    while (target instanceof Expr.Element el) {
                        target = el.array();
                        if (target instanceof Expr.Name n) {
                            into.add(n.id());
                        }
                    }
                }));
    }

    /** The assignment (plain or compound) that {@code s} runs as a whole, or null. */
    public static Expr.Assign assignment(Statement s) {
        return s instanceof Statement.Eval e && e.expr() instanceof Expr.Assign a ? a : null;
    }

    /** The variable assigned by {@code s} as a whole ({@code v = ...}, {@code v += ...}), or null. */
    public static String assignedName(Statement s) {
        Expr.Assign a = assignment(s);
        return a != null && a.target() instanceof Expr.Name n ? n.id() : null;
    }

    /** Whether {@code e} mentions the identifier {@code name}. */
    public static boolean mentions(Expr e, String name) {
        boolean[] found = {false};
        names(e, n -> found[0] |= n.equals(name));
        return found[0];
    }

    /** Whether {@code e} holds text the model did not take apart. */
    public static boolean opaque(Expr e) {
        boolean[] found = {false};
        each(e, x -> found[0] |= x instanceof Expr.Opaque);
        return found[0];
    }

    /** {@code e} with each expression inside it replaced by what {@code f} makes of it, innermost first. */
    public static Expr rewrite(Expr e, UnaryOperator<Expr> f) {
        Expr out = e;
        if (e instanceof Expr.Field x) {
            out = new Expr.Field(rewrite(x.target(), f), x.name());
        } else if (e instanceof Expr.Element x) {
            out = new Expr.Element(rewrite(x.array(), f), rewrite(x.index(), f));
        } else if (e instanceof Expr.Call x) {
            out = new Expr.Call(
                    x.target() == null ? null : rewrite(x.target(), f),
                    x.name(),
                    x.args().stream().map(a -> rewrite(a, f)).toList());
        } else if (e instanceof Expr.Binary x) {
            out = new Expr.Binary(x.op(), rewrite(x.left(), f), rewrite(x.right(), f));
        } else if (e instanceof Expr.Unary x) {
            out = new Expr.Unary(x.op(), rewrite(x.operand(), f));
        } else if (e instanceof Expr.Postfix x) {
            out = new Expr.Postfix(rewrite(x.operand(), f), x.op());
        } else if (e instanceof Expr.Cast x) {
            out = new Expr.Cast(x.type(), rewrite(x.operand(), f));
        } else if (e instanceof Expr.Conditional x) {
            out = new Expr.Conditional(rewrite(x.cond(), f), rewrite(x.then(), f), rewrite(x.otherwise(), f));
        } else if (e instanceof Expr.Assign x) {
            out = new Expr.Assign(rewrite(x.target(), f), x.op(), rewrite(x.value(), f));
        } else if (e instanceof Expr.Paren x) {
            out = new Expr.Paren(rewrite(x.inner(), f));
        } else if (e instanceof Expr.NewArray x) {
            out = new Expr.NewArray(
                    x.type(),
                    x.dims().stream().map(a -> rewrite(a, f)).toList(),
                    x.extraDims(),
                    x.init() == null
                            ? null
                            : x.init().stream().map(a -> rewrite(a, f)).toList());
        } else if (e instanceof Expr.New x) {
            out = new Expr.New(
                    x.type(), x.args().stream().map(a -> rewrite(a, f)).toList());
        } else if (e instanceof Expr.Push x) {
            out = new Expr.Push(x.values(), x.top(), rewrite(x.value(), f));
        }
        return f.apply(out);
    }

    /** {@code s} with each expression in it rewritten by {@code f} (see {@link #rewrite(Expr, UnaryOperator)}). */
    public static Statement rewrite(Statement s, UnaryOperator<Expr> f) {
        if (s instanceof Statement.Eval e) {
            return new Statement.Eval(rewrite(e.expr(), f));
        } else if (s instanceof Statement.Declare d && d.init() != null) {
            return new Statement.Declare(d.modifiers(), d.type(), d.name(), rewrite(d.init(), f));
        } else if (s instanceof Statement.Return r && r.value() != null) {
            return new Statement.Return(rewrite(r.value(), f));
        } else if (s instanceof Statement.Throw t) {
            return new Statement.Throw(rewrite(t.value(), f));
        } else if (s instanceof Statement.Assert a) {
            return new Statement.Assert(rewrite(a.cond(), f));
        }
        return s;
    }
}
