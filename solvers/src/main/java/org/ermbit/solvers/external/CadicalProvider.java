package org.ermbit.solvers.external;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ext-cadical}: the CaDiCaL SAT solver binary ({@code cadical} on the PATH), see {@link CnfSatProvider}.
 * By default it writes a binary DRAT proof for every run, and ermbit checks the proof before reporting
 * UNSAT; {@code -Dermbit.cadical.proof=off} runs it without proofs (its UNSAT is then its claim).
 */
public final class CadicalProvider extends CnfSatProvider {
    /** The system property that turns proof checking off ({@code off}) or on ({@code check}, the default). */
    public static final String PROOF_PROPERTY = proofProperty("cadical");

    public CadicalProvider() {
        super("cadical", List.of("--version"), Pattern.compile("(\\S+)"), "CaDiCaL", DimacsSatSolver.Style.COMPETITION, List.of("-q"),
                ProofOutput.DRAT_AFTER_INPUT, OwnTimeLimit.CADICAL);
    }
}
