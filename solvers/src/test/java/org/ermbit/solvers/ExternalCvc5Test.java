package org.ermbit.solvers;

import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.external.Cvc5Provider;

/** The LIA backend contract for {@code ext-cvc5} (products refused); skipped without a cvc5 binary. */
class ExternalCvc5Test extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new Cvc5Provider();
    }

    @Override
    int randomModels() {
        return 40; // one process per model
    }
}
