package org.ermbit.solvers.javasmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.Status;
import org.junit.jupiter.api.Test;

/**
 * One CVC5 context at a time (docs/SOLVERS.md): a cvc5 solve that cannot open its context before its
 * deadline, because another holds the lock, ends UNKNOWN with that reason; once the lock is free, cvc5
 * solves again. Skipped where CVC5's natives do not load.
 */
class Cvc5ContextsTest {

    private static Model xAtLeastTwo() {
        ModelBuilder b = new ModelBuilder();
        b.addLinear(LinearExpr.of(b.newInt("x", BigInteger.ZERO, BigInteger.TEN)), Relation.GE, BigInteger.TWO);
        return b.build();
    }

    @Test
    void aSolveWaitingForTheContextLockPastItsDeadlineIsUnknown() throws InterruptedException {
        Cvc5Provider p = new Cvc5Provider();
        assumeTrue(p.probe().available(), p.probe().reason());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                assertTrue(Cvc5Contexts.acquire(Limits.none()));
                held.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                Cvc5Contexts.release();
            }
        });
        holder.start();
        held.await();
        try (Solver s = p.create()) {
            SolveResult r = s.solve(xAtLeastTwo(), Limits.timeout(Duration.ofMillis(200)));
            assertEquals(Status.UNKNOWN, r.status(), r.toString());
            assertTrue(r.reason().startsWith("timeout waiting for another cvc5 solve to end"), r.reason());
            done.countDown();
            holder.join();
            SolveResult again = s.solve(xAtLeastTwo(), Limits.none());
            assertEquals(Status.SAT, again.status(), again.toString());
        } finally {
            done.countDown();
        }
    }
}
