package org.ermbit.reductions.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.Capability;

/** The lowering chain a backend needs, and composition of passes. */
public final class Lowerings {

    private Lowerings() {
    }

    /** {@link #forCapabilities(Set, boolean)} keeping products for NIA backends. */
    public static LoweringPass forCapabilities(Set<Capability> caps) {
        return forCapabilities(caps, false);
    }

    /**
     * NIA backends: nothing (or {@link ProductToBits} when {@code lowerProductsForNia}); LIA
     * backends: {@link ProductToBits#conditional()}; PSEUDO_BOOLEAN-only backends:
     * {@link ProductToBits#bitProducts()} then {@link IntegerToPseudoBoolean}.
     *
     * @throws IllegalArgumentException if the capabilities include none of NIA, LIA, PSEUDO_BOOLEAN
     */
    public static LoweringPass forCapabilities(Set<Capability> caps, boolean lowerProductsForNia) {
        if (caps.contains(Capability.NIA)) return lowerProductsForNia ? chain(ProductToBits.conditional()) : identity();
        if (caps.contains(Capability.LIA)) return chain(ProductToBits.conditional());
        if (caps.contains(Capability.PSEUDO_BOOLEAN)) return chain(ProductToBits.bitProducts(), new IntegerToPseudoBoolean());
        throw new IllegalArgumentException("no lowering reaches a backend with capabilities " + caps
                + " (needs NIA, LIA or PSEUDO_BOOLEAN)");
    }

    /** The pass that changes nothing. */
    public static LoweringPass identity() {
        return chain();
    }

    /** Applies {@code passes} in order; the lift applies their lifts in reverse order. */
    public static LoweringPass chain(LoweringPass... passes) {
        List<LoweringPass> list = List.of(passes);
        return new LoweringPass() {
            @Override
            public Lowered apply(Model m, Limits limits) {
                List<AssignmentLift> lifts = new ArrayList<>();
                List<AssignmentExtension> extensions = new ArrayList<>();
                Model cur = m;
                for (LoweringPass p : list) {
                    Lowered l = p.apply(cur, limits);
                    lifts.add(l.lift());
                    extensions.add(l.extension());
                    cur = l.model();
                }
                return new Lowered(cur, a -> {
                    var x = a;
                    for (int i = lifts.size() - 1; i >= 0; i--) x = lifts.get(i).lift(x);
                    return x;
                }, a -> {
                    var x = a;
                    for (AssignmentExtension e : extensions) x = e.extend(x);
                    return x;
                });
            }

            @Override
            public String toString() {
                return list.isEmpty() ? "identity" : list.toString();
            }
        };
    }
}
