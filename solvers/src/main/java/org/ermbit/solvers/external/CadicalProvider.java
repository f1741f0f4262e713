package org.ermbit.solvers.external;

import java.util.List;
import java.util.regex.Pattern;

/** {@code ext-cadical}: the CaDiCaL SAT solver binary ({@code cadical} on the PATH), see {@link CnfSatProvider}. */
public final class CadicalProvider extends CnfSatProvider {
    public CadicalProvider() {
        super("cadical", List.of("--version"), Pattern.compile("(\\S+)"), "CaDiCaL", DimacsSatSolver.Style.COMPETITION, List.of("-q"));
    }
}
