package dev.adjoint.generator.pipeline;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.adjoint.generator.size.MethodSize;
import dev.adjoint.generator.analyze.ActivityAnalysis;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.desugar.Desugaring;
import dev.adjoint.generator.naming.NameClashes;
import dev.adjoint.generator.fence.Fence;
import dev.adjoint.generator.forward.HvpMethod;
import dev.adjoint.generator.forward.HvpSource;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.forward.TangentSweep;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Names;
import dev.adjoint.generator.normalize.Normalizer;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.reverse.ReverseSweep;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hessian-vector products, reverse over forward: the tangent of a scalar method printed as Java
 * ({@link HvpSource}), put alone into a copy of its owner class, and run through the static
 * reverse pipeline (fence, normalizer, activity, reverse sweep) like any user method.
 */
final class Hessians {
    private Hessians() {}

    /** {@code nameHvp} of {@code r}, or empty when its tangent is not plain Java the static strategy takes (calls). */
    static Optional<HvpMethod> build(MethodRequest r, MethodIr ir, JvpMethod j, Options options) {
        if (r.result().isArray() || j.calls()) {
            return Optional.empty();
        }
        try {
            String name = "_hvp_" + r.tangentName();
            String source = HvpSource.method(j, name, ir.names().claim("_pair"));
            CompilationUnit unit = r.declaration().findCompilationUnit().orElseThrow().clone();
            unit.findAll(MethodDeclaration.class).forEach(MethodDeclaration::remove);
            TypeDeclaration<?> owner = owner(unit, r.ownerPath());
            MethodDeclaration pairDecl = new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parseMethodDeclaration(source).getResult().orElseThrow();
            owner.addMember(pairDecl);
            MethodSelector.Selection sel = MethodSelector.select(r.file(), unit);
            if (!sel.diagnostics().isEmpty() || sel.requests().size() != 1) {
                return Optional.empty();
            }
            MethodRequest g = sel.requests().get(0);
            Desugaring.apply(g);
            if (!Fence.check(g).isEmpty()) {
                return Optional.empty();
            }
            Normalizer.Result n = Normalizer.normalize(g, MethodIndex.of(List.of(unit), List.of(g)));
            if (n.ir().isEmpty()) {
                return Optional.empty();
            }
            AdjointMethod pair = ReverseSweep.build(n.ir().get(), ActivityAnalysis.analyze(n.ir().get(), options));
            if (MethodSize.overLimit(pair).isPresent()) {
                return Optional.empty();
            }
            Set<String> reserved = new HashSet<>(NameClashes.userNames(r));
            reserved.addAll(j.tangentNames());
            Names names = new Names(reserved);
            List<String> grads = new ArrayList<>();
            List<String> hvs = new ArrayList<>();
            for (Param p : r.wrtParams()) {
                grads.add(names.claim("d" + p.name()));
            }
            for (Param p : r.wrtParams()) {
                hvs.add(names.claim("hv" + p.name()));
            }
            return Optional.of(new HvpMethod(r, pair, j.tangentNames(), grads, hvs));
        } catch (TangentSweep.Unsupported | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }

    private static TypeDeclaration<?> owner(CompilationUnit unit, List<String> path) {
        List<TypeDeclaration<?>> level = new ArrayList<>(unit.getTypes());
        TypeDeclaration<?> found = null;
        for (String simple : path) {
            found = level.stream().filter(t -> t.getNameAsString().equals(simple)).findFirst().orElseThrow();
            level = found.getMembers().stream().filter(m -> m instanceof TypeDeclaration<?>).<TypeDeclaration<?>>map(m -> (TypeDeclaration<?>) m)
                    .toList();
        }
        return found;
    }
}
