package dev.adjoint.generator.tape;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.JavaText;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.code.Printer;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records floating-point expressions: each value becomes a (value, handle) pair of Java texts,
 * and each expression one tape node whose partials come from the rule table, chained through
 * the expression's operations (see {@link NodeTerms}): an operation's node is pushed only when
 * its handle is needed, by a store, a call or an operation that would take too many parents.
 */
final class ValueRecorder {
    private static final String CONSTANT = "dev.adjoint.tape.Tape.CONSTANT";
    final RecorderState st;
    final PassiveCopy passive;
    final PendingNodes pending;
    final ArrayElements elements;
    final CallRecorder calls;
    /** See {@link #beginStatement}. */
    private boolean indexVariablesStable;

    ValueRecorder(RecorderState st, PassiveCopy passive) {
        this.st = st;
        this.passive = passive;
        this.pending = new PendingNodes(st);
        this.elements = new ArrayElements(st, passive, this);
        this.calls = new CallRecorder(this);
    }

    /**
     * A floating-point value and its handle, both as Java text. While {@code pending} is not
     * null, the variable {@code handleName} is not declared yet: read the handle with
     * {@link #handle(Value)}.
     */
    record Value(String value, String handleName, Ty type, PendingNodes.Pending pending) {
        Value(String value, String handleName, Ty type) {
            this(value, handleName, type, null);
        }

        boolean isConstant() {
            return pending == null && handleName.equals(CONSTANT);
        }
    }

    Value constant(String text, Ty t) {
        return new Value(text, CONSTANT, t);
    }

    /** The handle of {@code v} as Java text; a pending node is pushed first. */
    String handle(Value v) {
        pending.push(v.pending());
        return v.handleName();
    }

    /**
     * Starts a statement whose floating-point expression is {@code root}: whether an index that is
     * an int variable may be read where it is used rather than once into a temporary, since nothing
     * in the statement assigns a variable before the statement itself stores its result.
     */
    void beginStatement(Node root) {
        boolean assigns = root.findAll(AssignExpr.class).stream().anyMatch(x -> x != root)
                || root.findAll(UnaryExpr.class).stream()
                        .anyMatch(u -> u != root && dev.adjoint.generator.parse.Updates.isUpdate(u.getOperator()));
        indexVariablesStable = !assigns;
    }

    /** Ends a statement: a pending node nobody read (a detached value) is dropped, never pushed. */
    void endStatement() {
        pending.dropAll();
        indexVariablesStable = false;
    }

    /** An index read as written: a literal, or an int variable while the statement assigns none. */
    boolean stableIndex(Expression index) {
        if (index instanceof IntegerLiteralExpr) {
            return true;
        }
        return indexVariablesStable
                && index instanceof NameExpr n
                && st.scope
                        .lookup(n.getNameAsString())
                        .filter(v -> v.type().isIntegral() && !v.type().isArray())
                        .isPresent();
    }

    /** How many parents {@code v} brings to a node that reads it: its own parents while pending, else itself. */
    private int width(Value v) {
        return pending.isOpen(v.pending()) ? v.pending().terms.terms().size() : 1;
    }

    /**
     * Whether {@code e}, a value without derivative, draws from a {@code Random} local
     * ({@code 2 * rng.nextInt(3)}).
     */
    private boolean drawsFromRandom(Expression e) {
        return e.findFirst(MethodCallExpr.class, this::isDraw).isPresent();
    }

    /** Whether {@code e} is a draw, {@code rng.nextGaussian()}: a floating-point value without derivative. */
    private boolean isDraw(Expression e) {
        return e instanceof MethodCallExpr m
                && m.getScope()
                        .flatMap(st.types::of)
                        .filter(x -> x.prim() == Ty.Prim.RANDOM)
                        .isPresent();
    }

