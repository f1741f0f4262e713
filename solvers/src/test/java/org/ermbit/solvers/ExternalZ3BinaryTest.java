package org.ermbit.solvers;

import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.external.Z3BinaryProvider;

/** The LIA/NIA backend contract for {@code ext-z3}; skipped when no z3 binary is on the PATH. */
class ExternalZ3BinaryTest extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new Z3BinaryProvider();
    }

    @Override
    int randomModels() {
        return 40; // one process per model
    }
}
