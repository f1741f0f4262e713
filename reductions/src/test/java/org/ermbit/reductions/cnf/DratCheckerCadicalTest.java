package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real proofs: CaDiCaL ({@code cadical} on the PATH; skipped without it) refutes three unsatisfiable
 * SATLIB instances (uuf50-218) and the pigeonhole formula of 7 pigeons in 6 holes, writing binary and
 * text DRAT; both must check. Then only outcomes every correct checker must give:
 * <ul>
 *   <li>the proof cut before the lemma that refuted the CNF (the steps up to there are the same, so the
 *       check must end without a conflict), also cut in the middle of a clause;</li>
 *   <li>the proof against the CNF with clauses removed until CaDiCaL finds a model (checked here
 *       against the weaker CNF): a satisfiable CNF is never refuted.</li>
 * </ul>
 */
class DratCheckerCadicalTest {

    static final List<String> INSTANCES = List.of("uuf50-01", "uuf50-02", "uuf50-03", "php-7-6");

    @TempDir
    Path dir;

    static Optional<Path> cadical() {
        return onPath("cadical");
    }

    /** The executable {@code name} in a directory of the PATH, if there is one. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    static Path requireCadical() {
        Optional<Path> c = cadical();
        assumeTrue(c.isPresent(), "the binary 'cadical' is not on the PATH");
        return c.get();
    }

    static Stream<Arguments> instancesAndFormats() {
        return INSTANCES.stream().flatMap(i -> DratCheckerProofs.DRAT_FORMATS.stream().map(f -> Arguments.of(i, f)));
    }

    static Stream<String> instances() {
        return INSTANCES.stream();
    }

    static Cnf load(String name) throws IOException {
        if (name.startsWith("php-")) {
            String[] parts = name.split("-");
            return pigeonhole(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }
        try (InputStream in = DratCheckerCadicalTest.class.getResourceAsStream("/satlib/uuf50-218/" + name + ".cnf")) {
            if (in == null) throw new IOException("missing test resource " + name);
            return DimacsReader.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1), name + ".cnf");
        }
    }

    /** Pigeon i in hole j is variable i*holes + j + 1: every pigeon in a hole, no two in one hole. */
    static Cnf pigeonhole(int pigeons, int holes) {
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < pigeons; i++) {
            int[] c = new int[holes];
            for (int j = 0; j < holes; j++) c[j] = i * holes + j + 1;
            clauses.add(c);
        }
        for (int j = 0; j < holes; j++) {
            for (int a = 0; a < pigeons; a++) {
                for (int b = a + 1; b < pigeons; b++) clauses.add(new int[] {-(a * holes + j + 1), -(b * holes + j + 1)});
            }
        }
        return new Cnf(pigeons * holes, clauses);
    }

    /** A CaDiCaL run: its exit code and standard output. */
    record Solved(int exit, String output) {}

    Solved cadical(Cnf cnf, Path proof, Format format) throws IOException, InterruptedException {
        Path binary = requireCadical();
        Path file = Files.createTempFile(dir, "cnf", ".cnf");
        DimacsWriter.write(cnf, file);
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-q"));
        if (format == Format.TEXT) command.add("--no-binary");
        command.add(file.toString());
        if (proof != null) command.add(proof.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        return new Solved(p.waitFor(), out.toString(StandardCharsets.US_ASCII));
    }

    byte[] proof(Cnf cnf, Format format) throws IOException, InterruptedException {
        Path proof = dir.resolve("proof-" + format);
        Solved s = cadical(cnf, proof, format);
        assertEquals(20, s.exit(), "cadical's exit code (20: unsatisfiable): " + s.output());
        return Files.readAllBytes(proof);
    }

    @ParameterizedTest
    @MethodSource("instancesAndFormats")
    void cadicalProofsCheck(String name, Format format) throws Exception {
        Cnf cnf = load(name);
        byte[] proof = proof(cnf, format);
        List<Step> steps = DratCheckerProofs.parse(proof, format);
        ProofCheck.Verified v = assertInstanceOf(ProofCheck.Verified.class, DratCheckerProofs.check(cnf, proof, format));
        long additions = DratCheckerProofs.additions(steps);
        assertTrue(v.lemmas() >= 1 && v.lemmas() <= additions, v + " of " + additions + " additions");
        assertTrue(v.deletions() + v.ignoredDeletions() <= steps.size() - additions, v.toString());
        // compacting after every deletion changes nothing
        assertEquals(v, DratCheckerProofs.checkCompacting(cnf, steps, format));

        // the steps before the lemma that refuted the CNF (at most half of the additions) check the same
        // way as in the full proof, where they did not reach a conflict
        long k = Math.min(v.lemmas() - 1, additions / 2);
        List<Step> prefix = DratCheckerProofs.firstAdditions(steps, k);
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (" + k
                + (k == 1 ? " lemma" : " lemmas") + " checked)"), DratCheckerProofs.check(cnf, prefix, format));
        // ... and with a clause cut short after them
        byte[] head = DratCheckerProofs.encode(prefix, format);
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        cut.write(head);
        String where;
        if (format == Format.TEXT) {
            cut.write("1 -2".getBytes(StandardCharsets.US_ASCII));
            where = "line " + (prefix.size() + 1);
        } else {
            cut.write(new byte[] {'a', 2, 5});
            where = "step at byte " + head.length;
        }
        assertEquals(new ProofCheck.Refuted("truncated proof: the last clause has no terminating 0 (" + where + ")"),
                DratCheckerProofs.check(cnf, cut.toByteArray(), format));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void bothEncodingsOfOneRunAgree(String name) throws Exception {
        // CaDiCaL is deterministic: the text and the binary proof hold the same steps
        Cnf cnf = load(name);
        byte[] text = proof(cnf, Format.TEXT);
        byte[] binary = proof(cnf, Format.BINARY);
        assertEquals(DratCheckerProofs.parse(text, Format.TEXT), DratCheckerProofs.parse(binary, Format.BINARY));
        assertEquals(DratCheckerProofs.check(cnf, text, Format.TEXT), DratCheckerProofs.check(cnf, binary, Format.BINARY));
    }

    @ParameterizedTest
    @MethodSource("instancesAndFormats")
    void theProofDoesNotRefuteAWeakerSatisfiableCnf(String name, Format format) throws Exception {
        Cnf cnf = load(name);
        byte[] proof = proof(cnf, format);
        List<int[]> clauses = new ArrayList<>(cnf.clauses());
        while (true) {
            clauses.remove(0);
            Cnf weaker = new Cnf(cnf.variables(), clauses);
            Solved s = cadical(weaker, null, format);
            if (s.exit() == 20) continue;
            assertEquals(10, s.exit(), "cadical's exit code: " + s.output());
            assertTrue(weaker.isSatisfiedBy(model(s.output(), cnf.variables())), "cadical's model");
            ProofCheck r = DratCheckerProofs.check(weaker, proof, format);
            assertFalse(r instanceof ProofCheck.Verified, "without the first " + (cnf.clauses().size() - clauses.size())
                    + " clauses: " + r);
            return;
        }
    }

    /** The assignment of the {@code v} lines of a SAT competition answer (unlisted variables false). */
    static boolean[] model(String output, int variables) {
        boolean[] model = new boolean[variables + 1];
        for (String line : output.split("\n")) {
            if (!line.startsWith("v")) continue;
            for (String t : line.substring(1).trim().split("\\s+")) {
                if (t.isEmpty()) continue;
                int lit = Integer.parseInt(t);
                if (lit != 0 && Math.abs(lit) <= variables) model[Math.abs(lit)] = lit > 0;
            }
        }
        return model;
    }
}
