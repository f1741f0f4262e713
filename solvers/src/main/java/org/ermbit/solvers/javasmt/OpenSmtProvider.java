package org.ermbit.solvers.javasmt;

/** Provider of the {@code opensmt} backend through java-smt (see {@link JavaSmtBackend#OPENSMT}). */
public final class OpenSmtProvider extends JavaSmtProvider {
    public OpenSmtProvider() {
        super(JavaSmtBackend.OPENSMT);
    }

    @Override
    public String description() {
        return "OpenSMT SMT solver via java-smt (native library, MIT; linear integer arithmetic)";
    }
}
