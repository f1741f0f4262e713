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
 * The pipeline against instances/MANIFEST: for every shipped example, {@code decide} gives the
 * manifest's sat/unsat answer and {@code optimize} proves the manifest's optimum. The manifest's
 * answers come from an independent Python brute force or from the literature, never from ermbit.
 */
class ManifestExamplesTest {

    private static final Path INSTANCES = Path.of("..", "instances");

    /** One manifest row: file, answer, optimum. */
    record Row(String file, String answer, String optimum) {
    }

    static Stream<Arguments> examples() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(INSTANCES.resolve("MANIFEST"))) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] f = s.split("\\s+");
            if (!f[0].startsWith("examples/")) continue;
            rows.add(Arguments.of(new Row(f[0], f[1], f[2])));
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
        assertEquals(row.answer(), decided.outcome() == ErmResult.Outcome.SAT ? "sat"
                : decided.outcome() == ErmResult.Outcome.UNSAT ? "unsat" : "unknown: " + decided.reason(), row.file());
        if (!row.optimum().equals("-")) {
            ErmResult best = solver.optimize(inst, l -> { });
            assertEquals(ErmResult.Outcome.OPTIMUM, best.outcome(), best.reason());
            Rational expected = RationalParser.parse(row.optimum());
            assertEquals(expected, best.loss().orElseThrow(), row.file());
        }
    }
}
