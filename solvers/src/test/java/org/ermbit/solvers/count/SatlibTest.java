package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SATLIB uf20-91 files are satisfiable, uuf50-218 files unsatisfiable (per the SATLIB test sets). */
class SatlibTest {

    static Stream<Arguments> files() {
        return Resources.tsv("satlib/expected.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void countIsPositiveExactlyForSatisfiableFiles(String file, String expected) {
        Cnf cnf = DimacsReader.parse(Resources.text("satlib/" + file), file);
        BigInteger component = new ComponentCounter().count(cnf, Limits.none()).exactCount();
        BigInteger logicng = new LogicNgCounter().count(cnf, Limits.none()).exactCount();
        assertEquals(expected.equals("SAT"), component.signum() > 0, file + " count " + component);
        assertEquals(logicng, component, file + ": component vs LogicNG");
    }
}
