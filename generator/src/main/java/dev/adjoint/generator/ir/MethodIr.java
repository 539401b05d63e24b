package dev.adjoint.generator.ir;

import dev.adjoint.generator.select.MethodRequest;
import java.util.List;
import java.util.Set;

/**
 * A method in the intermediate form.
 *
 * @param request the facts the select pass gathered
 * @param params one variable per parameter, in declaration order
 * @param locals every local and temporary, in order of first appearance
 * @param hoisted the locals whose first assignment is inside a nested block (declared at the top
 *     of the generated method, since the reverse sweep needs them outside that block)
 * @param body the statements; the last one is the {@link Stmt.Return}
 * @param names the allocator that produced every name, for later passes' fresh names
 * @param restoredArrays local arrays whose elements are saved before each write and restored as
 *     the reverse sweep undoes it, so that their reads are read again rather than saved
 */
public record MethodIr(
        MethodRequest request,
        List<Atom.Var> params,
        List<Atom.Var> locals,
        Set<Atom.Var> hoisted,
        List<Stmt> body,
        Names names,
        Set<Atom.Var> restoredArrays) {

    public MethodIr {
        params = List.copyOf(params);
        locals = List.copyOf(locals);
        hoisted = Set.copyOf(hoisted);
        body = List.copyOf(body);
        restoredArrays = Set.copyOf(restoredArrays);
    }

    /** A method without restored arrays. */
    public MethodIr(
            MethodRequest request,
            List<Atom.Var> params,
            List<Atom.Var> locals,
            Set<Atom.Var> hoisted,
            List<Stmt> body,
            Names names) {
        this(request, params, locals, hoisted, body, names, Set.of());
    }

    /** The return statement's value. */
    public Atom result() {
        return ((Stmt.Return) body.get(body.size() - 1)).value();
    }
}
