package org.ermbit.solvers;

import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.javasmt.PrincessProvider;

/** The LIA backend contract for the java-smt backend {@code PrincessProvider} (skipped where its probe fails). */
class PrincessSolverTest extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new PrincessProvider();
    }

    @Override
    int randomModels() {
        return 40;
    }
}
