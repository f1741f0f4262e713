package org.ermbit.reductions.cnf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ermbit.core.spi.Limits;

/**
 * Test support for the DratChecker tests: proofs as lists of steps, written to (and read back from)
 * both encodings straight from the format description, independently of the checker's own readers.
 */
final class DratCheckerProofs {

    private DratCheckerProofs() {}

    /** One proof step: an addition or a deletion of the clause {@code literals} (DIMACS, as written). */
    record Step(boolean deletion, int[] literals) {
        static Step add(int... literals) {
            return new Step(false, literals);
        }

        static Step del(int... literals) {
            return new Step(true, literals);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Step s && s.deletion == deletion && Arrays.equals(s.literals, literals);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(literals) * 2 + (deletion ? 1 : 0);
        }

        @Override
        public String toString() {
            return (deletion ? "d " : "") + Arrays.toString(literals);
        }
    }

    static Cnf cnf(int variables, int[]... clauses) {
        return new Cnf(variables, List.of(clauses));
    }

    static List<Step> steps(Step... steps) {
        return List.of(steps);
    }

    /** DRAT text: one step per line, {@code d } before a deletion, each clause ended by 0. */
    static byte[] text(List<Step> steps) {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            if (s.deletion()) sb.append("d ");
            for (int lit : s.literals()) sb.append(lit).append(' ');
            sb.append("0\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Binary DRAT: 'a' or 'd', then 2*var + sign as 7-bit groups, low first, high bit = more, then 0. */
    static byte[] binary(List<Step> steps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Step s : steps) {
            out.write(s.deletion() ? 'd' : 'a');
            for (int lit : s.literals()) varint(out, 2L * Math.abs((long) lit) + (lit < 0 ? 1 : 0));
            out.write(0);
        }
        return out.toByteArray();
    }

    static void varint(ByteArrayOutputStream out, long u) {
        while (u > 0x7f) {
            out.write((int) (u & 0x7f) | 0x80);
            u >>>= 7;
        }
        out.write((int) u);
    }

    /** The two DRAT encodings (PicoSAT's RUP variant has no deletions and gets tests of its own). */
    static final List<DratChecker.Format> DRAT_FORMATS = List.of(DratChecker.Format.TEXT, DratChecker.Format.BINARY);

    static byte[] encode(List<Step> steps, DratChecker.Format format) {
        return format == DratChecker.Format.TEXT ? text(steps) : binary(steps);
    }

    static ProofCheck check(Cnf cnf, List<Step> steps, DratChecker.Format format) {
        return check(cnf, encode(steps, format), format);
    }

    static ProofCheck check(Cnf cnf, byte[] proof, DratChecker.Format format) {
        return check(cnf, List.of(), proof, format);
    }

    /** Checks against the clauses of {@code cnf} and the pseudo-Boolean constraints {@code pb}. */
    static ProofCheck check(Cnf cnf, List<PbConstraint> pb, List<Step> steps, DratChecker.Format format) {
        return check(cnf, pb, encode(steps, format), format);
    }

    static ProofCheck check(Cnf cnf, List<PbConstraint> pb, byte[] proof, DratChecker.Format format) {
        try {
            return DratChecker.check(cnf, pb, new ByteArrayInputStream(proof), format, Limits.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks with the clause database compacted after every deletion. */
    static ProofCheck checkCompacting(Cnf cnf, List<Step> steps, DratChecker.Format format) {
        return checkCompacting(cnf, List.of(), steps, format);
    }

    /** Checks against clauses and pseudo-Boolean constraints, compacting after every deletion. */
    static ProofCheck checkCompacting(Cnf cnf, List<PbConstraint> pb, List<Step> steps, DratChecker.Format format) {
        try {
            return DratChecker.check(cnf, pb, new ByteArrayInputStream(encode(steps, format)), format,
                    DratChecker.Order.FORWARD, Limits.none(), -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks backward ({@link DratChecker.Order#BACKWARD}) against clauses and pseudo-Boolean constraints. */
    static ProofCheck checkBackward(Cnf cnf, List<PbConstraint> pb, byte[] proof, DratChecker.Format format) {
        try {
            return DratChecker.check(cnf, pb, new ByteArrayInputStream(proof), format, DratChecker.Order.BACKWARD,
                    Limits.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProofCheck check(Cnf cnf, String textProof) {
        return check(cnf, textProof.getBytes(StandardCharsets.ISO_8859_1), DratChecker.Format.TEXT);
    }

    /** Reads a well-formed proof (as a solver writes it) back into steps; throws on anything else. */
    static List<Step> parse(byte[] proof, DratChecker.Format format) {
        return format == DratChecker.Format.TEXT ? parseText(proof) : parseBinary(proof);
    }

    static List<Step> parseText(byte[] proof) {
        List<Step> steps = new ArrayList<>();
        List<Integer> lits = new ArrayList<>();
        boolean deletion = false;
        for (String line : new String(proof, StandardCharsets.US_ASCII).split("\n")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("c")) continue;
            for (String token : t.split("\\s+")) {
                if (token.equals("d")) {
                    if (deletion || !lits.isEmpty()) throw new IllegalArgumentException("misplaced d: " + line);
                    deletion = true;
                } else {
                    int lit = Integer.parseInt(token);
                    if (lit != 0) {
                        lits.add(lit);
                    } else {
                        steps.add(new Step(deletion, lits.stream().mapToInt(Integer::intValue).toArray()));
                        lits.clear();
                        deletion = false;
                    }
                }
            }
        }
        if (deletion || !lits.isEmpty()) throw new IllegalArgumentException("unterminated last step");
        return steps;
    }

    static List<Step> parseBinary(byte[] proof) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < proof.length) {
            int kind = proof[i++];
            if (kind != 'a' && kind != 'd') throw new IllegalArgumentException("step byte " + kind + " at " + (i - 1));
            List<Integer> lits = new ArrayList<>();
            while (true) {
                long u = 0;
                int shift = 0;
                int b;
                do {
                    b = proof[i++] & 0xff;
                    u |= (long) (b & 0x7f) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0);
                if (u == 0) break;
                int var = (int) (u >>> 1);
                lits.add((u & 1) == 0 ? var : -var);
            }
            steps.add(new Step(kind == 'd', lits.stream().mapToInt(Integer::intValue).toArray()));
        }
        return steps;
    }

    /** Where each step is as the checker names it: "line k" in text, "byte b" (its offset) in binary. */
    static List<String> where(List<Step> steps, DratChecker.Format format) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(format == DratChecker.Format.TEXT ? "line " + (i + 1) : "byte " + binary(steps.subList(0, i)).length);
        }
        return out;
    }

    /** The number of additions among {@code steps}. */
    static long additions(List<Step> steps) {
        return steps.stream().filter(s -> !s.deletion()).count();
    }

    /** The steps before the {@code (k+1)}-th addition: k additions and the deletions between them. */
    static List<Step> firstAdditions(List<Step> steps, long k) {
        List<Step> out = new ArrayList<>();
        long added = 0;
        for (Step s : steps) {
            if (!s.deletion() && added == k) break;
            if (!s.deletion()) added++;
            out.add(s);
        }
        return out;
    }

    /** The literals of {@code c} in a random order (a clause is a set: the checker must not care). */
    static int[] shuffled(int[] c, Random rnd) {
        List<Integer> l = new ArrayList<>();
        for (int x : c) l.add(x);
        Collections.shuffle(l, rnd);
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
