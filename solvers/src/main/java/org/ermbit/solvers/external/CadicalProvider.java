package org.ermbit.solvers.external;

import java.util.List;
import java.util.regex.Pattern;
import org.ermbit.core.spi.Availability;

/**
 * {@code ext-cadical}: the CaDiCaL SAT solver binary ({@code cadical} on the PATH), see {@link CnfSatProvider}.
 * By default it writes a binary DRAT proof for every run, and ermbit checks the proof before reporting
 * UNSAT; {@code -Dermbit.cadical.proof=off} runs it without proofs (its UNSAT is then its claim).
 */
public final class CadicalProvider extends CnfSatProvider {
    /** The system property that turns proof checking off ({@code off}) or on ({@code check}, the default). */
    public static final String PROOF_PROPERTY = "ermbit.cadical.proof";

    private final String proofSettingError;

    public CadicalProvider() {
        this(System.getProperty(PROOF_PROPERTY, "").trim());
    }

    private CadicalProvider(String proofSetting) {
        super("cadical", List.of("--version"), Pattern.compile("(\\S+)"), "CaDiCaL", DimacsSatSolver.Style.COMPETITION, List.of("-q"),
                !proofSetting.equals("off"));
        this.proofSettingError = proofSetting.isEmpty() || proofSetting.equals("check") || proofSetting.equals("off") ? null
                : "invalid -D" + PROOF_PROPERTY + "=" + proofSetting + " (expected check or off)";
    }

    @Override
    public Availability probe() {
        return proofSettingError != null ? Availability.missing(proofSettingError) : super.probe();
    }
}
