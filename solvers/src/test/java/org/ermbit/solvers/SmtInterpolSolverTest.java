package org.ermbit.solvers;

import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.javasmt.SmtInterpolProvider;

/** The LIA backend contract for the java-smt backend {@code SmtInterpolProvider} (skipped where its probe fails). */
class SmtInterpolSolverTest extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new SmtInterpolProvider();
    }

    @Override
    int randomModels() {
        return 100;
    }
}
