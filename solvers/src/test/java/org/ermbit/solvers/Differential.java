package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;

/** Checks one backend's answer on one model against {@link BruteForce}. */
public final class Differential {
    private Differential() {
    }

    /** Solves {@code m} with {@code solver} and asserts agreement with brute force; returns the result. */
    public static SolveResult check(SolverProvider provider, Solver solver, Model m, String label) {
        return check(provider, solver, m, Limits.none(), label);
    }

    /** As {@link #check(SolverProvider, Solver, Model, String)}, solving under {@code limits} (which must not stop it). */
    public static SolveResult check(SolverProvider provider, Solver solver, Model m, Limits limits, String label) {
        BruteForce.Answer expected = BruteForce.solve(m);
        SolveResult r = solver.solve(m, limits);
        String ctx = label + " " + m + " constraints=" + m.constraints() + " objective=" + m.objective() + " -> " + r;
        boolean optimizes = provider.capabilities().contains(Capability.OPTIMIZE) && m.objective().isPresent();
        if (!expected.sat()) {
            assertEquals(Status.UNSAT, r.status(), ctx);
            return r;
        }
        assertEquals(optimizes ? Status.OPTIMAL : Status.SAT, r.status(), ctx);
        assertTrue(m.isSatisfiedBy(r.model().orElseThrow()), "model violates constraints: " + ctx);
        if (optimizes) {
            BigInteger opt = expected.optimum().orElseThrow();
            assertEquals(opt, r.objective().orElseThrow(), "optimum differs from brute force: " + ctx);
            assertEquals(opt, m.objective().get().expr().evaluate(r.model().get()::value), ctx);
        }
        return r;
    }
}
