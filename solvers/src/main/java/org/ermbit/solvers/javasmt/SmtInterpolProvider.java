package org.ermbit.solvers.javasmt;

/** Provider of the {@code smtinterpol} backend through java-smt (see {@link JavaSmtBackend#SMTINTERPOL}). */
public final class SmtInterpolProvider extends JavaSmtProvider {
    public SmtInterpolProvider() {
        super(JavaSmtBackend.SMTINTERPOL);
    }

    @Override
    public String description() {
        return "SMTInterpol SMT solver via java-smt (pure Java, LGPL-3.0; linear integer arithmetic)";
    }
}
