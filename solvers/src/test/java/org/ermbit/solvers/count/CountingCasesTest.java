package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the public counting set has the count stated by its source (counts.tsv). */
class CountingCasesTest {

    /**
     * Files neither counter finishes within unit-test time (measured in docs/BENCHMARKS.md):
     * ijcai07_random_wff.3.100.150 (count about 1.8e21) runs for minutes in both counters.
     */
    static final java.util.Set<String> TOO_SLOW_FOR_UNIT_TESTS = java.util.Set.of(
            "sharpsat/ijcai07_random_wff.3.100.150.cnf");

    static Stream<Arguments> cases() {
        return Resources.tsv("counting/counts.tsv").stream()
                .filter(r -> !TOO_SLOW_FOR_UNIT_TESTS.contains(r[0]))
                .map(r -> Arguments.of(r[0], new BigInteger(r[1]), Integer.parseInt(r[2]), Integer.parseInt(r[3])));
    }

    static Cnf load(String file, int vars, int clauses) {
        Cnf cnf = DimacsReader.parse(Resources.text("counting/" + file), file);
        assertEquals(vars, cnf.variables(), file + " variables");
        assertEquals(clauses, cnf.clauses().size(), file + " clauses");
        return cnf;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void componentCounterMatchesStatedCount(String file, BigInteger stated, int vars, int clauses) {
        Cnf cnf = load(file, vars, clauses);
        CountResult r = new ComponentCounter().count(cnf, Limits.none());
        assertEquals(CountStatus.COUNTED, r.status());
        assertEquals(stated, r.exactCount(), file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logicNgCounterMatchesStatedCount(String file, BigInteger stated, int vars, int clauses) {
        Cnf cnf = load(file, vars, clauses);
        CountResult r = new LogicNgCounter().count(cnf, Limits.none());
        assertEquals(stated, r.exactCount(), file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sharpSatReferenceFileAgreesWithTable(String file, BigInteger stated, int vars, int clauses) {
        if (!file.startsWith("sharpsat/")) return; // only sharpSAT cases ship a reference file
        String expected = Resources.text("counting/" + file.replace(".cnf", ".expected.txt")).strip();
        assertTrue(expected.matches("[0-9]+"), expected);
        assertEquals(stated, new BigInteger(expected), file);
    }
}
