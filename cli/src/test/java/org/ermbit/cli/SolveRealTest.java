package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ermbit solve --real}: tls-real-below has threshold 50380732/10^9 < (10 − √97)/3 ≈ 0.0503807327
 * (so no real parameters), sqrt2-square needs b = ±√2 (printed as a root-obj of x² − 2).
 */
class SolveRealTest {

    @TempDir
    Path dir;

    private String[] run(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/realram/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"solve", "--real", p.toString()}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        return new String[] {String.valueOf(code), out.toString()};
    }

    /** The threshold printed in lowest terms: 50380732/10^9 = 12595183/250000000. */
    @Test
    void belowTheRealOptimumIsUnsatOverTheReals() throws IOException {
        String[] r = run("tls-real-below.json");
        assertEquals("20", r[0], r[1]);
        assertTrue(r[1].contains("\ns UNSATISFIABLE\nc no real parameter vector has loss <= 12595183/250000000\n"), r[1]);
    }

    /**
     * XOR has rational real solutions: the nine printed {@code c param} values, read back and run
     * through the exact loss evaluator (independent of the printing and of Z3), give the printed loss 0.
     */
    @Test
    void rationalWitnessLinesAreAZeroLossNetwork() throws IOException {
        Path xor = Path.of("..", "instances", "examples", "xor-2-2-1.json");
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"solve", "--real", xor.toString()}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertEquals(10, code, out.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.contains("c loss 0  (≈ 0)"), out.toString());
        assertTrue(lines.contains("c witness is rational: loss re-checked by the exact rational evaluator"), out.toString());
        Pattern param = Pattern.compile("c param ([wb])\\[(\\d+)]\\[(\\d+)](?:\\[(\\d+)])? = (\\S+)  \\(≈ .*\\)");
        Map<ParameterRef, Rational> values = new HashMap<>();
        for (String line : lines) {
            Matcher m = param.matcher(line);
            if (!m.matches()) continue;
            int layer = Integer.parseInt(m.group(2));
            int unit = Integer.parseInt(m.group(3));
            ParameterRef ref = m.group(1).equals("w") ? ParameterRef.weight(layer, unit, Integer.parseInt(m.group(4))) : ParameterRef.bias(layer, unit);
            values.put(ref, RationalParser.parse(m.group(5)));
        }
        assertEquals(9, values.size(), out.toString());
        ErmInstance inst = InstanceReader.read(xor);
        NetworkParameters p = NetworkParameters.build(inst.architecture(), values::get);
        assertEquals(Rational.ZERO, LossEvaluator.evaluate(inst, p).total());
    }

    @Test
    void sqrt2IsPrintedAsARootObject() throws IOException {
        String[] r = run("sqrt2-square.json");
        assertEquals("10", r[0], r[1]);
        assertTrue(r[1].contains("\nc param b[1][0] = (root-obj (+ (^ x 2) (- 2)) "), r[1]);
        assertTrue(r[1].contains("\nc loss 0  (≈ 0)\n"), r[1]);
        assertTrue(r[1].contains("\nc witness is algebraic: (root-obj P K) is the K-th smallest real root of P(x); checked by Z3 only\n"), r[1]);
    }

    /**
     * Options of the finite-domain pipeline are refused with --real, one line and exit 2 each;
     * {@code --seed} was accepted silently (session 24).
     */
    @Test
    void optionsOfTheFiniteDomainPipelineAreRefused() {
        String xor = Path.of("..", "instances", "examples", "xor-2-2-1.json").toString();
        List<List<String>> options = List.of(List.of("--json"), List.of("--solver", "sat4j"), List.of("--witness", "w.json"),
                List.of("--cross-check", "sat4j"), List.of("--refine"), List.of("--no-local-search"), List.of("--no-symmetry-breaking"),
                List.of("--squares", "cuts"), List.of("--seed", "3"));
        for (List<String> option : options) {
            List<String> args = new java.util.ArrayList<>(List.of("solve", xor, "--real"));
            args.addAll(option);
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, r.exit(), option + ": " + r.out() + r.err());
            assertEquals(List.of("ermbit: not supported: " + option.get(0) + " with --real (Z3 decides over the reals; the line protocol only)"),
                    r.errLines(), option.toString());
        }
    }
}
