package org.ermbit.reductions.cnf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.InputFiles;

/**
 * Reads DIMACS CNF leniently where real files are sloppy, and strictly where sloppiness would change
 * the formula. Accepted without comment: comment lines ({@code c …}) anywhere, CRLF / CR line ends,
 * tabs and repeated blanks (also in the p-line), clauses spanning lines and several clauses on one
 * line, variables declared but unused (they stay free), and SATLIB's {@code %} / {@code 0} trailer
 * (which ends the formula: other content after {@code %} is an error).
 *
 * <p>Rules where a file disagrees with its p-line (each documented in docs/CLI.md):
 * <ul>
 *   <li>Clauses are read until the declared number is reached. Content after that which is
 *       <em>not</em> clause-shaped (e.g. the weight table some pmc benchmarks append) is ignored with
 *       a warning; content made only of integers is more clauses than declared and is an error.</li>
 *   <li>Fewer clauses than declared: accepted with a warning (the clauses present are used).</li>
 *   <li>A last clause without its terminating {@code 0}: accepted with a warning when it is exactly
 *       the last declared clause; otherwise the file looks truncated and it is an error.</li>
 *   <li>Weight lines ({@code w …}, cachet style; {@code c p weight …}, Model Counting Competition
 *       2021+): ignored with a warning (counts are unweighted).</li>
 *   <li>Projection lines ({@code c p show …}, {@code vp …}, {@code c ind …}): ignored with a warning
 *       (counts are over all variables).</li>
 *   <li>A problem-type line {@code c t TYPE} is kept in {@link Parsed#countingType()}; the model
 *       counter refuses a type other than {@code mc}.</li>
 * </ul>
 * Errors (an {@link InputException} naming the file and {@code line N}): empty file, no p-line, a
 * second p-line, a clause before the p-line, a p-line other than {@code p cnf V C}, negative or
 * non-integer counts, more than {@link #MAX_VARIABLES} variables or {@link #MAX_CLAUSES} clauses, a
 * non-integer token, a literal out of range.
 */
public final class DimacsReader {

    /** Largest accepted variable count in a p-line (memory of per-variable arrays stays bounded). */
    public static final int MAX_VARIABLES = 10_000_000;
    /** Largest accepted clause count in a p-line. */
    public static final int MAX_CLAUSES = 100_000_000;

    /**
     * A parsed file: the formula, the warnings about tolerated irregularities (may be empty) and the
     * problem type a Model Counting Competition file declares ({@code c t mc}, {@code wmc}, {@code pmc},
     * {@code pwmc}), if any.
     */
    public record Parsed(Cnf cnf, int declaredClauses, List<String> warnings, Optional<String> countingType) {
        public Parsed {
            warnings = List.copyOf(warnings);
            java.util.Objects.requireNonNull(countingType, "countingType");
        }
    }

    private DimacsReader() {}

    /** Reads a DIMACS CNF file; irregularities that are tolerated are dropped silently. */
    public static Cnf read(Path file) {
        return readWithWarnings(file).cnf();
    }

    /** Parses DIMACS text; {@code fileLabel} names the source in error messages. */
    public static Cnf parse(String text, String fileLabel) {
        return parseWithWarnings(text, fileLabel).cnf();
    }

    /** Reads a DIMACS CNF file and reports tolerated irregularities as warnings. */
    public static Parsed readWithWarnings(Path file) {
        String text = new String(InputFiles.read(file, "a DIMACS CNF file"), StandardCharsets.ISO_8859_1);
        return parseWithWarnings(text, file.toString());
    }

    /** Parses DIMACS text and reports tolerated irregularities as warnings. */
    public static Parsed parseWithWarnings(String text, String fileLabel) {
        return new Parser(text, fileLabel).parse();
    }

    /** One pass over the lines; keeps the state of the clause being read. */
    private static final class Parser {
        private final String text;
        private final String file;
        private final List<String> warnings = new ArrayList<>();
        private final List<int[]> clauses = new ArrayList<>();
        private int variables = -1;
        private int declared = -1;
        private int[] current = new int[8];
        private int currentSize;
        private int currentStartLine;
        private int weightLines;
        private int projectionLines;
        private String countingType;
        // content after the declared clauses (not counting comments / blank lines / the % trailer)
        private int trailerFirstLine;
        private int trailerLines;
        private boolean trailerAllIntegers = true;
        private boolean percentSeen;
        private boolean percentZeroSeen;

