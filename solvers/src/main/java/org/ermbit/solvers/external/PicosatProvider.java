package org.ermbit.solvers.external;

import java.util.List;
import java.util.regex.Pattern;

/** {@code ext-picosat}: the PicoSAT SAT solver binary ({@code picosat} on the PATH), see {@link CnfSatProvider}. */
public final class PicosatProvider extends CnfSatProvider {
    public PicosatProvider() {
        super("picosat", List.of("--version"), Pattern.compile("(\\S+)"), "PicoSAT", DimacsSatSolver.Style.COMPETITION, List.of(), false);
    }
}
