package org.ermbit.solvers.javasmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.HardModels;
import org.junit.jupiter.api.Test;

/** The java-smt providers' names (docs/SOLVERS.md), and a caller interrupted while it waits for a solve. */
class JavaSmtProvidersTest {

    @Test
    void idsAndDescriptionsAreTheDocumentedOnes() {
        List<SolverProvider> providers = List.of(new SmtInterpolProvider(), new PrincessProvider(), new Cvc5Provider(), new OpenSmtProvider());
        assertEquals(List.of("smtinterpol", "princess", "cvc5", "opensmt"), providers.stream().map(SolverProvider::id).toList());
        for (SolverProvider p : providers) assertFalse(p.description().isBlank(), p.id());
        for (JavaSmtBackend b : JavaSmtBackend.values()) assertEquals(b.id(), b.id().strip());
    }

    @Test
    void aCallerInterruptedWhileWaitingGetsUnknownCancelled() throws InterruptedException {
        SmtInterpolProvider p = new SmtInterpolProvider();
        assumeTrue(p.probe().available(), p.probe().reason());
        AtomicReference<SolveResult> result = new AtomicReference<>();
        try (Solver s = p.create()) {
            // the clausal pigeonhole for 12 pigeons keeps SMTInterpol busy far longer than this test
            Thread caller = new Thread(() -> result.set(s.solve(HardModels.pigeonholeClauses(12), Limits.none())));
            caller.start();
            caller.interrupt();
            caller.join();
        }
        assertEquals(Status.UNKNOWN, result.get().status(), result.get().toString());
        assertEquals("cancelled", result.get().reason());
    }
}
