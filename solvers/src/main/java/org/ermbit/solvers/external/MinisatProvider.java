package org.ermbit.solvers.external;

import java.util.List;
import java.util.regex.Pattern;

/** {@code ext-minisat}: the MiniSat SAT solver binary ({@code minisat} on the PATH), see {@link CnfSatProvider}. */
public final class MinisatProvider extends CnfSatProvider {
    public MinisatProvider() {
        super("minisat", List.of("--help"), Pattern.compile("(?!)"), "MiniSat", DimacsSatSolver.Style.MINISAT_RESULT_FILE, List.of("-verb=0"), ProofOutput.NONE,
                OwnTimeLimit.MINISAT);
    }
}
