package org.ermbit.solvers;

import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.z3.Z3Provider;

class Z3SolverTest extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new Z3Provider();
    }
}
