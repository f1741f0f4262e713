package org.ermbit.solvers.pipeline;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;

/** A test backend whose answers the test scripts: liars, backends that stall until cancelled, and so on. */
record StubBackend(String id, Set<Capability> capabilities, BiFunction<Model, Limits, SolveResult> behaviour) implements SolverProvider {

    /** Pseudo-Boolean capabilities: the pipeline lowers products and integers before the stub sees the model. */
    static final Set<Capability> PSEUDO_BOOLEAN = Set.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS);
    /** Native products: no lowering runs first (a lowering stops at once on a cancelled solve, and the stub is never asked). */
    static final Set<Capability> NATIVE = Set.of(Capability.LIA, Capability.NIA, Capability.BIGINT_COEFFS);

    /** A pseudo-Boolean backend that answers {@code answer} to every question at once. */
    static StubBackend answering(String id, Function<Model, SolveResult> answer) {
        return new StubBackend(id, PSEUDO_BOOLEAN, (m, l) -> answer.apply(m));
    }

    /** A backend without lowering that answers {@code answer} to every question at once. */
    static StubBackend answeringNative(String id, Function<Model, SolveResult> answer) {
        return new StubBackend(id, NATIVE, (m, l) -> answer.apply(m));
    }

    /** A backend without lowering that counts {@code started} down, works until cancelled (or 60 s pass), then answers {@code answer}. */
    static StubBackend stalling(String id, CountDownLatch started, Function<Model, SolveResult> answer) {
        return new StubBackend(id, NATIVE, (m, l) -> {
            started.countDown();
            long end = System.nanoTime() + 60_000_000_000L;
            while (!l.cancel().isCancelled() && System.nanoTime() < end) Thread.onSpinWait();
            return answer.apply(m);
        });
    }

    @Override
    public String description() {
        return "test backend " + id;
    }

    @Override
    public Availability probe() {
        return Availability.ok("test");
    }

    @Override
    public Solver create() {
        return new Solver() {
            @Override
            public SolveResult solve(Model model, Limits limits) {
                return behaviour.apply(model, limits);
            }

            @Override
            public void close() {
            }
        };
    }
}