    Value value(Expression e) {
        Optional<Ty> ot = st.types.of(e);
        if (ot.isEmpty()) {
            for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
                if (st.calls
                        .resolve(m)
                        .filter(x -> x.differentiable().isEmpty()
                                && x.result().filter(Ty::isFloating).isPresent())
                        .isPresent()) {
                    return calls.call(m, Ty.DOUBLE);
                }
            }
            st.untyped = true;
            st.error(e, "cannot determine the type of '" + Positions.oneLine(e) + "'");
            return constant("0", Ty.DOUBLE);
        }
        Ty t = ot.get();
        if (t.isFloating() ? isDraw(e) : drawsFromRandom(e)) {
            // a value without derivative that a partial may read as well as the value: drawn once, into a local
            String drawn = st.temp("v");
            st.statement(t.java() + " " + drawn + " = " + passive.text(e) + ";");
            return constant(drawn, t);
        }
        if (!t.isFloating()) {
            return constant(passive.text(e), t);
        }
        if (e instanceof EnclosedExpr en) {
            return value(en.getInner());
        }
        if (e instanceof DoubleLiteralExpr) {
            return constant(e.toString(), t);
        }
        if (e instanceof NameExpr n) {
            if (st.scope.lookup(n.getNameAsString()).isPresent()) {
                return new Value(n.getNameAsString(), st.handle(n.getNameAsString()), t);
            }
            return constant(passive.text(e), t);
        }
        if (e instanceof FieldAccessExpr || (e instanceof ArrayAccessExpr a && passive.isTableElement(a))) {
            return constant(passive.text(e), t);
        }
        if (e instanceof ArrayAccessExpr && t.dims() == 0 && elements.access(e).isPresent()) {
            return elements.read(
                    elements.access(e).get(), t); // (stable indices as written: a[i] * a[i] reads one parent)
        }
        if (e instanceof UnaryExpr u) {
            Value a = convert(value(u.getExpression()), t);
            return u.getOperator() == UnaryExpr.Operator.PLUS ? a : apply("neg", List.of(a), t);
        }
        if (e instanceof BinaryExpr b) {
            String key = switch (b.getOperator()) {
                case PLUS -> "+";
                case MINUS -> "-";
                case MULTIPLY -> "*";
                case DIVIDE -> "/";
                case REMAINDER -> "%";
                default -> null;
            };
            if (key == null) {
                st.error(b, "operator '" + b.getOperator().asString() + "' on " + t + " values has no derivative rule");
                return constant("0", t);
            }
            Ty argTy = DerivativeRules.get(key).floatOverload() ? t : Ty.DOUBLE; // float % float: exact in double
            Value l = convert(value(b.getLeft()), argTy);
            Value r = convert(value(b.getRight()), argTy);
            Value z = apply(key, List.of(l, r), argTy);
            return argTy == t ? z : convert(z, t);
        }
        if (e instanceof CastExpr c) {
            return convert(value(c.getExpression()), t);
        }
        if (e instanceof ConditionalExpr c) {
            pending.flush();
            String v = st.temp("v");
            st.declaration(t.java() + " " + v + ";");
            st.declaration("int " + st.handle(v) + ";");
            st.frame("if (" + passive.text(c.getCondition()) + ") {");
            st.indent++;
            Value a = convert(value(c.getThenExpr()), t);
            st.statement(v + " = " + a.value() + ";");
            st.statement(st.handle(v) + " = " + handle(a) + ";");
            st.indent--;
            st.frame("} else {");
            st.indent++;
            Value b = convert(value(c.getElseExpr()), t);
            st.statement(v + " = " + b.value() + ";");
            st.statement(st.handle(v) + " = " + handle(b) + ";");
            st.indent--;
            st.frame("}");
            return new Value(v, st.handle(v), t);
        }
        if (e instanceof MethodCallExpr m) {
            return calls.call(m, t);
        }
        st.error(e, "expression '" + Positions.oneLine(e) + "' is not supported by the tape strategy");
        return constant("0", t);
    }

    /**
     * {@code z = rule(args)}: the value, and a pending node over the arguments' parents, with
     * {@code ∂z/∂parent = ∂z/∂argument · ∂argument/∂parent}; the first factor is the rule's
     * contribution at {@code dz = 1}. An argument already pushed (or a leaf) is a parent itself.
     */
    Value apply(String key, List<Value> args, Ty t) {
        Rule rule = DerivativeRules.get(key);
        List<Expr> vals = new ArrayList<>();
        for (Value a : args) {
            Optional<Expr> x = JavaText.expression(a.value()).filter(ValueRecorder::isCheap);
            if (x.isEmpty()) {
                // the partials read the argument again: evaluate it once
                String tmp = st.temp("v");
                st.statement(a.type().java() + " " + tmp + " = " + a.value() + ";");
                x = Optional.of(new Expr.Name(tmp));
            }
            vals.add(x.get());
        }
        String z = st.temp("v");
        st.statement(t.java() + " " + z + " = " + Printer.expression(rule.primal(vals)) + ";");
        List<Value> inputs = new ArrayList<>();
        List<Expr> partials = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Value a = args.get(i);
            if (!rule.differentiableIn(i) || a.isConstant()) {
                discard(a);
                continue;
            }
            inputs.add(a);
            partials.add(simplify(rule.contribution(i, vals, new Expr.Name(z), new Expr.Literal("1.0"))));
        }
        // more parents than one node takes: the argument with the most is pushed as a node of its own
        while (inputs.stream().mapToInt(this::width).sum() > NodeTerms.MAX_PARENTS) {
            Value widest = inputs.stream()
                    .max(java.util.Comparator.comparingInt(this::width))
                    .orElseThrow();
            if (width(widest) == 1) {
                throw new IllegalStateException(
                        "rule " + key + " has more than " + NodeTerms.MAX_PARENTS + " arguments");
            }
            handle(widest);
        }
        NodeTerms node = new NodeTerms();
        for (int i = 0; i < inputs.size(); i++) {
            Value a = inputs.get(i);
            if (pending.takeOver(a.pending())) {
                for (NodeTerms.Term term : a.pending().terms.terms()) {
                    node.add(term.handle(), NodeTerms.times(partials.get(i), term.partial()));
                }
            } else {
                node.add(a.handleName(), partials.get(i));
            }
        }
        if (node.terms().isEmpty()) {
            return constant(z, t);
        }
        PendingNodes.Pending p = pending.open(st.handle(z), node);
        return new Value(z, p.handle, t, p);
    }

    /** {@code v} is not read: its node, if pending, is never pushed. */
    void discard(Value v) {
        pending.drop(v.pending());
    }

    /** {@code partial} without a leading factor 1 ({@code 1.0 * x * y} is {@code x * y}, {@code -1.0 * x} is {@code -x}). */
    static Expr simplify(Expr partial) {
        if (partial instanceof Expr.Binary b && b.op().equals("*")) {
            if (isOne(b.left())) {
                return b.right();
            }
            if (b.left() instanceof Expr.Unary u && u.op().equals("-") && isOne(u.operand())) {
                return new Expr.Unary("-", b.right());
            }
        }
        if (partial instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), simplify(b.left()), b.right());
        }
        if (partial instanceof Expr.Conditional c) {
            return new Expr.Conditional(simplify(c.cond()), c.then(), c.otherwise());
        }
        return partial;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Expr.Literal l && l.text().equals("1.0");
    }

    /**
     * Whether the partials may read {@code x} again rather than a copy: a variable, an element of
     * one or two indices that are names or numbers, an unsigned decimal literal.
     */
    private static boolean isCheap(Expr x) {
        if (x instanceof Expr.Literal l && isDecimal(l.text())) {
            return true;
        }
        Expr named = x;
        for (int depth = 0; depth < 2 && named instanceof Expr.Element el; depth++) {
            if (!Operand.isPlainIndex(el.index())) {
                return false;
            }
            named = el.array();
        }
        return (named instanceof Expr.Name n && Operand.isIdentifier(n.id()))
                || (named instanceof Expr.Literal l && Operand.isIdentifier(l.text()));
    }

    /** Digits and dots, then maybe a type suffix: {@code 2.0}, {@code 0.5f}. */
    private static boolean isDecimal(String t) {
        int end = !t.isEmpty() && "fFdD".indexOf(t.charAt(t.length() - 1)) >= 0 ? t.length() - 1 : t.length();
        return end > 0 && t.substring(0, end).chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }

    Value convert(Value v, Ty to) {
        if (v.type().equals(to) || !to.isFloating()) {
            return v;
        }
        if (!v.type().isFloating()) {
            return constant("(" + to.java() + ") (" + v.value() + ")", to); // (double) (n / 2): integer division first
        }
        return new Value("(" + to.java() + ") " + v.value(), v.handleName(), to, v.pending());
    }
}
