package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.WitnessReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.Witness;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link SolveSession#keepImproved}, the mid-run half of {@code optimize --witness}: each improved
 * witness replaces the file (read back here), and a file that cannot be written gets one warning line
 * for the whole run, not one per improvement.
 */
class ImprovedWitnessFileTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private SolveSession session(ErmInstance inst, Path witness) {
        CommandLine cl = new CommandLine(new OptimizeCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        SolverOptions options = new SolverOptions();
        options.witness = witness;
        return new SolveSession(cl.getCommandSpec(), options, inst, Path.of("xor-2-2-1.json"));
    }

    /** Every weight and bias {@code value} (0 and 1 lie in the XOR instance's domain −2..1). */
    private static NetworkParameters constant(ErmInstance inst, long value) {
        return NetworkParameters.build(inst.architecture(), r -> Rational.of(value));
    }

    @Test
    void eachImprovementReplacesTheFile() throws IOException {
        ErmInstance inst = Instances.read(Path.of("..", "instances", "examples", "xor-2-2-1.json"));
        Path file = dir.resolve("best.json");
        SolveSession s = session(inst, file);
        NetworkParameters zeros = constant(inst, 0);
        NetworkParameters ones = constant(inst, 1);
        Rational zerosLoss = Verifier.verify(inst, zeros).loss();
        Rational onesLoss = Verifier.verify(inst, ones).loss();
        s.keepImproved(zeros, zerosLoss);
        Witness first = WitnessReader.read(file);
        assertEquals(zeros, first.parameters());
        s.keepImproved(ones, onesLoss);
        Witness second = WitnessReader.read(file);
        assertEquals(ones, second.parameters());
        assertEquals(java.util.Optional.of(onesLoss), second.statedLoss());
        assertEquals(java.util.Optional.of(zerosLoss), first.statedLoss());
        assertEquals("", err.toString());
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedOnce() throws IOException {
        ErmInstance inst = Instances.read(Path.of("..", "instances", "examples", "xor-2-2-1.json"));
        Path taken = Files.createDirectory(dir.resolve("taken")); // a directory where the witness file should go
        SolveSession s = session(inst, taken);
        NetworkParameters zeros = constant(inst, 0);
        s.keepImproved(zeros, Verifier.verify(inst, zeros).loss());
        s.keepImproved(zeros, Verifier.verify(inst, zeros).loss());
        List<String> lines = err.toString().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("ermbit: warning: ") && lines.get(0).endsWith("(an improved witness; tried again at the end)"), lines.get(0));
        assertTrue(Files.isDirectory(taken), "nothing replaced the directory");
    }
}
