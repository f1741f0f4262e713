package org.ermbit.solvers.javasmt;

/** Provider of the {@code princess} backend through java-smt (see {@link JavaSmtBackend#PRINCESS}). */
public final class PrincessProvider extends JavaSmtProvider {
    public PrincessProvider() {
        super(JavaSmtBackend.PRINCESS);
    }

    @Override
    public String description() {
        return "Princess SMT solver via java-smt (pure Java/Scala, LGPL-2.1+; linear integers; ignores interrupts, stopped by a watchdog)";
    }
}
