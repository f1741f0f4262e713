package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.List;

/**
 * Result of {@link LpWriter#write}: the LP text, warnings (non-empty when some number exceeds
 * 2^53 and so may be rounded by a floating-point LP solver), and the objective constant that the LP
 * objective omits (IR objective = LP objective + {@code objectiveOffset}), and the number of rows
 * written (an enforced linear constraint becomes up to two big-M rows).
 */
public record LpExport(String text, List<String> warnings, BigInteger objectiveOffset, int rows) {
    public LpExport {
        warnings = List.copyOf(warnings);
    }

    /** True when every number in the file is exactly representable as a double (|v| ≤ 2^53). */
    public boolean exactInDoubles() {
        return warnings.isEmpty();
    }
}
