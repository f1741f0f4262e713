package org.ermbit.solvers.count;

import java.math.BigInteger;
import java.time.Duration;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;

/** Test oracle: counts models by enumerating all 2^n assignments (n at most 24). */
final class BruteForceCounter implements ModelCounter {
    @Override
    public String id() {
        return "brute-force";
    }

    @Override
    public CountResult count(Cnf cnf, Limits limits, CountProgress progress) {
        int n = cnf.variables();
        if (n > 24) throw new IllegalArgumentException("brute force is for tiny formulas only");
        long models = 0;
        boolean[] a = new boolean[n + 1];
        for (long bits = 0; bits < (1L << n); bits++) {
            for (int v = 1; v <= n; v++) a[v] = ((bits >> (v - 1)) & 1) != 0;
            if (cnf.isSatisfiedBy(a)) models++;
        }
        return CountResult.counted(BigInteger.valueOf(models), id(), CountStats.elapsedOnly(Duration.ZERO));
    }
}
