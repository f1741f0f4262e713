package org.ermbit.solvers;

import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.javasmt.Cvc5Provider;

/**
 * The LIA backend contract for the java-smt backend {@code Cvc5Provider} with native products, so that
 * the NIA models are checked too (skipped where its probe fails; the registry's default gives CVC5
 * weight bits, which the LIA models cover).
 */
class Cvc5SolverTest extends LiaBackendContract {
    @Override
    SolverProvider provider() {
        return new Cvc5Provider(true);
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
