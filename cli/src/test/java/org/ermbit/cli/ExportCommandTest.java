package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ermbit export}: files per format, the exit-code contract and exactness refusals. */
class ExportCommandTest {

    /** XOR, 2-2-1 relu, 3-bit integer weights, mean squared loss, threshold 1/2. */
    private static final String XOR = """
            {"format": "ermbit/1", "name": "xor",
             "network": {"inputs": 2, "layers": [{"units": 2, "activation": "relu"}, {"units": 1, "activation": "identity"}]},
             "parameters": {"domain": "fixed", "bits": 3, "fraction_bits": 0},
             "loss": {"type": "squared", "aggregate": "mean"},
             "threshold": "1/2",
             "data": {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [[0], [1], [1], [0]]}}
            """;

    /** 1-1-1 relu with 31-bit fixed point, 30 fraction bits: the output scale is 2^60. */
    private static final String HUGE = """
            {"format": "ermbit/1", "name": "huge",
             "network": {"inputs": 1, "layers": [{"units": 1, "activation": "relu"}, {"units": 1, "activation": "identity"}]},
             "parameters": {"domain": "fixed", "bits": 31, "fraction_bits": 30},
             "loss": {"type": "absolute", "aggregate": "sum"},
             "threshold": "0",
             "data": {"inputs": [[1]], "targets": [[1]]}}
            """;

