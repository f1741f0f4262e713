package org.ermbit.solvers.external;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ext-cadical}: the CaDiCaL SAT solver binary ({@code cadical} on the PATH), see {@link CnfSatProvider}.
 * It writes a binary DRAT proof for every UNSAT answer, and ermbit checks the proof before reporting UNSAT.
 */
public final class CadicalProvider extends CnfSatProvider {
    public CadicalProvider() {
        super("cadical", List.of("--version"), Pattern.compile("(\\S+)"), "CaDiCaL", DimacsSatSolver.Style.COMPETITION, List.of("-q"), true);
    }
}
