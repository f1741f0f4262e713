package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutation fuzzing of the non-instance input formats (DIMACS CNF, straight-line
 * programs, bench MANIFESTs and results CSVs, SAT-competition assignment files), through
 * {@code Main.run} in-process. Each mutant is a valid base file with 1–3 byte-level mutations
 * (truncation, bit flips, NUL / control characters / BOM / invalid UTF-8 / U+2028 / NEL / CR,
 * duplicated, deleted or swapped lines) or structure-aware ones (wrong header counts, out-of-range
 * literals, {@code -0}, huge numbers, missing terminating 0, words for numbers, extra fields, blank and
 * comment lines in odd places, {@code +N}, tabs, very long lines).
 *
 * <p>Oracle per run (DESIGN §9): the exit code is in the command's allowed set; exit 2 means exactly
 * one non-blank stderr line starting {@code ermbit: }, no stack trace, and no answer on stdout; exit 1
 * (internal error) is always a failure — except a check command's {@code skipped} file, which is its
 * documented exit 1 and then must say so on stdout. Independently of the readers, the test parses
 * each mutant with its own reference parser written from the docs (docs/CLI.md, docs/FORMAT.md): where
 * the reference says "malformed" the CLI must exit 2, where it says "valid" the CLI must accept it, and
 * a valid CNF of at most 12 variables must get the brute-force count; a valid SLP must get the sign of
 * its exact value. Where the docs leave a case open (e.g. control characters inside a token) the
 * reference says "unsure" and only the contract is checked.
 *
 * <p>Replay: every failure names its seed and the first bytes of the mutant; run only that seed with
 * {@code -Dermbit.fuzz.seed=SEED} (each test skips the seeds of the others).
 */
class FuzzOtherInputsTest {

    /** Only this seed when set (replay). */
    static final long REPLAY = Long.getLong("ermbit.fuzz.seed", -1L);

    static final int COUNT_MUTANTS = 700;
    static final int COMPRESSED_MUTANTS = 200;
    static final int RELU_MUTANTS = 90;
    static final int GRADBIT_MUTANTS = 90;
    static final int ASSIGNMENT_MUTANTS = 200;
    static final int SLP_MUTANTS = 400;
    static final int MERGE_MUTANTS = 300;
    static final int MANIFEST_MUTANTS = 200;
    static final int BENCH_CSV_MUTANTS = 150;
    static final int GENERATE_MUTANTS = 100;

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();

    // ------------------------------------------------------------------------------------------------
    // seeds and reporting

    /** More mutants per test for a longer search, e.g. {@code -Dermbit.fuzz.scale=10} (seeds beyond the default range). */
    static final int SCALE = Integer.getInteger("ermbit.fuzz.scale", 1);

    /** The seeds of one test: base + 0 .. base + n·scale − 1, or only the replayed one. */
    static long[] seeds(long base, int n) {
        n *= SCALE;
        if (REPLAY >= 0) return REPLAY >= base && REPLAY < base + 1_000_000 ? new long[] {REPLAY} : new long[0]; // each test owns a million seeds
        long[] s = new long[n];
        for (int i = 0; i < n; i++) s[i] = base + i;
        return s;
    }

    void failure(long seed, byte[] mutant, CliRun r, String why) {
        failures.add("seed " + seed + " (-Dermbit.fuzz.seed=" + seed + "): " + why + "\n    mutant: " + preview(mutant)
                + (r == null ? "" : "\n    exit " + r.exit() + "\n    stdout: " + preview(r.out()) + "\n    stderr: " + preview(r.err())));
    }

    void assertNoFailures(int runs) {
        if (failures.isEmpty()) return;
        StringBuilder sb = new StringBuilder(failures.size() + " of " + runs + " fuzz runs failed:\n");
        failures.stream().limit(15).forEach(f -> sb.append(f).append('\n'));
        throw new AssertionError(sb.toString());
    }

    static String preview(String s) {
        return preview(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 320 bytes, printable ASCII as is and everything else as \xNN (\n as \n). */
    static String preview(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 320); i++) {
            int c = b[i] & 0xFF;
            if (c == '\n') sb.append("\\n");
            else if (c >= 0x20 && c < 0x7F && c != '\\') sb.append((char) c);
            else sb.append(String.format("\\x%02X", c));
        }
        if (b.length > 320) sb.append("… (").append(b.length).append(" bytes)");
        return sb.toString();
    }

    Path write(String name, byte[] content) {
        try {
            Path p = dir.resolve(name);
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Pattern ANSWER = Pattern.compile("(?m)^(s |v |c s |.*\\bagree\\b|.*source=|merged )");

    /**
     * The exit-code contract: {@code allowed} exits only; exit 2 is one stderr line without a stack
     * trace and no answer on stdout; exit 1 only as a check's documented "skipped"; never an internal error.
     * Returns false (after recording the failure) when the run broke the contract.
     */
    boolean contract(long seed, byte[] mutant, CliRun r, Set<Integer> allowed) {
        if (!allowed.contains(r.exit())) {
            failure(seed, mutant, r, "exit " + r.exit() + " not in " + allowed);
            return false;
        }
        if (r.err().contains("internal error") || r.err().contains("Exception") || r.err().contains("\tat ")) {
            failure(seed, mutant, r, "internal error or stack trace on stderr");
            return false;
        }
        if (r.exit() == 1 && (!r.out().contains(" skipped (") || r.out().contains("DISAGREE"))) {
            failure(seed, mutant, r, "exit 1 without a skipped file (or with DISAGREE)");
            return false;
        }
        if (r.exit() == 2) {
            List<String> lines = r.errLines();
            if (lines.size() != 1 || !lines.get(0).startsWith("ermbit: ")) {
                failure(seed, mutant, r, "exit 2 must print exactly one 'ermbit: ' line on stderr, got " + lines.size());
                return false;
            }
            if (ANSWER.matcher(r.out()).find()) {
                failure(seed, mutant, r, "exit 2 with an answer on stdout");
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // mutations

    static final byte[][] SPECIALS = {
        {0}, {1}, {7}, {8}, {0x0B}, {0x0C}, {0x1B}, {0x1C}, {0x1F}, {0x7F}, {'\r'}, {'\r', '\n'}, {'\t'},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, // BOM
        {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // invalid UTF-8
        {(byte) 0xE2, (byte) 0x80, (byte) 0xA8}, {(byte) 0xE2, (byte) 0x80, (byte) 0xA9}, // U+2028, U+2029
        {(byte) 0xC2, (byte) 0x85}, {(byte) 0x85}, {(byte) 0xC2, (byte) 0xA0}, {(byte) 0xA0}, // NEL, NBSP
        {(byte) 0xE2, (byte) 0x88, (byte) 0x92}, // U+2212 minus
        {(byte) 0xD9, (byte) 0xA3}, // Arabic-Indic digit three
    };

    /** One byte-level mutation. */
    static byte[] byteMutation(byte[] in, Random rnd) {
        List<byte[]> lines = splitLines(in);
        switch (rnd.nextInt(8)) {
            case 0: // truncate
                return Arrays.copyOf(in, in.length == 0 ? 0 : rnd.nextInt(in.length));
            case 1: { // flip a bit
                if (in.length == 0) return in;
                byte[] out = in.clone();
                out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
                return out;
            }
            case 2: case 3: { // insert a special byte sequence
                byte[] s = SPECIALS[rnd.nextInt(SPECIALS.length)];
                int at = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(in.length + 1);
                return insert(in, at, s);
            }
            case 4: { // duplicate a line
                if (lines.isEmpty()) return in;
                int i = rnd.nextInt(lines.size());
                lines.add(i, lines.get(i));
                return joinLines(lines);
            }
            case 5: { // delete a line
                if (lines.isEmpty()) return in;
                lines.remove(rnd.nextInt(lines.size()));
                return joinLines(lines);
            }
            case 6: { // swap two lines
                if (lines.size() < 2) return in;
                int i = rnd.nextInt(lines.size());
                int j = rnd.nextInt(lines.size());
                byte[] t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
                return joinLines(lines);
            }
            default: { // replace a byte with a printable ASCII character
                if (in.length == 0) return in;
                byte[] out = in.clone();
                out[rnd.nextInt(out.length)] = (byte) (0x20 + rnd.nextInt(0x5F));
                return out;
            }
        }
    }

    static byte[] insert(byte[] in, int at, byte[] s) {
        byte[] out = new byte[in.length + s.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(s, 0, out, at, s.length);
        System.arraycopy(in, at, out, at + s.length, in.length - at);
        return out;
    }

    /** Lines without their '\n' (a CR stays in the line). */
    static List<byte[]> splitLines(byte[] in) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                out.add(Arrays.copyOfRange(in, start, i));
                start = i + 1;
            }
        }
        if (start < in.length) out.add(Arrays.copyOfRange(in, start, in.length));
        return out;
    }

    static byte[] joinLines(List<byte[]> lines) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            b.writeBytes(l);
            b.write('\n');
        }
        return b.toByteArray();
    }

    static final String[] NUMBER_REPLACEMENTS = {
        "0", "-0", "-00", "+1", "+0", "99999999999999999999", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "4294967297", "0000000000001", "007", "1.0", "1e3", "0x1", "one", "x1", "1a", "--1", "- 1", "", "1/2", "١",
    };

    /** Replaces one random maximal run of [-+0-9] in {@code text} by {@code f(old)}. */
    static String replaceNumber(String text, Random rnd, java.util.function.Function<String, String> f) {
        Matcher m = Pattern.compile("[-+]?[0-9]+").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.isEmpty()) return text;
        int[] s = spans.get(rnd.nextInt(spans.size()));
        return text.substring(0, s[0]) + f.apply(text.substring(s[0], s[1])) + text.substring(s[1]);
    }

    static String numberVariant(String old, Random rnd) {
        if (rnd.nextBoolean()) return NUMBER_REPLACEMENTS[rnd.nextInt(NUMBER_REPLACEMENTS.length)];
        long v;
        try {
            v = Long.parseLong(old.replace("+", ""));
        } catch (NumberFormatException e) {
            v = 1;
        }
        return switch (rnd.nextInt(4)) {
            case 0 -> Long.toString(v + 1);
            case 1 -> Long.toString(v - 1);
            case 2 -> Long.toString(-v);
            default -> Long.toString(v * 10 + rnd.nextInt(10));
        };
    }

    static String insertLine(String text, Random rnd, String line) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        lines.add(rnd.nextInt(lines.size() + 1), line);
        return String.join("\n", lines);
    }

