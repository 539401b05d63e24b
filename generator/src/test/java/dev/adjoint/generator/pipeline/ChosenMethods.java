package dev.adjoint.generator.pipeline;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.MethodRequest;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The methods the pipeline generates for each request, as nodes before printing: the strategies
 * chosen as {@link Pipeline#translate} chooses them (wrt variants included), for tests that compare
 * the nodes with the generated text or its class files.
 */
public final class ChosenMethods {
    private ChosenMethods() {}

    /**
     * A request, its adjoint ({@code Vjp} and recorder), its tangent, if it has one, and the tangent
     * built for its {@code Hvp} ({@code TangentSweep.buildPair}), if it has one.
     */
    public record Chosen(
            MethodRequest request, AdjointMethod adjoint, Optional<JvpMethod> jvp, Optional<JvpMethod> pair) {}

    /** The methods made of {@code sources} with {@code options}. */
    public static List<Chosen> of(Map<Path, String> sources, Options options) {
        FrontEnd.Prepared front = FrontEnd.prepare(sources, Optional.empty());
        WrtVariants variants = new WrtVariants(front.index());
        Deque<MethodRequest> work = new ArrayDeque<>(front.requests());
        List<Chosen> out = new ArrayList<>();
        while (!work.isEmpty() || variants.hasNext()) {
            MethodRequest r = work.isEmpty() ? variants.next() : work.poll();
            Strategies.Choice c = Strategies.choose(r, front.index(), options, false, variants);
            if (c.method().isEmpty()) {
                continue;
            }
            out.add(new Chosen(r, c.method().get(), c.jvp(), c.pair().pair()));
            if (!variants.isVariant(r) && !front.implicit().contains(r.declaration())) {
                variants.offer(r);
            }
        }
        return out;
    }
}
