package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.junit.jupiter.api.Test;

/**
 * Runs the example of docs/EMBEDDING.md and checks that the document quotes this file's example
 * verbatim, so the documentation cannot drift from code that works.
 */
class EmbeddingExampleTest {

    @Test
    void exampleRunsAndFindsXor() {
        // begin example
        // XOR with a 2-2-1 ReLU network, integer weights and biases in [-2, 2].
        Rational zero = Rational.ZERO, one = Rational.ONE;
        Dataset xor = new Dataset(
                List.of(List.of(zero, zero), List.of(zero, one), List.of(one, zero), List.of(one, one)),
                List.of(List.of(zero), List.of(one), List.of(one), List.of(zero)));
        Architecture net = new Architecture(2, List.of(
                new LayerSpec(2, new Activation.Relu()),
                new LayerSpec(1, new Activation.Identity())));
        Domain ints = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(2));
        ErmInstance instance = new ErmInstance("xor", Optional.empty(), net, ParameterDomains.uniform(ints),
                List.of(), new Loss(LossType.SQUARED, Aggregate.SUM), zero, xor, Optional.empty());

        ErmSolver solver = new ErmSolver(ErmOptions.defaults());          // Sat4j, symmetry breaking on
        ErmResult fit = solver.decide(instance);                          // loss <= threshold (0)?
        if (fit.outcome() == ErmResult.Outcome.SAT) {
            NetworkParameters weights = fit.witness().orElseThrow();      // already exactly verified
            System.out.println("loss " + fit.loss().orElseThrow() + " with " + weights);
        }

        ErmResult best = solver.optimize(instance, loss -> System.out.println("improved to " + loss));
        // best.outcome() is OPTIMUM: best.loss() is the minimum over the whole finite domain
        // end example
        assertEquals(ErmResult.Outcome.SAT, fit.outcome(), fit.reason());
        assertTrue(Verifier.verify(instance, fit.witness().orElseThrow()).accepted());
        assertEquals(ErmResult.Outcome.OPTIMUM, best.outcome(), best.reason());
        assertEquals(Rational.ZERO, best.loss().orElseThrow());
    }

    @Test
    void documentQuotesTheExampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/ermbit/tests/EmbeddingExampleTest.java"));
        int from = source.indexOf("// begin example\n") + "// begin example\n".length();
        int to = source.indexOf("        // end example");
        String example = source.substring(from, to).stripTrailing().stripIndent().strip();
        String doc = Files.readString(Path.of("../docs/EMBEDDING.md"));
        assertTrue(doc.contains(example), "docs/EMBEDDING.md must quote the example of EmbeddingExampleTest verbatim");
    }
}