    static String replaceSpace(String text, Random rnd, String by) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == ' ') at.add(i);
        if (at.isEmpty()) return text;
        int i = at.get(rnd.nextInt(at.size()));
        return text.substring(0, i) + by + text.substring(i + 1);
    }

    /** 1–3 mutations, byte-level or by {@code structural}; the text is Latin-1 for the structural ones. */
    static byte[] mutate(byte[] base, Random rnd, java.util.function.BiFunction<String, Random, String> structural) {
        byte[] b = base;
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            int kind = rnd.nextInt(20);
            if (kind == 0) {
                b = insert(b, 0, SPECIALS[13]); // a UTF-8 byte-order mark, as editors write it
            } else if (kind < 9) {
                b = byteMutation(b, rnd);
            } else {
                b = structural.apply(new String(b, StandardCharsets.ISO_8859_1), rnd).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return b;
    }

    // ------------------------------------------------------------------------------------------------
    // DIMACS: bases, structural mutations, reference parser, brute force

    static final String[] CNF_BASES = {
        "c c RUN: %solver --mode 0 %s | %OutputCheck %s\np cnf 2 1\n1 2 0\nc c CHECK: ^s SATISFIABLE$\n", // ganak mode0.cnf, 3 models
        "p cnf 5 3\n1 -5 4 0\n-1 5 3 4 0\n-3 -4 0\n", // pycosat test_sat_1.cnf, 18 models
        "p cnf 2 2\n-1 0\n1 0\n", // pycosat test_unsat_1.cnf
        "c t mc\np cnf 4 3\n1 -2 0\n2 3 -4 0\n-1 4 0\nc p weight 1 0.5 0\nc p show 1 2 0\n",
        "c SATLIB style\np cnf  3  2\n 1 2 3 0\n-1 -2 0\n%\n0\n\n",
        "c spanning\np cnf 6 4\n1 -2\n 3 0 -4 5 0\n6 0 -1\t-6 0\n",
        "p cnf 3 3\r\n1 2 0\r\n-2 3 0\r\n-3 -1 0\r\n",
        "p cnf 2 2\n1 0\n-1 2 0\nw 1 0.3\nw 2 0.7\n",
        "p cnf 3 2\n1 2 0\n-3 0\n1 0.5\n2 0.25\n", // pmc-style weight table after the declared clauses
        "p cnf 12 0\n",
        "p cnf 4 5\n1 2 0\n-1 0\n1 -1 0\n2 2 0\n3 -4",
    };

    static final String[] CNF_LINES = {
        "", "c", "c t pmc", "c t mc", "c t\twmc", "c p weight 1 0.5 0", "c p show 1 0", "c ind 1 0", "w 1 0.5", "vp 1 0", "%",
        "0", "1 0", "-1 0", "p cnf 3 3", "P CNF 3 3", "p dnf 3 3", "p cnf 3", "x", "1 -1 0", "+1 0", "-0", "1 -0",
        "99999999999999999999 0", "2 3 4 5 6 7 8 9 10 11 12 13 0", "   ", "\t1\t0", "c \u00e9\u00e8", "cnf",
    };

    static String cnfStructural(String text, Random rnd) {
        switch (rnd.nextInt(10)) {
            case 0: case 1:
                return replaceNumber(text, rnd, old -> numberVariant(old, rnd));
            case 2: { // the p-line's counts; or many declared variables (valid, but past the reduced instance's caps)
                Matcher m = Pattern.compile("(?m)^p\\s+cnf\\s+(\\d+)\\s+(\\d+)").matcher(text);
                if (!m.find()) return text;
                int g = 1 + rnd.nextInt(2);
                String by = g == 1 && rnd.nextInt(4) == 0 ? new String[] {"1001", "2000", "5000"}[rnd.nextInt(3)] : numberVariant(m.group(g), rnd);
                return text.substring(0, m.start(g)) + by + text.substring(m.end(g));
            }
            case 3: { // drop a terminating 0
                int i = text.lastIndexOf(" 0");
                if (rnd.nextBoolean() || i < 0) i = text.indexOf(" 0");
                return i < 0 ? text : text.substring(0, i) + text.substring(i + 2);
            }
            case 4: case 5:
                return insertLine(text, rnd, CNF_LINES[rnd.nextInt(CNF_LINES.length)]);
            case 6: // extra field on the p-line, or a missing one
                return rnd.nextBoolean() ? text.replaceFirst("(?m)^(p\\s+cnf\\s+\\d+\\s+\\d+)", "$1 7")
                        : text.replaceFirst("(?m)^p\\s+cnf\\s+(\\d+)\\s+\\d+", "p cnf $1");
            case 7:
                return replaceSpace(text, rnd, rnd.nextBoolean() ? "\t" : "  \t ");
            case 8: { // a very long line: a long comment, or a long valid clause
                if (rnd.nextBoolean()) return insertLine(text, rnd, "c " + "x".repeat(70_000));
                return text + "\n" + "1 ".repeat(20_000) + "0\n";
            }
            default: // a clause as words, or a second clause on the p-line
                return rnd.nextBoolean() ? insertLine(text, rnd, "one two 0") : text.replaceFirst("(?m)^(p\\s+cnf\\s+\\d+\\s+\\d+)", "$1 1 0");
        }
    }

    /** What the documented DIMACS rules say about a file. */
    enum Verdict { VALID, INVALID, UNSURE }

    /** {@code type}: the problem type of a {@code c t TYPE} line, null when there is none. */
    record CnfRef(Verdict verdict, int variables, List<int[]> clauses, String why, String type) {
        static CnfRef invalid(String why) {
            return new CnfRef(Verdict.INVALID, 0, List.of(), why, null);
        }

        static CnfRef unsure(String why) {
            return new CnfRef(Verdict.UNSURE, 0, List.of(), why, null);
        }

        /** As {@code ermbit count} (and sharp3sat-gradbit, which encodes the count) must see it: a type other than mc is refused. */
        CnfRef forCount() {
            return verdict == Verdict.VALID && type != null && !type.equals("mc")
                    ? new CnfRef(Verdict.INVALID, variables, clauses, "c t " + type, type) : this;
        }
    }

    /**
     * The reference reading of docs/CLI.md "Input rules of the DIMACS reader", written independently
     * of DimacsReader: comment lines anywhere; {@code vp}/{@code w} lines and everything after
     * {@code %} ignored; one {@code p cnf V C} line before any clause; literals are integers whose
     * absolute value is at most V (leading zeros are just zeros: 007 is 7), {@code -0} is an error;
     * fewer clauses than declared are fine; after C clauses, content made only of integers is an error
     * and anything else is ignored; a missing final 0 is fine only on the C-th clause; {@code c t X}
     * with X other than mc is refused by count.
     */
    static CnfRef referenceCnf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) text = text.substring(3);
        if (text.isBlank()) return CnfRef.invalid("empty");
        String[] lines = text.split("\r\n|\n|\r", -1);
        int vars = -1;
        long declared = -1;
        String type = null;
        List<int[]> clauses = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        boolean trailer = false;
        boolean trailerAllIntegers = true;
        boolean percent = false;
        boolean percentZero = false;
        for (String raw : lines) {
            String line = trimBlanks(raw);
            if (line.isEmpty()) continue;
            if (line.charAt(0) == 'c') {
                String[] t = line.split("[ \t]+");
                if (t.length >= 3 && t[0].equals("c") && t[1].equals("t") && type == null) type = t[2];
                continue;
            }
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch != '\t' && (ch < 0x20 || ch > 0x7E)) return CnfRef.unsure("unusual character outside a comment");
            }
            if (percent) { // only SATLIB's '0' may follow '%'
                if (line.equals("0") && !percentZero) {
                    percentZero = true;
                    continue;
                }
                return CnfRef.invalid("content after '%'");
            }
            if (line.startsWith("vp ") || line.startsWith("vp\t") || line.charAt(0) == 'w') continue;
            if (line.charAt(0) == '%') {
                percent = true;
                continue;
            }
            String[] t = line.split("[ \t]+");
            if (line.charAt(0) == 'p' || line.charAt(0) == 'P') {
                if (vars >= 0 || !clauses.isEmpty() || !cur.isEmpty()) return CnfRef.invalid("second or late p-line");
                if (t.length != 4 || !t[0].equals("p") || !t[1].equals("cnf") || !t[2].matches("[0-9]+") || !t[3].matches("[0-9]+")) {
                    return CnfRef.invalid("malformed p-line");
                }
                BigInteger v = new BigInteger(t[2]);
                BigInteger c = new BigInteger(t[3]);
                if (v.compareTo(BigInteger.valueOf(10_000_000)) > 0 || c.compareTo(BigInteger.valueOf(100_000_000)) > 0) {
                    return CnfRef.invalid("over the caps");
                }
                vars = v.intValueExact();
                declared = c.longValueExact();
                continue;
            }
            for (String tok : t) {
                if (vars < 0) return CnfRef.invalid("clause before the p-line");
                if (trailer || (clauses.size() == declared && cur.isEmpty())) {
                    trailer = true;
                    if (!tok.matches("-?[0-9]+")) trailerAllIntegers = false;
                    continue;
                }
                if (!tok.matches("-?[0-9]+")) return CnfRef.invalid("not an integer: " + tok);
                BigInteger lit = new BigInteger(tok);
                if (lit.signum() == 0 && tok.startsWith("-")) return CnfRef.invalid("-0");
                if (lit.abs().compareTo(BigInteger.valueOf(vars)) > 0) return CnfRef.invalid("literal out of range");
                if (lit.signum() == 0) {
                    clauses.add(cur.stream().mapToInt(Integer::intValue).toArray());
                    cur.clear();
                } else {
                    cur.add(lit.intValueExact());
                }
            }
        }
        if (vars < 0) return CnfRef.invalid("no p-line");
        if (!cur.isEmpty()) {
            if (clauses.size() + 1 != declared) return CnfRef.invalid("truncated clause");
            clauses.add(cur.stream().mapToInt(Integer::intValue).toArray());
        }
        if (trailer && trailerAllIntegers) return CnfRef.invalid("more clauses than declared");
        return new CnfRef(Verdict.VALID, vars, clauses, "", type);
    }

    /** Leading and trailing blanks and tabs (the only blanks the docs name; other whitespace is unsure above). */
    static String trimBlanks(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) a++;
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) b--;
        return s.substring(a, b);
    }

    /** Number of assignments of {@code vars} ≤ 20 variables satisfying every clause. */
    static BigInteger bruteForceCount(int vars, List<int[]> clauses) {
        long n = 0;
        for (long a = 0; a < (1L << vars); a++) {
            boolean all = true;
            for (int[] c : clauses) {
                boolean sat = false;
                for (int lit : c) {
                    boolean val = ((a >> (Math.abs(lit) - 1)) & 1) == 1;
                    if (lit > 0 == val) {
                        sat = true;
                        break;
                    }
                }
                if (!sat) {
                    all = false;
                    break;
                }
            }
            if (all) n++;
        }
        return BigInteger.valueOf(n);
    }

    /** A base CNF: one of the fixed ones, or a small seeded random one. */
    static String cnfBase(Random rnd, int maxVars) {
        if (rnd.nextInt(3) > 0) {
            String b = CNF_BASES[rnd.nextInt(CNF_BASES.length)];
            return b;
        }
        int vars = 1 + rnd.nextInt(maxVars);
        int clauses = rnd.nextInt(8);
        StringBuilder sb = new StringBuilder("p cnf " + vars + " " + clauses + "\n");
        for (int c = 0; c < clauses; c++) {
            int width = 1 + rnd.nextInt(3);
            for (int k = 0; k < width; k++) sb.append(rnd.nextBoolean() ? "-" : "").append(1 + rnd.nextInt(vars)).append(' ');
            sb.append("0\n");
        }
        return sb.toString();
    }

    static final Pattern COUNT_LINE = Pattern.compile("(?m)^c s exact arb int (\\d+)$");

    @Test
    void countAgreesWithTheReferenceReadingAndBruteForce() {
        long[] seeds = seeds(1_000_000, COUNT_MUTANTS);
        for (long seed : seeds) {
            Random rnd = new Random(seed);
            byte[] m = mutate(cnfBase(rnd, 8).getBytes(StandardCharsets.ISO_8859_1), rnd, FuzzOtherInputsTest::cnfStructural);
            Path f = write("m" + seed + ".cnf", m);
            CliRun r = seed % 5 == 0 ? CliRun.of("count", f.toString(), "--timeout", "2", "--counter", "logicng")
                    : CliRun.of("count", f.toString(), "--timeout", "2");
            if (!contract(seed, m, r, Set.of(0, 2))) continue;
            if (r.exit() == 2 && !r.err().contains(f.toString())) failure(seed, m, r, "the error line does not name the file");
            CnfRef ref = referenceCnf(m).forCount();
            if (ref.verdict() == Verdict.INVALID && r.exit() != 2) failure(seed, m, r, "reference: malformed (" + ref.why() + "), but exit " + r.exit());
            if (ref.verdict() == Verdict.VALID) {
                if (r.exit() != 0) {
                    failure(seed, m, r, "reference: a valid CNF, but exit " + r.exit());
                } else if (ref.variables() <= 12) {
                    Matcher cm = COUNT_LINE.matcher(r.out());
                    BigInteger expected = bruteForceCount(ref.variables(), ref.clauses());
                    if (!cm.find()) failure(seed, m, r, "no count line (expected " + expected + ")");
                    else if (!new BigInteger(cm.group(1)).equals(expected)) failure(seed, m, r, "count " + cm.group(1) + ", brute force " + expected);
                    String s = expected.signum() > 0 ? "s SATISFIABLE" : "s UNSATISFIABLE";
                    if (!r.out().contains("\n" + s + "\n")) failure(seed, m, r, "expected " + s);
                }
            }
            try {
                Files.delete(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertNoFailures(seeds.length);
    }

    /** gzip or xz of {@code plain}. */
    static byte[] compress(byte[] plain, boolean xz) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (java.io.OutputStream out = xz ? new org.tukaani.xz.XZOutputStream(b, new org.tukaani.xz.LZMA2Options())
                    : new java.util.zip.GZIPOutputStream(b)) {
                out.write(plain);
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decompressed bytes as an independent decoder reads them, or null when it refuses the data. */
    static byte[] decompress(byte[] data, boolean xz) {
        try (java.io.InputStream in = xz ? new org.tukaani.xz.XZInputStream(new java.io.ByteArrayInputStream(data))
                : new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Compressed CNFs (docs/FORMAT.md, Compressed input): a valid CNF, gzip- or xz-compressed, then
     * byte-level mutations of the compressed bytes (a flipped bit in a header field, a cut stream,
     * inserted bytes) or of the CNF before compressing it. Where the JDK's gzip / the xz library
     * decode the data, count must agree with the reference reading of what they decode; where they
     * refuse it, count must be exit 2. And with --counter logicng, the cross-check counter, on a quarter.
     */
    @Test
    void compressedCnfsAndTheLogicNgCounter() {
        long[] seeds = seeds(8_000_000, COMPRESSED_MUTANTS);
        for (long seed : seeds) {
            Random rnd = new Random(seed);
            boolean xz = rnd.nextBoolean();
            byte[] plain = cnfBase(rnd, 8).getBytes(StandardCharsets.ISO_8859_1);
            if (rnd.nextBoolean()) plain = mutate(plain, rnd, FuzzOtherInputsTest::cnfStructural);
            byte[] m = compress(plain, xz);
            if (rnd.nextInt(4) > 0) {
                int n = 1 + rnd.nextInt(2);
                for (int k = 0; k < n; k++) m = byteMutation(m, rnd);
            }
            Path f = write("z" + seed + ".cnf" + (xz ? ".xz" : ".gz"), m);
            boolean logicng = seed % 4 == 0;
            CliRun r = logicng ? CliRun.of("count", f.toString(), "--timeout", "2", "--counter", "logicng")
                    : CliRun.of("count", f.toString(), "--timeout", "2");
            if (!contract(seed, m, r, Set.of(0, 2))) continue;
            byte[] decoded = decompress(m, xz);
            // a stream the decoder refuses may still start like one of another kind (e.g. a cut gzip header): then only the contract
            if (decoded == null) {
                if (r.exit() != 2 && (m.length > 2 && ((m[0] & 0xFF) == 0x1F || (m[0] & 0xFF) == 0xFD))) failure(seed, m, r, "the decoder refuses the data, but exit " + r.exit());
                continue;
            }
            CnfRef ref = referenceCnf(decoded).forCount();
            if (ref.verdict() == Verdict.INVALID && r.exit() != 2) failure(seed, m, r, "reference: malformed (" + ref.why() + ")");
            if (ref.verdict() == Verdict.VALID && r.exit() != 0) failure(seed, m, r, "reference: valid after decompression");
            if (ref.verdict() == Verdict.VALID && r.exit() == 0 && ref.variables() <= 12) {
                Matcher cm = COUNT_LINE.matcher(r.out());
                BigInteger expected = bruteForceCount(ref.variables(), ref.clauses());
                if (!cm.find() || !new BigInteger(cm.group(1)).equals(expected)) failure(seed, m, r, "brute force count " + expected);
            }
        }
        assertNoFailures(seeds.length);
    }

    @Test
    void threeSatReluReduceAndCheck() {
        long[] seeds = seeds(2_000_000, RELU_MUTANTS);
        for (long seed : seeds) {
            Random rnd = new Random(seed);
            String base = cnfBase(rnd, 6);
            boolean wide = rnd.nextInt(12) == 0; // one past the reader's 10^6 inputs (the network has a bias input)
            if (wide) base = base.replaceFirst("(?m)^p cnf \\d+", "p cnf 1000000");
            byte[] m = mutate(base.getBytes(StandardCharsets.ISO_8859_1), rnd, FuzzOtherInputsTest::cnfStructural);
            Path f = write("r" + seed + ".cnf", m);
            Path out = dir.resolve("r" + seed + ".json");
            CnfRef ref = referenceCnf(m);
            CliRun reduce = CliRun.of("reduce", "3sat-relu", f.toString(), "-o", out.toString());
            if (contract(seed, m, reduce, Set.of(0, 2))) {
                if (reduce.exit() == 2 && Files.exists(out)) failure(seed, m, reduce, "exit 2 but the output was written");
                if (reduce.exit() == 0 && !Files.isRegularFile(out)) failure(seed, m, reduce, "exit 0 without output");
                if (ref.verdict() == Verdict.INVALID && reduce.exit() != 2) failure(seed, m, reduce, "reference: malformed (" + ref.why() + ")");
                if (ref.verdict() == Verdict.VALID && reduce.exit() == 2 && !reduce.err().contains("(ermbit/1 caps)")) failure(seed, m, reduce, "reference: valid");
                // what reduce writes, ermbit reads
                if (reduce.exit() == 0) {
                    CliRun info = CliRun.of("info", out.toString());
                    if (info.exit() != 0) failure(seed, m, info, "ermbit info refuses the reduced instance");
                }
            }
            try {
                Files.deleteIfExists(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (seed % 3 == 0 && !wide) { // check solves twice: a third of the mutants keeps the test short
                CliRun check = CliRun.of("check", "3sat-relu", f.toString(), "--timeout", "2");
                if (contract(seed, m, check, Set.of(0, 1, 2))) {
                    if (ref.verdict() == Verdict.INVALID && check.exit() != 2) failure(seed, m, check, "reference: malformed (" + ref.why() + ")");
                    if (check.exit() == 0 && ref.verdict() == Verdict.VALID && ref.variables() <= 12) {
                        boolean sat = bruteForceCount(ref.variables(), ref.clauses()).signum() > 0;
                        if (!check.out().contains("source=" + (sat ? "SAT" : "UNSAT") + " ")) failure(seed, m, check, "brute force says " + (sat ? "SAT" : "UNSAT"));
                    }
                }
            }
        }
        assertNoFailures(seeds.length);
    }

    @Test
    void sharp3SatGradBitReduceAndCheck() {
        long[] seeds = seeds(3_000_000, GRADBIT_MUTANTS);
        for (long seed : seeds) {
            Random rnd = new Random(seed);
            // tiny formulas only: the reduced instance grows like 3^vars·7^clauses
            String base = rnd.nextBoolean() ? CNF_BASES[rnd.nextInt(3) == 0 ? 2 : 0] : "p cnf 3 2\n1 -2 3 0\n-1 2 0\n";
            byte[] m = mutate(base.getBytes(StandardCharsets.ISO_8859_1), rnd, FuzzOtherInputsTest::cnfStructural);
            Path f = write("g" + seed + ".cnf", m);
            Path out = dir.resolve("g" + seed + ".json");
            CnfRef ref = referenceCnf(m).forCount();
            // refused at once from the formula alone when it has 1000 digits or more
            boolean small = ref.verdict() != Verdict.VALID || (ref.variables() <= 6 && ref.clauses().size() <= 4) || ref.variables() >= 1000;
            if (small) { // a middle-sized valid formula is a valid reduction, but slow to build: not this test's business
                CliRun reduce = CliRun.of("reduce", "sharp3sat-gradbit", f.toString(), "-o", out.toString());
                if (contract(seed, m, reduce, Set.of(0, 2))) {
                    if (reduce.exit() == 2 && Files.exists(out)) failure(seed, m, reduce, "exit 2 but the output was written");
                    if (ref.verdict() == Verdict.INVALID && reduce.exit() != 2) failure(seed, m, reduce, "reference: malformed (" + ref.why() + ")");
                    if (reduce.exit() == 0 && CliRun.of("info", out.toString()).exit() != 0) failure(seed, m, reduce, "ermbit info refuses the reduced instance");
                }
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            CliRun check = CliRun.of("check", "sharp3sat-gradbit", f.toString(), "--timeout", "2", "--max-bits", "20000");
            if (contract(seed, m, check, Set.of(0, 1, 2))) {
                if (ref.verdict() == Verdict.INVALID && check.exit() != 2) failure(seed, m, check, "reference: malformed (" + ref.why() + ")");
                if (ref.verdict() == Verdict.VALID && check.exit() == 2) failure(seed, m, check, "reference: valid");
                if (ref.verdict() == Verdict.VALID && check.exit() != 2 && ref.variables() <= 12) {
                    BigInteger n = bruteForceCount(ref.variables(), ref.clauses());
                    if (!check.out().contains(" source=" + n + " ")) failure(seed, m, check, "brute force count " + n);
                }
            }
        }
        assertNoFailures(seeds.length);
    }

    // ------------------------------------------------------------------------------------------------
    // assignment files (reduce 3sat-relu --assignment A --witness-out W)

    static final String ASSIGN_CNF = "p cnf 4 3\n1 -2 0\n2 3 -4 0\n-1 4 0\n";
    static final String[] ASSIGN_BASES = {
        "c solver output\ns SATISFIABLE\nv 1 2 -3 4 0\n",
        "v 1 2\nv -3 4 0\n",
        "s SATISFIABLE\r\nv -1 -2 3 -4 0\r\n",
        "v 1 2 3 4 0\n",
    };

    static String assignmentStructural(String text, Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> replaceNumber(text, rnd, old -> numberVariant(old, rnd));
            case 2 -> insertLine(text, rnd, new String[] {"", "c x", "s UNSATISFIABLE", "v", "v 0", "x 1 0", "V 1 2 3 4 0", "v 1", "v\t-0"}[rnd.nextInt(9)]);
            case 3 -> text.replaceFirst(" 0", "");
            case 4 -> replaceSpace(text, rnd, "\t");
            default -> text.replaceFirst("v ", rnd.nextBoolean() ? "v" : "v  +");
        };
    }

    /**
     * Reference for the SAT-competition solution format (docs/CLI.md, reduce 3sat-relu): {@code c} and
     * {@code s} lines ignored, {@code v} lines of DIMACS literals ended by 0, every variable exactly
     * once; like the DIMACS reader, a literal is an optional '-' and digits ({@code +1} is not DIMACS
     * and {@code -0} is not the terminating 0), and a UTF-8 byte-order mark is not content.
     * Returns null when malformed, the assignment otherwise; throws {@code IllegalStateException} when unsure.
     */
    static boolean[] referenceAssignment(byte[] bytes, int vars) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) text = text.substring(3);
        boolean[] val = new boolean[vars + 1];
        boolean[] seen = new boolean[vars + 1];
        boolean ended = false;
        for (String raw : text.split("\r\n|\n|\r", -1)) {
            String line = trimBlanks(raw);
            if (line.isEmpty() || line.startsWith("c") || line.startsWith("s")) continue;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch != '\t' && (ch < 0x20 || ch > 0x7E)) throw new IllegalStateException("unusual character");
            }
            if (!line.startsWith("v")) return null;
            for (String tok : line.substring(1).split("[ \t]+")) {
                if (tok.isEmpty()) continue;
                if (ended) return null;
                if (!tok.matches("-?[0-9]+")) return null;
                BigInteger lit = new BigInteger(tok);
                if (lit.signum() == 0) {
                    if (tok.startsWith("-")) return null;
                    ended = true;
                    continue;
                }
                if (lit.abs().compareTo(BigInteger.valueOf(vars)) > 0) return null;
                int v = lit.abs().intValueExact();
                if (seen[v]) return null;
                seen[v] = true;
                val[v] = lit.signum() > 0;
            }
        }
        for (int v = 1; v <= vars; v++) if (!seen[v]) return null;
        return val;
    }

    @Test
    void assignmentFiles() {
        long[] seeds = seeds(4_000_000, ASSIGNMENT_MUTANTS);
        Path cnf = write("assign.cnf", ASSIGN_CNF.getBytes(StandardCharsets.US_ASCII));
        List<int[]> clauses = List.of(new int[] {1, -2}, new int[] {2, 3, -4}, new int[] {-1, 4});
        for (long seed : seeds) {
            Random rnd = new Random(seed);
            byte[] m = mutate(ASSIGN_BASES[rnd.nextInt(ASSIGN_BASES.length)].getBytes(StandardCharsets.ISO_8859_1), rnd,
                    FuzzOtherInputsTest::assignmentStructural);
            Path a = write("a" + seed + ".txt", m);
            Path out = dir.resolve("a" + seed + ".json");
            Path w = dir.resolve("a" + seed + "-w.json");
            CliRun r = CliRun.of("reduce", "3sat-relu", cnf.toString(), "-o", out.toString(), "--assignment", a.toString(), "--witness-out", w.toString());
            if (!contract(seed, m, r, Set.of(0, 2))) continue;
            if (r.exit() == 2 && (Files.exists(out) || Files.exists(w))) failure(seed, m, r, "exit 2 but an output was written");
            boolean[] ref;
            try {
                ref = referenceAssignment(m, 4);
            } catch (IllegalStateException unsure) {
                continue;
            }
            boolean satisfies = ref != null && clauses.stream().allMatch(c -> Arrays.stream(c).anyMatch(l -> ref[Math.abs(l)] == l > 0));
            if (ref == null && r.exit() != 2) failure(seed, m, r, "reference: malformed assignment, but exit " + r.exit());
            if (ref != null && satisfies && r.exit() != 0) failure(seed, m, r, "reference: a satisfying assignment, but exit " + r.exit());
            if (ref != null && !satisfies && (r.exit() != 2 || !r.err().contains("falsifies"))) failure(seed, m, r, "reference: falsifies a clause");
        }
        assertNoFailures(seeds.length);
    }

    // ------------------------------------------------------------------------------------------------
    // straight-line programs

    static final String[] SLP_BASES = {
        "# 2^(2^2) - 2 = 14\n1 = 0 + 0      # v1 = 2\n2 = v1 * v1    # v2 = 4\n3 = 2 * 2      # v3 = 16\n4 = 3 - 1      # v4 = 14, the value\n",
        "1 = 0 - 0\n2 = 1 - 0\n", // -1
        "1=0+0\n2=1*1\n3=2-0\n4=3-2\n", // -1
        "1 = 0 - 0\n", // 0
        "# the empty program: value 1\n",
        "1 = v0 + V0\r\n2 = v1 * v1\r\n3 = v2 - v1\r\n", // 2
        "1 = 0 + 0\n2 = 1 * 1\n3 = 2 * 2\n4 = 3 * 3\n5 = 4 * 4\n6 = 5 * 5\n7 = 6 * 6\n8 = 7 * 7\n9 = 8 - 0\n", // 2^128 - 1
        "\n\n1 = 0 + 0\n\n2 = 1 + 1\n3 = 2 * 2 # 16\n",
    };

    static String slpStructural(String text, Random rnd) {
        switch (rnd.nextInt(9)) {
            case 0: case 1:
                return replaceNumber(text, rnd, old -> numberVariant(old, rnd));
            case 2: { // another operator
                Matcher m = Pattern.compile("[-+*]").matcher(text);
                List<Integer> at = new ArrayList<>();
                while (m.find()) at.add(m.start());
                if (at.isEmpty()) return text;
                int i = at.get(rnd.nextInt(at.size()));
                String[] ops = {"/", "^", "%", "+", "-", "*", "\u00D7", "**", "", " ", "=", "x"};
                return text.substring(0, i) + ops[rnd.nextInt(ops.length)] + text.substring(i + 1);
            }
            case 3:
                return text.replaceFirst("=", rnd.nextBoolean() ? "" : "==");
            case 4:
                return insertLine(text, rnd, new String[] {"", "#", "# x = 1 + 2", "1 = 0 + 0", "v1 = v0 + v0", "k = 0 + 0", "= 0 + 0",
                    "1 = 0 +", "1 = + 0", "1 = 0 + 0 + 0", "1 = -0 + 0", "1 = 0 - -0", "1 = 0 0", "   \t", "1 = 0 + 0 extra"}[rnd.nextInt(15)]);
            case 5: { // more instructions: squarings (huge values) or sums
                int n = slpLength(text);
                StringBuilder sb = new StringBuilder(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
                int extra = rnd.nextInt(8) == 0 ? 990 + rnd.nextInt(120) : 1 + rnd.nextInt(60); // around the 1000-layer cap
                boolean square = rnd.nextBoolean();
                for (int k = n + 1; k <= n + extra; k++) {
                    sb.append(k).append(" = ").append(k - 1).append(square ? " * " : " + ").append(rnd.nextInt(k)).append('\n');
                }
                return sb.toString();
            }
            case 6:
                return replaceSpace(text, rnd, rnd.nextBoolean() ? "\t" : "");
            case 7:
                return rnd.nextBoolean() ? text.replaceFirst(" = ", " = v") : text.replaceFirst("\\b(\\d)", "v $1");
            default:
                return insertLine(text, rnd, "# " + "y".repeat(70_000));
        }
    }

    /** Number of instructions, by the reference below (0 when it is malformed). */
    static int slpLength(String text) {
        SlpRef r = referenceSlp(text.getBytes(StandardCharsets.ISO_8859_1));
        return r.verdict() == Verdict.VALID ? r.program().size() : 0;
    }

    record SlpRef(Verdict verdict, List<int[]> program, String why) {
    }

    static final Pattern SLP_LINE = Pattern.compile("[vV]?([0-9]+)[ \t]*=[ \t]*(-?)[vV]?([0-9]+)[ \t]*([-+*])[ \t]*[vV]?([0-9]+)");

    /**
     * Reference reading of docs/FORMAT.md "Straight-line programs": {@code #} comments and blank lines
     * ignored; {@code k = i OP j} with indices decimal, optionally prefixed v, at most 9 digits;
     * numbered 1, 2, 3 … in order; operands earlier variables; LF / CRLF / CR line ends; and, as for
     * every other UTF-8 text input of ermbit, a leading byte-order mark is not content.
     * Each instruction is {op, i, j} with op 0 = '+', 1 = '-', 2 = '*'.
     */
    static SlpRef referenceSlp(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<int[]> prog = new ArrayList<>();
        for (String raw : text.split("\r\n|\n|\r", -1)) {
            int hash = raw.indexOf('#');
            String line = trimBlanks(hash >= 0 ? raw.substring(0, hash) : raw);
            if (line.isEmpty()) continue;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch != '\t' && (ch < 0x20 || ch > 0x7E)) return new SlpRef(Verdict.UNSURE, null, "unusual character");
            }
            Matcher m = SLP_LINE.matcher(line);
            if (!m.matches()) return new SlpRef(Verdict.INVALID, null, "not k = i OP j");
            if (!m.group(2).isEmpty()) return new SlpRef(Verdict.INVALID, null, "negative index");
            if (m.group(1).length() > 9 || m.group(3).length() > 9 || m.group(5).length() > 9) return new SlpRef(Verdict.INVALID, null, "more than 9 digits");
            int k = Integer.parseInt(m.group(1));
            int i = Integer.parseInt(m.group(3));
            int j = Integer.parseInt(m.group(5));
            if (k != prog.size() + 1) return new SlpRef(Verdict.INVALID, null, "numbering");
            if (i >= k || j >= k) return new SlpRef(Verdict.INVALID, null, "forward reference");
            prog.add(new int[] {"+-*".indexOf(m.group(4)), i, j});
        }
        return new SlpRef(Verdict.VALID, prog, "");
    }

    /** The exact value, or null when some intermediate value exceeds {@code maxBits} bits. */
    static BigInteger slpValue(List<int[]> prog, int maxBits) {
        BigInteger[] v = new BigInteger[prog.size() + 1];
        v[0] = BigInteger.ONE;
        for (int k = 1; k <= prog.size(); k++) {
            int[] ins = prog.get(k - 1);
            BigInteger a = v[ins[1]];
            BigInteger b = v[ins[2]];
            if (ins[0] == 2 && (long) a.bitLength() + b.bitLength() > maxBits) return null;
            v[k] = ins[0] == 0 ? a.add(b) : ins[0] == 1 ? a.subtract(b) : a.multiply(b);
        }
        return v[prog.size()];
    }

    static final Pattern SLP_SOURCE = Pattern.compile(" source=(\\w+) ");

    @Test
    void straightLinePrograms() {
        long[] seeds = seeds(5_000_000, SLP_MUTANTS);
        for (long seed : seeds) {
            Random rnd = new Random(seed);
            byte[] base = SLP_BASES[rnd.nextInt(SLP_BASES.length)].getBytes(StandardCharsets.UTF_8);
            byte[] m = mutate(base, rnd, FuzzOtherInputsTest::slpStructural);
            Path f = write("p" + seed + ".slp", m);
            SlpRef ref = referenceSlp(m);
            CliRun check = CliRun.of("check", "posslp-gradsign", f.toString());
            if (contract(seed, m, check, Set.of(0, 1, 2))) {
                if (check.exit() == 2 && !check.err().contains(f.toString())) failure(seed, m, check, "the error line does not name the file");
                if (ref.verdict() == Verdict.INVALID && check.exit() != 2) failure(seed, m, check, "reference: malformed (" + ref.why() + ")");
                if (ref.verdict() == Verdict.VALID) {
                    BigInteger value = slpValue(ref.program(), 100_000);
                    if (check.exit() == 2) {
                        failure(seed, m, check, "reference: a valid program");
                    } else if (value != null) {
                        String sign = value.signum() > 0 ? "positive" : value.signum() < 0 ? "negative" : "zero";
                        Matcher sm = SLP_SOURCE.matcher(check.out());
                        if (!sm.find() || !sm.group(1).equals(sign)) failure(seed, m, check, "the value's sign is " + sign);
                        if (check.exit() == 0 && !check.out().contains(" target=" + sign + " ")) failure(seed, m, check, "target sign should be " + sign);
                    }
                }
            }
            if (seed % 2 == 0) {
                Path out = dir.resolve("p" + seed + ".json");
                CliRun reduce = CliRun.of("reduce", "posslp-gradsign", f.toString(), "-o", out.toString());
                if (contract(seed, m, reduce, Set.of(0, 2))) {
                    if (reduce.exit() == 2 && Files.exists(out)) failure(seed, m, reduce, "exit 2 but the output was written");
                    if (ref.verdict() == Verdict.INVALID && reduce.exit() != 2) failure(seed, m, reduce, "reference: malformed (" + ref.why() + ")");
                    if (reduce.exit() == 0 && CliRun.of("info", out.toString()).exit() != 0) failure(seed, m, reduce, "ermbit info refuses the reduced instance");
                    // a valid program may only be refused for the size of its reduced instance (docs/CLI.md, reduce)
                    if (ref.verdict() == Verdict.VALID && reduce.exit() != 0 && !reduce.err().contains("(ermbit/1 caps)")) {
                        failure(seed, m, reduce, "reference: a valid program");
                    }
                }
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertNoFailures(seeds.length);
    }

    // ------------------------------------------------------------------------------------------------
    // bench: results CSVs (--merge, and the CSV a bench run resumes) and MANIFESTs

    static final String CSV_HEADER = "solver,instance,family,mode,expected,status,loss,time_ms,exit_code,wrong,timeout_ms,memory_mb,reason";
    static final String CSV_ROWS = "default,a.cnf,counting,count,count=3,SAT,3,12,0,,1000,64,\n"
            + "sat4j,b.json,3sat,solve,sat,SAT,0,40,0,,1000,64,ok\n"
            + "sat4j,c.json,examples,optimize,optimum=5/36,OPTIMUM,5/36,55,0,,1000,64,\"reason, with \"\"quotes\"\"\"\n";
    static final String CSV_ROWS_B = "z3,b.json,3sat,solve,sat,UNSAT,,41,0,WRONG,1000,64,said unsat\n"
            + "sat4j,b.json,3sat,solve,sat,TIMEOUT,,2000,-1,,1000,64,killed\n";

    static String csvStructural(String text, Random rnd) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int li = 1 + rnd.nextInt(Math.max(1, lines.size() - 1));
        if (li >= lines.size()) return text;
        String line = lines.get(li);
        List<String> cells = new ArrayList<>(splitCsvLine(line));
        switch (rnd.nextInt(8)) {
            case 0: case 1: { // one cell
                int c = rnd.nextInt(cells.size());
                String[] vals = {"", "-5", "99999999999999999999", "1e99999", "1/0", "0/0", "abc", "SAT", "WRONG", "count=-1", "count=1/2",
                    "optimum=", "optimum=1/0", "optimum=1e9999999", "solve", "COUNT", "\"", "a\"b", "x,y", "  7", "+7", "1.5", "-0",
                    "2147483648", "-2147483649", "9223372036854775807", "unknown"};
                cells.set(c, rnd.nextBoolean() ? vals[rnd.nextInt(vals.length)] : numberVariant(cells.get(c), rnd));
                break;
            }
            case 2:
                cells.add("extra");
                break;
            case 3:
                if (!cells.isEmpty()) cells.remove(rnd.nextInt(cells.size()));
                break;
            case 4:
                lines.add(li, "");
                return String.join("\n", lines);
            case 5:
                if (rnd.nextBoolean()) return text.replace("\n", "\r\n");
                // a run killed while writing its row, after a row with a byte that is not UTF-8
                return text.replace(",ok\n", ",o\u00FFk\n") + "sat4j,d.json,3sat,solve,sat,SA".substring(0, 1 + rnd.nextInt(28));
            case 6:
                lines.set(0, lines.get(0).replace("reason", rnd.nextBoolean() ? "Reason" : "reason,extra"));
                return String.join("\n", lines);
            default:
                lines.add(li, line + "x".repeat(70_000));
                return String.join("\n", lines);
        }
        lines.set(li, String.join(",", cells.stream().map(s -> s.contains(",") ? "\"" + s.replace("\"", "\"\"") + "\"" : s).toList()));
        return String.join("\n", lines);
    }

    /** RFC 4180 split of one line (a test copy, so the mutator does not depend on the code under test). */
    static List<String> splitCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * Reference reading of a results CSV (docs/CLI.md "ermbit bench", CSV and Resume): the header line
     * (a leading byte-order mark and a CR of CRLF aside), then rows of 13 RFC 4180 fields — mode
     * solve / optimize / count, expected sat / unsat / unknown / optimum=p/q / count=N, a known status,
     * loss empty or a number, time_ms / timeout_ms / memory_mb non-negative integers, exit_code an
     * integer, wrong empty or WRONG; blank lines skipped. {@code forMerge}: the last line after the
     * final newline is the cut-off line of a killed run and is skipped (--merge); otherwise (bench
     * resuming) it is cut off, and a file without any newline must be a prefix of the header.
     */
    static Verdict referenceResultCsv(byte[] bytes, boolean forMerge) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> lines;
        if (forMerge) {
            lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            if (lines.size() > 1) lines.remove(lines.size() - 1); // the header line is never the cut-off one
        } else {
            int complete = text.lastIndexOf('\n') + 1;
            if (complete == 0) return CSV_HEADER.startsWith(text) ? Verdict.VALID : Verdict.INVALID;
            lines = Arrays.asList(text.substring(0, complete).split("\n", -1));
            lines = lines.subList(0, lines.size() - 1);
        }
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if ((ch < 0x20 || ch > 0x7E) && !(ch == '\r' && i == line.length() - 1)) return Verdict.UNSURE;
            }
        }
        if (!trimBlanks(lines.get(0).replace("\r", "")).equals(CSV_HEADER)) return Verdict.INVALID;
        for (String raw : lines.subList(1, lines.size())) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (raw.isEmpty()) continue;
            List<String> f = new ArrayList<>();
            // strict RFC 4180: a field is unquoted without quotes, or quoted with inner quotes doubled
            // (possessive: a 70,000-character field must not recurse once per character)
            Matcher m = Pattern.compile("(?:\"((?:[^\"]++|\"\")*+)\"|([^\",]*+))(,|$)").matcher(line);
            int at = 0;
            while (at <= line.length() && m.region(at, line.length()).lookingAt()) {
                f.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
                if (m.group(3).isEmpty()) {
                    at = line.length() + 1;
                    break;
                }
                at = m.end();
            }
            if (at != line.length() + 1) return Verdict.UNSURE; // not strict RFC 4180 quoting: the docs do not say
            if (f.size() != 13) return Verdict.INVALID;
            if (!Set.of("solve", "optimize", "count").contains(f.get(3))) return Verdict.INVALID;
            String e = f.get(4);
            boolean expectedOk = Set.of("sat", "unsat", "unknown").contains(e) || e.matches("count=[0-9]+") || e.matches("optimum=-?[0-9]+(/0*[1-9][0-9]*)?");
            if (!expectedOk) return e.startsWith("optimum=") ? Verdict.UNSURE : Verdict.INVALID;
            if (!Set.of("SAT", "UNSAT", "OPTIMUM", "FEASIBLE", "UNKNOWN", "TIMEOUT", "MEMOUT", "ERROR", "UNAVAILABLE").contains(f.get(5))) return Verdict.INVALID;
            String loss = f.get(6);
            if (!loss.isEmpty() && !loss.matches("-?[0-9]+(/0*[1-9][0-9]*)?")) return Verdict.UNSURE;
            for (int c : new int[] {7, 10, 11}) if (!f.get(c).matches("[0-9]{1,18}")) return Verdict.INVALID;
            if (!f.get(8).matches("-?[0-9]{1,9}")) return Verdict.INVALID;
            if (!f.get(9).isEmpty() && !f.get(9).equals("WRONG")) return Verdict.INVALID;
        }
        return Verdict.VALID;
    }

    @Test
    void benchMerge() throws IOException {
        long[] seeds = seeds(6_000_000, MERGE_MUTANTS);
        Path b = write("b.csv", (CSV_HEADER + "\n" + CSV_ROWS_B).getBytes(StandardCharsets.UTF_8));
        for (long seed : seeds) {
            Random rnd = new Random(seed);
            byte[] m = mutate((CSV_HEADER + "\n" + CSV_ROWS).getBytes(StandardCharsets.UTF_8), rnd, FuzzOtherInputsTest::csvStructural);
            Path a = write("a" + seed + ".csv", m);
            Path out = dir.resolve("merged" + seed + ".csv");
            CliRun r = CliRun.of("bench", "--merge", a.toString(), b.toString(), "-o", out.toString());
            if (!contract(seed, m, r, Set.of(0, 2))) continue;
            if (r.exit() == 2 && Files.exists(out)) failure(seed, m, r, "exit 2 but the output was written");
            if (r.exit() == 2 && !r.err().contains(a.toString())) failure(seed, m, r, "the error line does not name the mutated CSV");
            Verdict ref = referenceResultCsv(m, true);
            if (ref == Verdict.VALID && r.exit() != 0) failure(seed, m, r, "reference: a valid results CSV");
            if (ref == Verdict.INVALID && r.exit() != 2) failure(seed, m, r, "reference: a malformed results CSV");
            if (r.exit() == 0) {
                // what merge writes, merge reads back: merging the output alone reproduces it byte for byte
                Path again = dir.resolve("again" + seed + ".csv");
                CliRun r2 = CliRun.of("bench", "--merge", out.toString(), "-o", again.toString());
                if (r2.exit() != 0) failure(seed, m, r2, "the merged CSV is not readable by --merge");
                else if (!Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(again))) failure(seed, m, r2, "merging the merged CSV changes it");
                Files.deleteIfExists(again);
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(a);
        }
        assertNoFailures(seeds.length);
    }

    static final String MANIFEST = "# ermbit benchmark MANIFEST: PATH FAMILY MODE EXPECTED SOURCE\n"
            + "a.cnf counting count count=3 ganak\n"
            + "b.json 3sat solve sat cnf-enumeration\n"
            + "c.json examples optimize optimum=5/36 brute\n";

    static String manifestStructural(String text, Random rnd) {
        switch (rnd.nextInt(7)) {
            case 0: case 1: { // one field
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int li = 1 + rnd.nextInt(Math.max(1, lines.size() - 1));
                if (li >= lines.size()) return text;
                List<String> f = new ArrayList<>(Arrays.asList(lines.get(li).split(" ", -1)));
                String[] vals = {"", "count=-1", "count=1.5", "count=99999999999999999999", "optimum=1/0", "optimum=1e999999", "optimum=abc",
                    "SAT", "unsat", "unknown", "count", "solve", "optimise", "../b.json", "/etc/passwd", "a.cnf", "b.json", "x y", "-", "#"};
                f.set(rnd.nextInt(f.size()), vals[rnd.nextInt(vals.length)]);
                lines.set(li, String.join(" ", f));
                return String.join("\n", lines);
            }
            case 2:
                return insertLine(text, rnd, new String[] {"", "#", "   # indented comment", "a.cnf counting count count=3", "d.cnf x count count=0 y z",
                    "b.json 3sat solve sat cnf-enumeration", "\t"}[rnd.nextInt(7)]);
            case 3:
                return replaceSpace(text, rnd, rnd.nextBoolean() ? "\t" : "");
            case 4:
                return text.replace("\n", "\r\n");
            case 5:
                return replaceNumber(text, rnd, old -> numberVariant(old, rnd));
            default:
                return insertLine(text, rnd, "#" + "z".repeat(70_000));
        }
    }

    /**
     * Reference reading of the MANIFEST format (docs/BENCHMARKS.md, docs/CLI.md bench): '#' comment
     * lines and blank lines ignored; otherwise five whitespace-separated fields PATH FAMILY MODE
     * EXPECTED SOURCE with MODE solve / optimize / count and EXPECTED sat / unsat / unknown /
     * optimum=p/q / count=N; a path at most once; a leading byte-order mark is not content. Returns
     * the paths listed, null when malformed; throws IllegalStateException when unsure.
     */
    static Set<String> referenceManifest(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Set<String> paths = new HashSet<>();
        for (String raw : text.split("\r\n|\n|\r", -1)) {
            String line = trimBlanks(raw);
            if (line.isEmpty() || line.startsWith("#")) continue;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch != '\t' && (ch < 0x20 || ch > 0x7E)) throw new IllegalStateException("unusual character");
            }
            String[] f = line.split("[ \t]+");
            if (f.length != 5) return null;
            if (!Set.of("solve", "optimize", "count").contains(f[2])) return null;
            String e = f[3];
            boolean ok = Set.of("sat", "unsat", "unknown").contains(e) || e.matches("count=[0-9]+") || e.matches("optimum=-?[0-9]+(/[0-9]*[1-9][0-9]*)?");
            if (!ok && e.startsWith("optimum=")) throw new IllegalStateException("unusual optimum");
            if (!ok) return null;
            boolean fits = e.equals("unknown") || switch (f[2]) {
                case "solve" -> e.equals("sat") || e.equals("unsat");
                case "optimize" -> e.startsWith("optimum=");
                default -> e.startsWith("count=");
            };
            if (!fits) return null;
            if (!paths.add(f[0])) return null;
        }
        return paths;
    }

    @Test
    void benchManifestAndResumedCsv() throws IOException {
        long[] seeds = seeds(7_000_000, MANIFEST_MUTANTS + BENCH_CSV_MUTANTS);
        Path suite = Files.createDirectories(dir.resolve("suite"));
        for (String f : new String[] {"a.cnf", "b.json", "c.json"}) Files.write(suite.resolve(f), new byte[0]);
        for (long seed : seeds) {
            Random rnd = new Random(seed);
            boolean mutateManifest = (seed - 7_000_000) % (MANIFEST_MUTANTS + BENCH_CSV_MUTANTS) < MANIFEST_MUTANTS;
            byte[] manifest = MANIFEST.getBytes(StandardCharsets.UTF_8);
            byte[] csv = (CSV_HEADER + "\n" + CSV_ROWS).getBytes(StandardCharsets.UTF_8);
            if (mutateManifest) manifest = mutate(manifest, rnd, FuzzOtherInputsTest::manifestStructural);
            else csv = mutate(csv, rnd, FuzzOtherInputsTest::csvStructural);
            byte[] m = mutateManifest ? manifest : csv;
            Files.write(suite.resolve("MANIFEST"), manifest);
            Path results = write("results" + seed + ".csv", csv);
            // shard 1000/1000 of at most a few tasks: nothing runs, the tables are made from the CSV
            CliRun r = CliRun.of("bench", suite.toString(), "--solvers", "default,sat4j", "--timeout", "1", "--memory", "64",
                    "--csv", results.toString(), "--shard", "1000/1000", "--no-plot");
            if (!contract(seed, m, r, Set.of(0, 2, 4))) continue;
            if (mutateManifest) {
                Set<String> paths;
                try {
                    paths = referenceManifest(manifest);
                } catch (IllegalStateException unsure) {
                    continue;
                }
                if (paths == null && r.exit() != 2) failure(seed, m, r, "reference: malformed MANIFEST, but exit " + r.exit());
                // a valid MANIFEST may still list a file that is not there, or disagree with the CSV's rows
                if (paths != null && r.exit() == 2 && !r.err().contains("instance file not found") && !r.err().contains(results.toString())
                        && !(paths.isEmpty() && r.err().contains("no instances"))) {
                    failure(seed, m, r, "reference: a valid MANIFEST");
                }
                if (r.exit() == 2 && !r.err().contains("MANIFEST") && !r.err().contains(results.toString())) failure(seed, m, r, "the error names neither file");
            } else {
                if (r.exit() == 2 && !r.err().contains(results.toString())) failure(seed, m, r, "the error line does not name the CSV");
                Verdict ref = referenceResultCsv(csv, false);
                if (ref == Verdict.INVALID && r.exit() != 2) failure(seed, m, r, "reference: a malformed results CSV");
                // a valid CSV may still hold rows judged against other answers or limits than this run's
                if (ref == Verdict.VALID && r.exit() == 2 && !r.err().contains(" was judged against ") && !r.err().contains(" was run with a ")
                        && !r.err().contains(": the CSV was edited; ")) {
                    failure(seed, m, r, "reference: a valid results CSV");
                }
                // a refused CSV is left as it was; an accepted one loses exactly the bytes after its last newline
                int complete = 0;
                for (int i = 0; i < csv.length; i++) if (csv[i] == '\n') complete = i + 1;
                byte[] expected = r.exit() == 2 ? csv : Arrays.copyOf(csv, complete);
                if (!Arrays.equals(expected, Files.readAllBytes(results))) {
                    failure(seed, m, r, r.exit() == 2 ? "a refused CSV was changed" : "the repair did not cut exactly at the last newline");
                }
            }
            Files.deleteIfExists(results);
            Files.deleteIfExists(dir.resolve("results" + seed + ".csv.md"));
        }
        assertNoFailures(seeds.length);
    }

    /**
     * {@code generate} adds its instance's line to an existing MANIFEST: a malformed one is refused
     * (exit 2) before anything is written; a valid one keeps every path it lists, plus the new one.
     */
    @Test
    void generateIntoASuiteWithAMutatedManifest() throws IOException {
        long[] seeds = seeds(9_000_000, GENERATE_MUTANTS);
        for (long seed : seeds) {
            Random rnd = new Random(seed);
            byte[] manifest = mutate(MANIFEST.getBytes(StandardCharsets.UTF_8), rnd, FuzzOtherInputsTest::manifestStructural);
            Path suite = Files.createDirectories(dir.resolve("gen" + seed));
            Files.write(suite.resolve("MANIFEST"), manifest);
            CliRun r = CliRun.of("generate", "3sat", "--vars", "3", "--clauses", "2", "-o", suite.toString());
            if (!contract(seed, manifest, r, Set.of(0, 2))) continue;
            Path instance = suite.resolve("3sat/3sat-relu-v3-c2-s1.json");
            byte[] after = Files.readAllBytes(suite.resolve("MANIFEST"));
            if (r.exit() == 2) {
                if (Files.exists(instance)) failure(seed, manifest, r, "exit 2 but the instance was written");
                if (!Arrays.equals(manifest, after)) failure(seed, manifest, r, "exit 2 but the MANIFEST was changed");
            }
            Set<String> paths;
            try {
                paths = referenceManifest(manifest);
            } catch (IllegalStateException unsure) {
                continue;
            }
            if (paths == null && r.exit() != 2) failure(seed, manifest, r, "reference: malformed MANIFEST, but exit " + r.exit());
            if (paths != null) {
                if (r.exit() != 0) {
                    failure(seed, manifest, r, "reference: a valid MANIFEST");
                    continue;
                }
                Set<String> now = referenceManifest(after);
                Set<String> expected = new HashSet<>(paths);
                expected.add("3sat/3sat-relu-v3-c2-s1.json");
                if (!expected.equals(now)) failure(seed, manifest, r, "the MANIFEST now lists " + now + ", expected " + expected);
            }
        }
        assertNoFailures(seeds.length);
    }

    @Test
    void seedsReplay() {
        // the same seed gives the same mutant: the failure messages are reproducible
        for (long seed = 0; seed < 20; seed++) {
            byte[] a = mutate(cnfBase(new Random(seed), 8).getBytes(StandardCharsets.ISO_8859_1), new Random(seed), FuzzOtherInputsTest::cnfStructural);
            byte[] b = mutate(cnfBase(new Random(seed), 8).getBytes(StandardCharsets.ISO_8859_1), new Random(seed), FuzzOtherInputsTest::cnfStructural);
            assertTrue(Arrays.equals(a, b));
        }
    }
}
