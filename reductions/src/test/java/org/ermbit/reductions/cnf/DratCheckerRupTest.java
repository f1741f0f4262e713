package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PicoSAT's RUP proofs ({@link Format#RUP}): the header line, which must come first and must have the
 * form PicoSAT writes; deletions, which the format does not have; line numbers in messages counting the
 * header; and real proofs of {@code picosat -R} (skipped without the binary), which must check against
 * their CNF and must not refute a satisfiable weakening of it.
 */
class DratCheckerRupTest {

    /** (1 2) (-1 2) (1 -2) (-1 -2): unsatisfiable; PicoSAT refutes it with the lemmas (-1), (-2), (). */
    static final Cnf FOUR = DratCheckerProofs.cnf(2, new int[] {1, 2}, new int[] {-1, 2}, new int[] {1, -2}, new int[] {-1, -2});

    /** PicoSAT's header: the counts, then spaces up to 256 characters. */
    static String header(int variables, int clauses) {
        String h = "%RUPD32 " + variables + " " + clauses;
        return h + " ".repeat(256 - h.length()) + "\n";
    }

    static ProofCheck check(Cnf cnf, String proof) {
        return DratCheckerProofs.check(cnf, proof.getBytes(StandardCharsets.ISO_8859_1), Format.RUP);
    }

    @Test
    void picosatsProofOfTheFourClausesChecks() {
        // the file picosat -R writes for FOUR
        ProofCheck.Verified v = assertInstanceOf(ProofCheck.Verified.class, check(FOUR, header(2, 4) + "-1 0\n-2 0\n0\n"));
        // the unit (-1) already conflicts at the top level, (1 2) forcing 2 against (1 -2): the check ends there
        assertEquals(1, v.lemmas());
        assertEquals(0, v.deletions());
        // CRLF line ends and a short header are read the same way
        assertEquals(v, check(FOUR, "%RUPD32 2 4\r\n-1 0\r\n-2 0\r\n0\r\n"));
        // the same lemmas as DRAT text give the same outcome
        assertEquals(v, DratCheckerProofs.check(FOUR, "-1 0\n-2 0\n0\n"));
    }

    @Test
    void linesCountTheHeader() {
        // (1 2) (-1 2): (2) is RUP; (-2) is not (2 satisfies both clauses) and not RAT on -2 (its
        // resolvent with the lemma (2) is the empty clause, and propagation finds no conflict)
        Cnf two = DratCheckerProofs.cnf(2, new int[] {1, 2}, new int[] {-1, 2});
        assertEquals(new ProofCheck.Refuted("lemma 2 (line 3) is neither RUP nor RAT on its first literal -2"),
                check(two, header(2, 2) + "2 0\n-2 0\n0\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "-1 0\\n-2 0\\n0\\n",
        "%RUPD32\\n-1 0\\n",
        "%RUPD32 2\\n-1 0\\n",
        "%RUPD32 2 4 5\\n-1 0\\n",
        "%RUPD32 a b\\n-1 0\\n",
        "%RUPD32 -2 4\\n-1 0\\n",
        "%RUPD33 2 4\\n-1 0\\n",
        "%rupd32 2 4\\n-1 0\\n",
        " %RUPD32 2 4\\n-1 0\\n",
        "c comment\\n%RUPD32 2 4\\n-1 0\\n",
        "%RUPD32 99999999999 4\\n",
        "%RUPD32\\t2\\t4\\n",
    })
    void aMissingOrMalformedHeaderIsRefused(String proof) {
        assertEquals(new ProofCheck.Refuted("malformed proof at line 1: a RUP proof starts with the line %RUPD32 VARIABLES CLAUSES"),
                check(FOUR, proof.replace("\\n", "\n").replace("\\t", "\t")));
    }

    @Test
    void aHeaderLongerThanAnyPicosatWritesIsRefusedWithoutReadingOn() {
        assertEquals(new ProofCheck.Refuted("malformed proof at line 1: a RUP proof starts with the line %RUPD32 VARIABLES CLAUSES"),
                check(FOUR, "%RUPD32 2 4" + " ".repeat(10_000) + "\n-1 0\n-2 0\n0\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1 2 0\\nd 1 2 0\\n-1 0\\n0\\n | malformed proof at line 3: a RUP proof has no deletions
            d 1 2 0\\n                   | malformed proof at line 2: a RUP proof has no deletions
            1 2 0\\nx 0\\n               | malformed proof at line 3: 'x' is not a literal
            1 2 0\\n-1                  | truncated proof: the last clause has no terminating 0 (line 3)
            """)
    void theBodyIsDratTextWithoutDeletions(String body, String reason) {
        assertEquals(new ProofCheck.Refuted(reason), check(FOUR, header(2, 4) + body.strip().replace("\\n", "\n")));
    }

    @Test
    void anEmptyBodyRefutesNothing() {
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (0 lemmas checked)"), check(FOUR, header(2, 4)));
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (0 lemmas checked)"), check(FOUR, "%RUPD32 2 4"));
    }

    // ---- real proofs of picosat -R

    @TempDir
    Path dir;

    static Optional<Path> picosat() {
        return DratCheckerCadicalTest.onPath("picosat");
    }

    /** Runs picosat -R on {@code cnf}: its exit code, and the proof it wrote. */
    byte[] picosatProof(Cnf cnf, int expectedExit) throws IOException, InterruptedException {
        Optional<Path> binary = picosat();
        assumeTrue(binary.isPresent(), "the binary 'picosat' is not on the PATH");
        Path file = Files.createTempFile(dir, "cnf", ".cnf");
        Path proof = Files.createTempFile(dir, "proof", ".rup");
        DimacsWriter.write(cnf, file);
        Process p = new ProcessBuilder(binary.get().toString(), "-R", proof.toString(), file.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertEquals(expectedExit, p.waitFor(), out.toString(StandardCharsets.US_ASCII));
        return Files.readAllBytes(proof);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uuf50-01", "uuf50-02", "uuf50-03", "php-7-6"})
    void picosatsProofsCheckAndDoNotRefuteASatisfiableWeakening(String name) throws Exception {
        Cnf cnf = DratCheckerCadicalTest.load(name);
        byte[] proof = picosatProof(cnf, 20);
        ProofCheck.Verified v = assertInstanceOf(ProofCheck.Verified.class, DratCheckerProofs.check(cnf, proof, Format.RUP));
        ProofCheck.Verified backward = assertInstanceOf(ProofCheck.Verified.class, DratCheckerProofs.checkBackward(cnf, List.of(), proof, Format.RUP));
        assertEquals(v.lemmas(), backward.lemmas());
        assertEquals(true, backward.checkedLemmas() <= v.lemmas(), backward.toString());
        // drop clauses from the end until picosat finds a model: the proof must not refute that CNF
        List<int[]> clauses = new ArrayList<>(cnf.clauses());
        Cnf weaker;
        do {
            clauses.remove(clauses.size() - 1);
            weaker = new Cnf(cnf.variables(), clauses);
        } while (!satisfiable(weaker));
        assertInstanceOf(ProofCheck.Refuted.class, DratCheckerProofs.check(weaker, proof, Format.RUP));
    }

    private boolean satisfiable(Cnf cnf) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "weak", ".cnf");
        DimacsWriter.write(cnf, file);
        Process p = new ProcessBuilder(picosat().orElseThrow().toString(), "-n", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        assertEquals(true, exit == 10 || exit == 20, "picosat exit " + exit);
        return exit == 10;
    }
}