    private static final String POLY = """
            {"format": "ermbit/1", "name": "poly",
             "network": {"inputs": 1, "layers": [{"units": 1, "activation": {"type": "polynomial", "coefficients": ["0", "0", "1"]}},
                                                   {"units": 1, "activation": "identity"}]},
             "parameters": {"domain": "fixed", "bits": 2, "fraction_bits": 0},
             "loss": {"type": "squared", "aggregate": "sum"},
             "threshold": "0",
             "data": {"inputs": [[1]], "targets": [[1]]}}
            """;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path instance(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    @Test
    void smtlibHasProductsAndTheHandComputedLossBound() throws IOException {
        Path in = instance("xor.json", XOR);
        Path f = dir.resolve("xor.smt2");
        Run r = run("export", in.toString(), "--format", "smtlib", "-o", f.toString());
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(f);
        // layer 2 multiplies unknown weights by unknown activations: nonlinear
        assertTrue(text.contains("(set-logic QF_NIA)"), text);
        // mean of 4 squared residuals with integer scales: scaled loss = 4 * loss; 1/2 * 4 = 2
        assertTrue(text.contains("; scaled loss = loss * 4 "), text);
        assertTrue(text.contains("i.e. scaled loss <= 2?"), text);
        assertTrue(text.contains("(check-sat)"));
        assertFalse(text.contains("minimize"));
    }

    @Test
    void smtlibLinearIsQfLia() throws IOException {
        Path in = instance("xor.json", XOR);
        Path f = dir.resolve("xor.smt2");
        assertEquals(0, run("export", in.toString(), "--format", "smtlib", "--linear", "-o", f.toString()).exit());
        String text = Files.readString(f);
        assertTrue(text.contains("(set-logic QF_LIA)"));
        assertFalse(text.contains("(* |"), "no product of two variables");
    }

    @Test
    void opbHeaderCountsMatchTheBody() throws IOException {
        Path in = instance("xor.json", XOR);
        Path f = dir.resolve("xor.opb");
        assertEquals(0, run("export", in.toString(), "-f", "opb", "-o", f.toString()).exit());
        List<String> lines = Files.readAllLines(f);
        Matcher m = Pattern.compile("\\* #variable= (\\d+) #constraint= (\\d+)").matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        long rows = lines.stream().filter(l -> !l.startsWith("*") && !l.startsWith("min:")).count();
        assertEquals(Long.parseLong(m.group(2)), rows);
        int maxVar = 0;
        for (String l : lines) {
            if (l.startsWith("*")) continue;
            Matcher v = Pattern.compile("x(\\d+)").matcher(l);
            while (v.find()) maxVar = Math.max(maxVar, Integer.parseInt(v.group(1)));
        }
        assertEquals(Integer.parseInt(m.group(1)), maxVar);
    }

    @Test
    void cnfHeaderCountsMatchTheBody() throws IOException {
        Path in = instance("xor.json", XOR);
        Path f = dir.resolve("xor.cnf");
        assertEquals(0, run("export", in.toString(), "--format", "cnf", "-o", f.toString()).exit());
        List<String> lines = Files.readAllLines(f);
        String p = lines.stream().filter(l -> l.startsWith("p ")).findFirst().orElseThrow();
        String[] h = p.split(" ");
        long clauses = lines.stream().filter(l -> !l.startsWith("c") && !l.startsWith("p")).count();
        assertEquals(Long.parseLong(h[3]), clauses);
        int maxVar = 0;
        for (String l : lines) {
            if (l.startsWith("c") || l.startsWith("p")) continue;
            assertTrue(l.endsWith(" 0") || l.equals("0"), l);
            for (String t : l.split(" ")) maxVar = Math.max(maxVar, Math.abs(Integer.parseInt(t)));
        }
        assertTrue(maxVar <= Integer.parseInt(h[2]));
    }

    /**
     * The stdout line names format and file (WCNF for cnf --optimize), and symmetry breaking, on by
     * default, adds the ordering constraints between XOR's two interchangeable hidden units, which
     * --no-symmetry-breaking leaves out.
     */
    @Test
    void reportLineAndSymmetryBreakingSwitch() throws IOException {
        Path in = instance("xor.json", XOR);
        Path on = dir.resolve("on.opb");
        Path off = dir.resolve("off.opb");
        Run withOrder = run("export", in.toString(), "-f", "opb", "-o", on.toString());
        Run without = run("export", in.toString(), "-f", "opb", "-o", off.toString(), "--no-symmetry-breaking");
        assertEquals(0, withOrder.exit(), withOrder.err());
        assertEquals(0, without.exit(), without.err());
        assertTrue(withOrder.out().startsWith("c wrote opb to " + on + ": "), withOrder.out());
        assertTrue(opbConstraints(on) > opbConstraints(off), Files.readAllLines(on).get(0) + " vs " + Files.readAllLines(off).get(0));

        Path wcnf = dir.resolve("x.wcnf");
        assertTrue(run("export", in.toString(), "-f", "cnf", "--optimize", "-o", wcnf.toString()).out()
                .startsWith("c wrote cnf (WCNF) to " + wcnf + ": "));
        Path cnf = dir.resolve("x.cnf");
        String wrote = run("export", in.toString(), "-f", "cnf", "-o", cnf.toString()).out();
        assertTrue(wrote.startsWith("c wrote cnf to " + cnf + ": "), wrote);
        // the file's own size (its p-line) is stated, not only the model's
        String pLine = java.nio.file.Files.readAllLines(cnf).stream().filter(l -> l.startsWith("p cnf ")).findFirst().orElseThrow();
        String[] vc = pLine.split(" ");
        assertTrue(wrote.contains(": " + vc[2] + " variables, " + vc[3] + " clauses in the file, from "), wrote + " / " + pLine);
    }

    private static long opbConstraints(Path opb) throws IOException {
        Matcher m = Pattern.compile("\\* #variable= \\d+ #constraint= (\\d+)").matcher(Files.readAllLines(opb).get(0));
        assertTrue(m.matches());
        return Long.parseLong(m.group(1));
    }

    @Test
    void cnfOptimizeWritesWcnf() throws IOException {
        Path in = instance("xor.json", XOR);
        Path f = dir.resolve("xor.wcnf");
        assertEquals(0, run("export", in.toString(), "--format", "cnf", "--optimize", "-o", f.toString()).exit());
        List<String> lines = Files.readAllLines(f);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("p ")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("h ")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("[1-9][0-9]* -?[1-9][0-9]* 0")), "soft unit clauses");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("c question: minimise")));
    }

    /**
     * Bug fixed (session 24): a long instance name went whole into a comment line, and CBC 2.10.8 fails an
     * assertion reading an LP comment line of some 2,500 characters. Comments show the first 200
     * characters and the length; an all-fixed instance's WCNF said "variables 2..1 are auxiliary".
     */
    @Test
    void longNamesAreShortenedInCommentsAndNoAuxiliaryRangeIsEmpty() throws IOException {
        String name = "N".repeat(2_500);
        Path in = instance("long.json", XOR.replace("\"name\": \"xor\"", "\"name\": \"" + name + "\""));
        for (String format : List.of("lp", "smtlib", "opb", "cnf")) {
            Path f = dir.resolve("long." + format);
            assertEquals(0, run("export", in.toString(), "--format", format, "-o", f.toString()).exit(), format);
            List<String> lines = Files.readAllLines(f);
            String note = lines.stream().filter(l -> l.contains("ermbit export of instance")).findFirst().orElseThrow();
            assertTrue(note.contains("\"" + "N".repeat(200) + "...\" (the first 200 of 2500 characters)"), note);
            assertTrue(lines.stream().allMatch(l -> l.length() < 1_000), format + ": no line of 1,000 characters or more");
        }
        // both parameters fixed, so the model is empty: the WCNF has no auxiliary variables to name
        Path all = instance("fixed.json", """
                {"format": "ermbit/1", "name": "fx", "network": {"inputs": 1, "layers": [{"units": 1, "activation": "identity"}]},
                 "parameters": {"domain": "fixed", "bits": 2, "fraction_bits": 0},
                 "fixed": [{"layer": 1, "unit": 0, "input": 0, "value": "1"}, {"layer": 1, "unit": 0, "bias": true, "value": "0"}],
                 "loss": {"type": "absolute"}, "threshold": "0", "data": {"inputs": [[1]], "targets": [["3"]]}}
                """);
        Path w = dir.resolve("fixed.wcnf");
        Run r = run("export", all.toString(), "--format", "cnf", "--optimize", "-o", w.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readAllLines(w).contains("c ermbit CNF export (adder-network PB encoding); no auxiliary variables"),
                Files.readString(w));
    }

    /**
     * Bug fixed (session 24): a write that failed named the temporary file of the atomic replacement
     * ({@code /sys/kernel/.x.cnf.1696bfdaf807a5c4.tmp}) instead of the reason.
     */
    @Test
    void aFailedWriteSaysWhyAndNamesNoTemporaryFile() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "no /sys/kernel here");
        Path in = instance("xor.json", XOR);
        Run r = run("export", in.toString(), "--format", "cnf", "-o", "/sys/kernel/x.cnf");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ermbit: /sys/kernel/x.cnf: cannot write: "), r.err());
        assertFalse(r.err().contains(".tmp"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void lpIsWrittenWhenNumbersAreSmall() throws IOException {
        Path in = instance("xor.json", XOR);
        Path f = dir.resolve("xor.lp");
        assertEquals(0, run("export", in.toString(), "--format", "lp", "-o", f.toString()).exit());
        String text = Files.readString(f);
        for (String section : List.of("Minimize", "Subject To", "Bounds", "Binary", "General", "End")) {
            assertTrue(text.contains("\n" + section + "\n"), section);
        }
    }

    @Test
    void lpRefusesNumbersBeyondTwoToThe53() throws IOException {
        Path in = instance("huge.json", HUGE);
        Path f = dir.resolve("huge.lp");
        Run r = run("export", in.toString(), "--format", "lp", "-o", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ermbit: "), r.err());
        assertTrue(r.err().contains("not supported: ") && r.err().contains("2^53"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(f), "nothing is written on refusal");
    }

    @Test
    void smtlibWritesHugeNumbersInFull() throws IOException {
        Path in = instance("huge.json", HUGE);
        Path f = dir.resolve("huge.smt2");
        assertEquals(0, run("export", in.toString(), "--format", "smtlib", "-o", f.toString()).exit());
        // target 1 at output scale 2^(30+30) = 1152921504606846976, written exactly
        assertTrue(Files.readString(f).contains("1152921504606846976"));
    }

    @Test
    void polynomialActivationIsNotSupported() throws IOException {
        Path in = instance("poly.json", POLY);
        Run r = run("export", in.toString(), "--format", "cnf", "-o", dir.resolve("p.cnf").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not supported: polynomial activation"), r.err());
    }

    @Test
    void unknownFormatIsAUsageError() throws IOException {
        Path in = instance("xor.json", XOR);
        Run r = run("export", in.toString(), "--format", "xlsx", "-o", dir.resolve("x").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ermbit: --format: unknown export format 'xlsx' (known: smtlib, opb, cnf, lp)"), r.err());
    }

    @Test
    void linearOnlyForSmtlib() throws IOException {
        Path in = instance("xor.json", XOR);
        Run r = run("export", in.toString(), "--format", "opb", "--linear", "-o", dir.resolve("x").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--linear applies to --format smtlib only"), r.err());
    }

    @Test
    void missingInstanceFileIsAnInputError() {
        Run r = run("export", dir.resolve("nope.json").toString(), "--format", "opb", "-o", dir.resolve("x").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nope.json"), r.err());
    }

    @Test
    void anOutputInAMissingDirectoryIsOneLineNamingTheDirectory() throws IOException {
        Path in = instance("xor.json", XOR);
        Run r = run("export", in.toString(), "--format", "opb", "-o", dir.resolve("no").resolve("x.opb").toString());
        assertEquals(2, r.exit());
        assertEquals("ermbit: --output: directory " + dir.resolve("no").toAbsolutePath() + " does not exist", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void missingFormatIsAUsageError() throws IOException {
        Path in = instance("xor.json", XOR);
        assertEquals(2, run("export", in.toString(), "-o", dir.resolve("x").toString()).exit());
    }

    @Test
    void dashWritesToStandardOutput() throws IOException {
        Path in = instance("xor.json", XOR);
        Run r = run("export", in.toString(), "--format", "lp", "-o", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("\\ ermbit export of instance \"xor\" as lp\n"), r.out());
        assertTrue(r.out().endsWith("End\n"));
    }
}
