package org.ermbit.solvers;

import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.javasmt.Cvc5Provider;

/** The LIA backend contract for the java-smt backend {@code Cvc5Provider} (skipped where its probe fails). */
class Cvc5SolverTest extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new Cvc5Provider();
    }

    /** CVC5 refutes the clausal pigeonhole for 12 pigeons in under a second; 15 keeps it busy. */
    @Override
    org.ermbit.core.ir.Model hardModel() {
        return HardModels.pigeonholeClauses(15);
    }

    @Override
    int randomModels() {
        return 100;
    }
}
