package dev.adjoint.generator.tape;

import com.github.javaparser.ast.Node;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.code.Listing;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.normalize.Calls;
import dev.adjoint.generator.normalize.Lowering;
import dev.adjoint.generator.normalize.Types;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the parts of one recorder share: the method, its scopes and fresh names, the lines written
 * so far with their depth and role, and the diagnostics.
 */
final class RecorderState {
    final MethodRequest request;
    final Lowering scope;
    final Types types;
    final Calls calls;
    /** The compiled classes of the classpath, whose callees may lack a recorder. */
    final dev.adjoint.generator.select.ClasspathCallees compiled;
    /** Every identifier the method's declaration writes: the generated names must avoid them. */
    final Set<String> userNames;
    /** The recorder's tape parameter: {@code _tape} unless the user wrote that name. */
    final String tape;

    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Locals whose declaration was an error: a use of one is not reported again. */
    final Set<String> rejectedLocals = new java.util.HashSet<>();

    final Listing out = new Listing();
    int indent;
    /** Whether the body holds a switch copied as written (which may fall through, as the user's does). */
    boolean copiesSwitch;
    /** Whether some expression's type could not be determined (see {@link Recording#untyped}). */
    boolean untyped;

    private final Map<String, String> handles = new HashMap<>();
    private int temps;

    RecorderState(MethodRequest request, MethodIndex index) {
        this.request = request;
        this.scope = new Lowering(request, index);
        this.calls = new Calls(scope);
        this.compiled = index.classpath();
        this.types = new Types(scope::typeOfName, calls);
        this.userNames = NameClashes.userNames(request);
        this.tape = scope.claim(NameClashes.tapeParameter(request));
    }

    /** An error at local {@code d}, whose type the tape keeps not; its uses are not reported again. */
    void rejectLocal(com.github.javaparser.ast.body.VariableDeclarator d) {
        error(d, dev.adjoint.generator.select.ValueTypes.unsupportedLocal(d.getNameAsString(), d.getType()));
        rejectedLocals.add(d.getNameAsString());
    }

    /** The handle variable of value variable {@code name} (a fresh name, never the user's). */
    String handle(String name) {
        return handles.computeIfAbsent(name, n -> scope.claim(n + "_h"));
    }

    /** A fresh local: {@code _prefix<k>}, never a name the user wrote. */
    String temp(String prefix) {
        return scope.claim("_" + prefix + temps++);
    }

    /** The room on the tape that the counted loop being recorded makes (see {@link LoopRoom}), or null. */
    LoopRoom room;

    /**
     * {@code tape.pushN}, the call that records a node with {@code parents} parents; in a loop that
     * made room for its nodes, {@code tape.pushNu}, which skips the capacity test, counted.
     */
    String push(int parents) {
        if (room == null) {
            return tape + ".push" + parents;
        }
        room.nodes++;
        room.edges += parents;
        return tape + ".push" + parents + "u";
    }

    /** Ends the previous line with " {" (Java style: the brace on the header's line). */
    void openBrace() {
        if (out.size() > 0) {
            appendToLast(" {", Listing.Role.FRAME);
        } else {
            frame("{");
        }
    }

    /** Ends the previous line with {@code text}, which makes it a line of {@code role}. */
    void appendToLast(String text, Listing.Role role) {
        Listing.Line last = out.last().orElseThrow();
        out.replaceLast(new Listing.Line(last.depth(), last.text() + text, role));
    }

    /** A line with no statement of its own: a brace, a header, a label, a comment. */
    void frame(String text) {
        out.add(indent, text, Listing.Role.FRAME);
    }

    /** A local declared without a value. */
    void declaration(String text) {
        out.add(indent, text, Listing.Role.DECLARATION);
    }

    /** {@code declaration = init;}: a local declared, without a value when {@code init} is empty. */
    void local(String declaration, String init) {
        out.add(indent, declaration + init + ";", init.isEmpty() ? Listing.Role.DECLARATION : Listing.Role.EFFECT);
    }

    /** A statement with an effect: a store, a call, a jump, a return. */
    void statement(String text) {
        out.add(indent, text, Listing.Role.EFFECT);
    }

    /** {@code int h = tape.pushN(...);}: a node recorded. */
    void node(String text) {
        out.add(indent, text, Listing.Role.NODE);
    }

    void error(Node at, String message) {
        diagnostics.add(Positions.error(request.file(), at, message));
    }
}
