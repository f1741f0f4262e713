package org.ermbit.solvers.external;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ext-picosat}: the PicoSAT SAT solver binary ({@code picosat} on the PATH), see {@link CnfSatProvider}.
 * By default it writes a RUP proof ({@code picosat -R FILE}) for every run, and ermbit checks the proof
 * before reporting UNSAT; {@code -Dermbit.picosat.proof=off} runs it without proofs (its UNSAT is then its claim).
 */
public final class PicosatProvider extends CnfSatProvider {
    /** The system property that turns proof checking off ({@code off}) or on ({@code check}, the default). */
    public static final String PROOF_PROPERTY = proofProperty("picosat");

    public PicosatProvider() {
        super("picosat", List.of("--version"), Pattern.compile("(\\S+)"), "PicoSAT", DimacsSatSolver.Style.COMPETITION, List.of(),
                ProofOutput.RUP_OPTION, OwnTimeLimit.PICOSAT);
    }
}
