package org.ermbit.solvers;

import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.javasmt.OpenSmtProvider;

/** The LIA backend contract for the java-smt backend {@code OpenSmtProvider} (skipped where its probe fails). */
class OpenSmtSolverTest extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new OpenSmtProvider();
    }

    @Override
    int randomModels() {
        return 100;
    }
}
