package org.ermbit.solvers.count;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.ermbit.bench.generate.ThreeSatGenerator;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The component counter on seeded random 3-CNFs at clause/variable ratio 1.5 (the hardness peak of
 * DPLL counting), one thread: with elimination of narrow components (width 14, the default)
 * against branching only (width -1) in the same run. Lives in the counter's package to reach the
 * package-private width switch. Numbers in docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CountingBenchmark {
    /** Variables of the formula; clauses are 1.5 times as many. */
    @Param({"50", "60"})
    public int variables;

    /** Elimination width: -1 branches only. */
    @Param({"-1", "14"})
    public int width;

    private Cnf cnf;
    private ComponentCounter counter;

    @Setup
    public void setUp() {
        cnf = ThreeSatGenerator.randomCnf(variables, variables * 3 / 2, 1);
        counter = new ComponentCounter(1L << 28, 1, width);
    }

    /** One full count (a fresh cache each time); returned so that it is not optimised away. */
    @Benchmark
    public BigInteger count() {
        return counter.count(cnf, Limits.none()).exactCount();
    }
}