        Parser(String text, String file) {
            this.text = text;
            this.file = file;
        }

        Parsed parse() {
            if (text.isBlank()) throw error(0, "empty file");
            // a UTF-8 byte-order mark (read here as ISO-8859-1) is not content
            String[] lines = (text.startsWith("\u00EF\u00BB\u00BF") ? text.substring(3) : text).split("\r\n|\n|\r", -1);
            for (int i = 0; i < lines.length; i++) {
                line(i + 1, lines[i].strip());
            }
            return finish();
        }

        private void line(int lineNo, String line) {
            if (line.isEmpty()) return;
            if (line.charAt(0) == 'c') {
                comment(line);
                return;
            }
            if (percentSeen) { // SATLIB's trailer is '%' then '0': anything else after '%' would be dropped unseen
                if (line.equals("0") && !percentZeroSeen) {
                    percentZeroSeen = true;
                    return;
                }
                throw error(lineNo, "content after SATLIB's end marker '%' (only its line '0' may follow it)");
            }
            char first = line.charAt(0);
            if (line.startsWith("vp ") || line.startsWith("vp\t")) {
                projectionLines++;
                return;
            }
            if (first == '%') {
                percentSeen = true; // SATLIB trailer: end of the formula
                return;
            }
            if (first == 'w') {
                weightLines++;
                return;
            }
            if (first == 'p') {
                header(lineNo, line);
                return;
            }
            if (first == 'P') throw error(lineNo, "malformed p-line: expected lowercase 'p cnf VARIABLES CLAUSES'");
            String[] tokens = line.split("\\s+");
            for (int t = 0; t < tokens.length; t++) {
                if (variables < 0 && (first == '{' || first == '[')) {
                    throw error(lineNo, "not DIMACS CNF: this looks like a JSON file (an ermbit/1 instance is read by 'ermbit solve', 'info' and 'verify')");
                }
                if (variables < 0) throw error(lineNo, "clause before the p-line ('p cnf VARIABLES CLAUSES')");
                if (clauses.size() == declared && currentSize == 0) {
                    trailer(lineNo, tokens, t);
                    return;
                }
                literal(lineNo, tokens[t]);
            }
        }

        /** Comments carry the Model Counting Competition's meta data: type, weights, projection. */
        private void comment(String line) {
            String[] t = line.split("\\s+");
            if (t.length < 2 || !t[0].equals("c")) return;
            if (t[1].equals("t") && t.length >= 3 && countingType == null) {
                countingType = shorten(t[2]);
            } else if (t[1].equals("p") && t.length >= 3 && t[2].equals("weight")) {
                weightLines++;
            } else if ((t[1].equals("p") && t.length >= 3 && t[2].equals("show")) || t[1].equals("ind")) {
                projectionLines++;
            }
        }

        private void header(int lineNo, String line) {
            if (variables >= 0) throw error(lineNo, "a second p-line");
            if (!clauses.isEmpty() || currentSize > 0) {
                throw error(lineNo, "p-line after clauses");
            }
            String[] t = line.split("\\s+");
            if (t.length >= 2 && !t[0].equals("p")) {
                throw error(lineNo, "malformed p-line: expected 'p cnf VARIABLES CLAUSES'");
            }
            if (t.length >= 2 && !t[1].equals("cnf")) {
                throw error(lineNo, "not supported: 'p " + shorten(t[1]) + "' (only 'p cnf VARIABLES CLAUSES')");
            }
            if (t.length != 4) throw error(lineNo, "malformed p-line: expected 'p cnf VARIABLES CLAUSES'");
            variables = count(lineNo, t[2], "variable", MAX_VARIABLES);
            declared = count(lineNo, t[3], "clause", MAX_CLAUSES);
        }

        private int count(int lineNo, String token, String what, int cap) {
            if (!isInteger(token)) throw error(lineNo, "p-line: " + what + " count '" + shorten(token) + "' is not an integer");
            if (token.startsWith("-")) throw error(lineNo, "p-line: negative " + what + " count " + shorten(token));
            String digits = withoutLeadingZeros(token);
            if (digits.length() > 12 || Long.parseLong(digits) > cap) {
                throw error(lineNo, "p-line: " + what + " count " + shorten(token) + " exceeds the supported maximum " + cap);
            }
            return Integer.parseInt(digits);
        }

