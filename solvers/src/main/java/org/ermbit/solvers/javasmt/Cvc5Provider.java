package org.ermbit.solvers.javasmt;

/** Provider of the {@code cvc5} backend through java-smt (see {@link JavaSmtBackend#CVC5}). */
public final class Cvc5Provider extends JavaSmtProvider {
    public Cvc5Provider() {
        super(JavaSmtBackend.CVC5);
    }

    @Override
    public String description() {
        return "CVC5 SMT solver via java-smt (native library, BSD-3-Clause; linear and nonlinear integers)";
    }
}
