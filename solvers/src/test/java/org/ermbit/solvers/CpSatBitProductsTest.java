package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.cpsat.CpSatProvider;
import org.junit.jupiter.api.Test;

/**
 * The LIA contract for {@code cpsat} configured with products as bits (one worker): without NIA it
 * must refuse products ("not supported: …") and agree with brute force on everything else. The 64-bit
 * refusal is covered by {@link CpSatSolverTest}.
 */
class CpSatBitProductsTest extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new CpSatProvider(1, false);
    }

    @Override
    int randomModels() {
        return 60;
    }

    @Override
    Model hardModel() {
        return HardModels.randomThreeSat(400, 2000, 1);
    }

    @Test
    void declaresNoNonlinearArithmetic() {
        assertFalse(provider().capabilities().contains(Capability.NIA));
    }

    /** The 2^80 model is refused, as in {@link CpSatSolverTest}; nothing more to check here. */
    @Override
    @Test
    void coefficientsAndBoundsBeyond64Bits() {
        new CpSatSolverTest().coefficientsAndBoundsBeyond64Bits();
    }
}
