package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pipeline against instances/MANIFEST: for every shipped example (family {@code examples}),
 * {@code optimize} proves the manifest's optimum and {@code decide} answers sat exactly when that
 * optimum is at most the file's threshold. The manifest's
 * answers come from an independent Python brute force or from the literature, never from ermbit.
 */
class ManifestExamplesTest {

    private static final Path INSTANCES = Path.of("..", "instances");

    /** One manifest row of the examples family: file and its stated optimum. */
    record Row(String file, Rational optimum) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Arguments> examples() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(INSTANCES.resolve("MANIFEST"))) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] f = s.split("\\s+"); // PATH FAMILY MODE EXPECTED SOURCE
            if (!f[1].equals("examples")) continue;
            rows.add(Arguments.of(new Row(f[0], RationalParser.parse(f[3].substring("optimum=".length())))));
        }
        assertFalse(rows.isEmpty(), "no examples in instances/MANIFEST");
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void pipelineAgreesWithTheManifest(Row row) {
        ErmInstance inst = InstanceReader.read(INSTANCES.resolve(row.file()));
        ErmSolver solver = new ErmSolver(ErmOptions.defaults());
        ErmResult decided = solver.decide(inst);
        boolean reachable = row.optimum().compareTo(inst.threshold()) <= 0;
        assertEquals(reachable ? ErmResult.Outcome.SAT : ErmResult.Outcome.UNSAT, decided.outcome(), decided.reason());
        ErmResult best = solver.optimize(inst, l -> { });
        assertEquals(ErmResult.Outcome.OPTIMUM, best.outcome(), best.reason());
        assertEquals(row.optimum(), best.loss().orElseThrow(), row.file());
    }
}