        private void literal(int lineNo, String token) {
            if (!isInteger(token)) throw error(lineNo, "not an integer literal: '" + shorten(token) + "'");
            String digits = withoutLeadingZeros(token.startsWith("-") ? token.substring(1) : token);
            if (digits.length() > 10 || Long.parseLong(digits) > variables) {
                throw error(lineNo, "literal " + shorten(token) + " out of range: the p-line declares "
                        + variables + " variable" + (variables == 1 ? "" : "s"));
            }
            int lit = token.startsWith("-") ? -Integer.parseInt(digits) : Integer.parseInt(digits);
            if (lit == 0) {
                if (token.charAt(0) == '-') { // -0, -00, ...
                    throw error(lineNo, "literal " + shorten(token) + ": a clause ends with 0, and -0 is not a literal");
                }
                clauses.add(java.util.Arrays.copyOf(current, currentSize));
                currentSize = 0;
                return;
            }
            if (currentSize == 0) currentStartLine = lineNo;
            if (currentSize == current.length) current = java.util.Arrays.copyOf(current, 2 * currentSize);
            current[currentSize++] = lit;
        }

        private void trailer(int lineNo, String[] tokens, int from) {
            if (trailerLines == 0) trailerFirstLine = lineNo;
            trailerLines++;
            for (int t = from; t < tokens.length; t++) {
                if (!isInteger(tokens[t])) trailerAllIntegers = false;
            }
        }

        private Parsed finish() {
            if (variables < 0) throw error(0, "missing p-line ('p cnf VARIABLES CLAUSES')");
            if (currentSize > 0) {
                if (clauses.size() + 1 == declared) {
                    warnings.add("line " + currentStartLine + ": the last clause has no terminating 0; accepted");
                    clauses.add(java.util.Arrays.copyOf(current, currentSize));
                } else {
                    throw error(currentStartLine, "file ends inside a clause (no terminating 0) after "
                            + clauses.size() + " of " + declared + " declared clauses; truncated file?");
                }
            }
            if (trailerLines > 0) {
                if (trailerAllIntegers) {
                    throw error(trailerFirstLine, "more clauses than declared: the p-line declares " + declared
                            + " clause" + (declared == 1 ? "" : "s"));
                }
                warnings.add("line " + trailerFirstLine + ": ignored " + trailerLines + " line"
                        + (trailerLines == 1 ? "" : "s") + " of non-clause content after the " + declared
                        + " declared clauses");
            }
            if (clauses.size() < declared) {
                warnings.add("the p-line declares " + declared + " clauses but the file has " + clauses.size()
                        + "; counted the clauses present");
            }
            if (weightLines > 0) {
                warnings.add("ignored " + weightLines + " weight line" + (weightLines == 1 ? "" : "s")
                        + " ('w ...' / 'c p weight ...'): the count is unweighted");
            }
            if (projectionLines > 0) {
                warnings.add("ignored " + projectionLines + " projection line" + (projectionLines == 1 ? "" : "s")
                        + " ('c p show ...' / 'vp ...' / 'c ind ...'): the count is over all " + variables + " variables, not projected");
            }
            return new Parsed(new Cnf(variables, clauses), declared, warnings, Optional.ofNullable(countingType));
        }

        private InputException error(int lineNo, String message) {
            return new InputException(file, lineNo > 0 ? "line " + lineNo : "", message);
        }
    }

    private static boolean isInteger(String token) {
        int start = token.startsWith("-") ? 1 : 0;
        if (token.length() == start) return false;
        for (int i = start; i < token.length(); i++) {
            char ch = token.charAt(i);
            if (ch < '0' || ch > '9') return false;
        }
        return true;
    }

    /** The digits of a non-negative integer token without leading zeros ("0" for zero): 007 is 7, not a 3-digit number. */
    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') i++;
        return digits.substring(i);
    }

    /**
     * {@code token} as the user wrote it, at most 24 characters: the text is read byte per character
     * (ISO-8859-1), so the bytes are shown as UTF-8 again (a malformed sequence as U+FFFD).
     */
    private static String shorten(String token) {
        String shown = new String(token.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return shown.codePointCount(0, shown.length()) <= 24 ? shown
                : shown.substring(0, shown.offsetByCodePoints(0, 21)) + "...";
    }
}
