package dev.adjoint.generator.analyze;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Switches for the optimisations, so that tests can compare optimised and plain output and a
 * wrong gradient can be bisected to one pass ({@code adjoint.disable=loopFusion,refills} on the
 * plugin, {@code --disable} on the CLI).
 *
 * @param activity compute only the adjoints that can be non-zero and matter (off: every variable
 *     that depends on a differentiated input gets one)
 * @param toBeRecorded save only the overwritten values the reverse sweep reads (off: save every
 *     overwritten value; the passes that rely on knowing what is read are then off too)
 * @param off the reverse pass's optimisations switched off one by one
 */
public record Options(boolean activity, boolean toBeRecorded, Set<Optimisation> off) {
    /** Every optimisation on: what the build uses. */
    public static final Options DEFAULT = new Options(true, true);
    /** Every optimisation off. */
    public static final Options PLAIN = new Options(false, false);

    /** The optimisations, by the names {@code adjoint.disable} takes. */
    public enum Optimisation {
        /** {@link ActivityAnalysis}: adjoints only for active variables. */
        ACTIVITY("activity"),
        /** Saves only of what the reverse sweep reads. */
        TO_BE_RECORDED("toBeRecorded"),
        /** {@code reverse/FreshAdjoints}: no add to an adjoint known to be zero. */
        FRESH_ADJOINTS("freshAdjoints"),
        /** {@code reverse/Increments}: {@code a[i] += v} reversed without saving {@code a[i]}. */
        INCREMENTS("increments"),
        /** {@code reverse/Recomputation}: values of a counted loop's iteration computed again, not saved. */
        RECOMPUTATION("recomputation"),
        /** {@code reverse/Refills}: scratch arrays an iteration fills afresh, filled again, not saved. */
        REFILLS("refills"),
        /** {@code Sweep.reserveRoom}: a counted loop reserves stack room once for its iterations' saves. */
        STACK_ROOM("stackRoom"),
        /** {@code reverse/LoopFusion}: adjacent loops over one range fused. */
        LOOP_FUSION("loopFusion"),
        /** {@code reverse/LoopAccumulators}: an element's adjoint kept in a local across a loop. */
        LOOP_ACCUMULATORS("loopAccumulators"),
        /** {@code optimize/InvariantLoads}: loads that a loop does not change hoisted out of it (adjoint and Jvp, {@code forward/TangentLoads}). */
        INVARIANT_LOADS("invariantLoads"),
        /** {@code optimize/CopyChains}: {@code a = e; b = a;} with {@code a} read nowhere else, as {@code b = e}. */
        COPY_CHAINS("copyChains"),
        /** {@code optimize/DenseTemporaries}: the temporaries left numbered {@code _t1, _t2, ...} without gaps. */
        DENSE_TEMPORARIES("denseTemporaries"),
        /** {@code Sweep.stackCheck}: with {@code -ea}, a check at each saving loop that the pops match the pushes. */
        STACK_CHECKS("stackChecks"),
        /** {@code reverse/DeadSaves}: no push and pop of a value that nothing reads once restored. */
        DEAD_SAVES("deadSaves");

        private final String key;

        Optimisation(String key) {
            this.key = key;
        }

        /** The name in {@code adjoint.disable}. */
        public String key() {
            return key;
        }
    }

    public Options {
        off = off.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(off));
    }

    /** Activity and to-be-recorded as given, every other optimisation on. */
    public Options(boolean activity, boolean toBeRecorded) {
        this(activity, toBeRecorded, Set.of());
    }

    /** Whether {@code o} is on. */
    public boolean on(Optimisation o) {
        return switch (o) {
            case ACTIVITY -> activity;
            case TO_BE_RECORDED -> toBeRecorded;
            default -> toBeRecorded && !off.contains(o); // the reverse pass's optimisations need to know what is read
        };
    }

    /**
     * The default options with the comma-separated optimisations off ({@code "loopFusion,refills"});
     * blank for none.
     *
     * @throws IllegalArgumentException for a name that is not an optimisation's, naming the valid ones
     */
    public static Options disabling(String names) {
        Set<Optimisation> off = EnumSet.noneOf(Optimisation.class);
        for (String n : names.split(",")) {
            String name = n.strip();
            if (name.isEmpty()) {
                continue;
            }
            off.add(Arrays.stream(Optimisation.values())
                    .filter(o -> o.key().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown optimisation '" + name + "'; the optimisations are " + names())));
        }
        return new Options(!off.contains(Optimisation.ACTIVITY), !off.contains(Optimisation.TO_BE_RECORDED), off);
    }

    /** The valid names, comma-separated. */
    public static String names() {
        return Arrays.stream(Optimisation.values()).map(Optimisation::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "Options[activity=" + activity + ", toBeRecorded=" + toBeRecorded + ", off="
                + off.stream()
                        .map(Optimisation::key)
                        .sorted()
                        .collect(Collectors.joining(","))
                        .toLowerCase(Locale.ROOT) + "]";
    }
}
