package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.z3.Z3Provider;
import org.junit.jupiter.api.Test;

/**
 * The backend contract for Z3 with native products (so that the NIA models are checked too; the
 * registry's default gives Z3 weight bits, which the LIA models cover).
 */
class Z3SolverTest extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new Z3Provider(true);
    }

    @Test
    void identifiesItself() {
        assertEquals("z3", provider().id());
        assertTrue(provider().description().contains("Z3"), provider().description());
    }
}
