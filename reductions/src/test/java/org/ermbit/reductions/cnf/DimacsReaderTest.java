package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ermbit.core.format.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DimacsReaderTest {

    static String resource(String name) throws IOException {
        try (InputStream in = DimacsReaderTest.class.getResourceAsStream("/dimacs/" + name)) {
            if (in == null) throw new IOException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static void assertClauses(Cnf cnf, int[]... expected) {
        assertEquals(expected.length, cnf.clauses().size(), "clause count");
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], cnf.clauses().get(i), "clause " + i);
    }

    @Test
    void plainFile() {
        Cnf cnf = DimacsReader.parse("p cnf 3 2\n1 -2 0\n2 3 0\n", "t.cnf");
        assertEquals(3, cnf.variables());
        assertClauses(cnf, new int[] {1, -2}, new int[] {2, 3});
    }

    @Test
    void commentsAnywhereCrlfTabsOddSpacing() {
        String text = "c head\r\n\r\np \t cnf  4\t 3  \r\nc between\r\n 1\t-2 \r\n 3 0 c? no: this line is clause text\r\n";
        // a token 'c?' inside a clause line is not a comment: rejected
        InputException e = assertThrows(InputException.class, () -> DimacsReader.parse(text, "t.cnf"));
        assertEquals("line 6", e.location());
        String ok = "c head\r\n\r\np \t cnf  4\t 3  \r\nc between\r\n 1\t-2 \r\n 3 0\r\nc mid\r\n-4 0 2 0\r\nc trailing comment\r\n";
        Cnf cnf = DimacsReader.parse(ok, "t.cnf");
        assertEquals(4, cnf.variables());
        assertClauses(cnf, new int[] {1, -2, 3}, new int[] {-4}, new int[] {2});
    }

    @Test
    void oldMacLineEnds() {
        Cnf cnf = DimacsReader.parse("p cnf 2 1\r1 2 0\r", "t.cnf");
        assertClauses(cnf, new int[] {1, 2});
    }

    @Test
    void emptyClauseAndDeclaredButUnusedVariables() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings("p cnf 10 2\n0\n5 0\n", "t.cnf");
        assertEquals(10, p.cnf().variables());
        assertClauses(p.cnf(), new int[] {}, new int[] {5});
        assertTrue(p.warnings().isEmpty());
    }

    @Test
    void noClausesAtAll() {
        Cnf cnf = DimacsReader.parse("p cnf 7 0\n", "t.cnf");
        assertEquals(7, cnf.variables());
        assertEquals(0, cnf.clauses().size());
    }

    @Test
    void satlibPercentTrailer() throws IOException {
        DimacsReader.Parsed raw = DimacsReader.parseWithWarnings(
                resource("satlib/raw-original-format/uf20-01.bugarela.cnf"), "uf20-01.bugarela.cnf");
        assertEquals(20, raw.cnf().variables());
        assertEquals(91, raw.cnf().clauses().size());
        assertTrue(raw.warnings().isEmpty(), raw.warnings().toString());
        // first and last clause as they appear in the file
        assertArrayEquals(new int[] {4, -18, 19}, raw.cnf().clauses().get(0));
        assertArrayEquals(new int[] {4, -16, -5}, raw.cnf().clauses().get(90));
    }

    @Test
    void percentTrailerAlsoBeforeDeclaredCountEndsTheFormula() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings("p cnf 2 3\n1 0\n2 0\n%\n0\n", "t.cnf");
        assertEquals(2, p.cnf().clauses().size());
        assertTrue(p.warnings().get(0).contains("declares 3 clauses but the file has 2"), p.warnings().toString());
    }

    /**
     * Bug fixed (session 23): everything after a '%' line was dropped unseen, clauses included, so
     * "p cnf 2 1 / 1 2 / % / -1" counted 3 models without a word, and "p cnf 2 2 / … " claimed the
     * file had 1 clause. Only SATLIB's own '0' line may follow '%' now (comments and blank lines too).
     */
    @Test
    void onlyTheSatlibZeroMayFollowThePercentLine() {
        assertEquals(1, DimacsReader.parseWithWarnings("p cnf 2 1\n1 2 0\n%\n0\n\nc end\n\n", "t.cnf").cnf().clauses().size());
        assertEquals(1, DimacsReader.parseWithWarnings("p cnf 2 1\n1 2 0\n%\n", "t.cnf").cnf().clauses().size());
        for (String after : List.of("-1 0\n", "0\n1 0\n", "0\n0\n", "x\n", "%\n", "p cnf 2 1\n")) {
            InputException e = parseError("p cnf 2 2\n1 2 0\n%\n" + after);
            assertTrue(e.oneLine().startsWith("bad.cnf: line "), e.oneLine());
            assertTrue(e.oneLine().endsWith(": content after SATLIB's end marker '%' (only its line '0' may follow it)"), e.oneLine());
        }
        assertEquals("bad.cnf: line 4: content after SATLIB's end marker '%' (only its line '0' may follow it)",
                parseError("p cnf 2 1\n1 2 0\n%\n-1 0\n").oneLine());
    }

    /** Bug fixed (session 23): a quoted token was shown as its UTF-8 bytes read as ISO-8859-1 ('Ù¢' for '٢'). */
    @Test
    void quotedTokensAreShownAsWritten() {
        String arabicTwo = new String("p cnf 2 1\n1 \u0662 0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1); // the reader's view of the file's bytes
        assertEquals("bad.cnf: line 2: not an integer literal: '\u0662'", parseError(arabicTwo).oneLine());
        String longOne = new String(("p cnf 2 1\n1 " + "\u00e9".repeat(30) + " 0\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("bad.cnf: line 2: not an integer literal: '" + "\u00e9".repeat(21) + "...'", parseError(longOne).oneLine());
        // the p-line's tokens too (they were shown byte per character: '2Ã©')
        String pLine = new String("p cnf 3 2\u00e9\n1 0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("bad.cnf: line 1: p-line: clause count '2\u00e9' is not an integer", parseError(pLine).oneLine());
        String pType = new String("p \u00e9cnf 3 2\n1 0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("bad.cnf: line 1: not supported: 'p \u00e9cnf' (only 'p cnf VARIABLES CLAUSES')", parseError(pType).oneLine());
        // counts of thousands of digits are shortened too (they were printed whole)
        String nines = "9".repeat(5000);
        assertEquals("bad.cnf: line 1: p-line: negative variable count -99999999999999999999...",
                parseError("p cnf -" + nines + " 1\n").oneLine());
        assertTrue(parseError("p cnf " + nines + " 1\n").oneLine().length() < 120, "shortened");
    }

    @Test
    void allSatlibFilesParseWithDeclaredSizes() throws IOException {
        for (String line : resource("satlib/expected.tsv").split("\n")) {
            if (line.startsWith("file")) continue;
            String[] f = line.split("\t");
            DimacsReader.Parsed p = DimacsReader.parseWithWarnings(resource("satlib/" + f[0]), f[0]);
            assertEquals(Integer.parseInt(f[2]), p.cnf().variables(), f[0]);
            assertEquals(Integer.parseInt(f[3]), p.cnf().clauses().size(), f[0]);
            assertTrue(p.warnings().isEmpty(), f[0] + " " + p.warnings());
        }
    }

    @Test
    void clausesAcrossLinesAndSeveralPerLine() {
        Cnf cnf = DimacsReader.parse("p cnf 5 3\n1\n2\n\n3 0 -4 0\n5\n-1 0", "t.cnf");
        assertClauses(cnf, new int[] {1, 2, 3}, new int[] {-4}, new int[] {5, -1});
    }

    @Test
    void nonClauseTrailerAfterDeclaredClausesIsIgnoredWithWarning() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings("p cnf 2 1\n1 2 0\n1\n0.5\n0.25\n", "t.cnf");
        assertClauses(p.cnf(), new int[] {1, 2});
        assertEquals(1, p.warnings().size());
        assertTrue(p.warnings().get(0).startsWith("line 3: ignored 3 lines"), p.warnings().get(0));
    }

    @Test
    void weightLinesIgnoredWithWarning() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings("p cnf 2 1\nw 1 0.5\nw 2 0.5\n1 2 0\n", "t.cnf");
        assertClauses(p.cnf(), new int[] {1, 2});
        assertTrue(p.warnings().get(0).contains("ignored 2 weight lines"));
    }

    /** Model Counting Competition 2021+ meta data: the first 'c t' line is the type; weights and projections are counted. */
    @Test
    void competitionMetaLinesAreRecognised() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings(
                "c t pwmc\nc t mc\np cnf 3 1\nc p show 1 2 0\nvp 3 0\nc ind 1 0\nc p weight 1 0.3 0\nc p weight -1 0.7 0\n1 2 3 0\n", "t.cnf");
        assertClauses(p.cnf(), new int[] {1, 2, 3});
        assertEquals(java.util.Optional.of("pwmc"), p.countingType());
        assertEquals(List.of("ignored 2 weight lines ('w ...' / 'c p weight ...'): the count is unweighted",
                "ignored 3 projection lines ('c p show ...' / 'vp ...' / 'c ind ...'): the count is over all 3 variables, not projected"), p.warnings());
        DimacsReader.Parsed plain = DimacsReader.parseWithWarnings("c a comment\nc p\nc t\nc\np cnf 1 1\n1 0\n", "t.cnf");
        assertEquals(java.util.Optional.empty(), plain.countingType());
        assertEquals(List.of(), plain.warnings());
    }

    /** Blanks and tabs separate the words of a meta line as of any line; an empty 'c t' declares nothing. */
    @Test
    void competitionTypeLinesWithOddSpacing() {
        for (String line : new String[] {"c  t  pmc", "c\tt\tpmc", "c t pmc ", "c t\nc t pmc"}) {
            DimacsReader.Parsed p = DimacsReader.parseWithWarnings(line + "\np cnf 1 1\n1 0\n", "t.cnf");
            assertEquals(java.util.Optional.of("pmc"), p.countingType(), line);
            assertEquals(List.of(), p.warnings(), line);
        }
    }

    /** CR-only line ends (old Mac) separate meta lines as well. */
    @Test
    void competitionMetaLinesWithCrLineEnds() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings(
                "c t pmc\rp cnf 2 1\rc p show 1 0\rvp 2 0\rc p weight 1 0.5 0\r1 2 0\r", "t.cnf");
        assertClauses(p.cnf(), new int[] {1, 2});
        assertEquals(java.util.Optional.of("pmc"), p.countingType());
        assertEquals(List.of("ignored 1 weight line ('w ...' / 'c p weight ...'): the count is unweighted",
                "ignored 2 projection lines ('c p show ...' / 'vp ...' / 'c ind ...'): the count is over all 2 variables, not projected"), p.warnings());
    }

    /** pmc files put 'vp' lines after the clauses: they are projection lines, not extra content. */
    @Test
    void vpLinesAfterTheDeclaredClausesAreProjectionLines() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings("p cnf 3 1\n1 2 0\nvp 1 2 0\nvp\t3 0\n", "t.cnf");
        assertClauses(p.cnf(), new int[] {1, 2});
        assertEquals(List.of("ignored 2 projection lines ('c p show ...' / 'vp ...' / 'c ind ...'): the count is over all 3 variables, not projected"),
                p.warnings());
    }

    /** Leading zeros do not change a decimal number: 12-character counts and 10-digit literals are read by value. */
    @Test
    void leadingZerosAreReadByValue() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings("p cnf 000000000002 000000000001\n0000000001 -0000000002 0\n", "t.cnf");
        assertEquals(2, p.cnf().variables());
        assertEquals(1, p.declaredClauses());
        assertClauses(p.cnf(), new int[] {1, -2});
    }

    /**
     * Found by FuzzOtherInputsTest: the digit-count guard against overflow looked at the token with its
     * leading zeros, so 0000000000001 (13 characters) was "out of range" and a 13-character count
     * "exceeded the maximum", although both are 1.
     */
    @Test
    void leadingZerosBeyondTheDigitLimitAreReadByValue() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings(
                "p cnf 00000000000000000003 0000000000000000000000002\n0000000000001 -00000000000000000003 0\n00000000000000\n", "t.cnf");
        assertEquals(3, p.cnf().variables());
        assertEquals(2, p.declaredClauses());
        assertClauses(p.cnf(), new int[] {1, -3}, new int[] {});
        InputException e = parseError("p cnf 3 1\n1 -000000000000004 0\n");
        assertEquals("literal -000000000000004 out of range: the p-line declares 3 variables", e.getMessage());
        assertTrue(parseError("p cnf 3 1\n1 -000000000000000000000 0\n").getMessage()
                .endsWith(": a clause ends with 0, and -0 is not a literal"));
    }

    /** -00 is -0 written with two digits: not a literal, as -0 is not. */
    @Test
    void minusZeroWithMoreDigitsIsNotAClauseEnd() {
        InputException e = parseError("p cnf 2 1\n1 -00\n");
        assertEquals("line 2", e.location());
        assertEquals("literal -00: a clause ends with 0, and -0 is not a literal", e.getMessage());
    }

    /** A line of two words that starts with 'p' but whose first word is not 'p' is a malformed p-line, whatever the second word. */
    @Test
    void aTwoWordPLineWithAWrongFirstWord() {
        InputException e = parseError("px dnf\n");
        assertEquals("line 1", e.location());
        assertEquals("malformed p-line: expected 'p cnf VARIABLES CLAUSES'", e.getMessage());
    }

    @Test
    void missingFinalZeroOnLastDeclaredClauseAcceptedWithWarning() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings("p cnf 3 2\n1 2 0\n-3 1", "t.cnf");
        assertClauses(p.cnf(), new int[] {1, 2}, new int[] {-3, 1});
        assertEquals(List.of("line 3: the last clause has no terminating 0; accepted"), p.warnings());
    }

    @Test
    void fewerClausesThanDeclaredAcceptedWithWarning() {
        DimacsReader.Parsed p = DimacsReader.parseWithWarnings("p cnf 3 5\n1 2 0\n", "t.cnf");
        assertClauses(p.cnf(), new int[] {1, 2});
        assertEquals(1, p.warnings().size());
    }

    @Test
    void writerRoundTrip() {
        Cnf cnf = new Cnf(6, List.of(new int[] {1, -2}, new int[] {}, new int[] {6, 6, -6}, new int[] {-3}));
        String text = DimacsWriter.write(cnf, List.of("generated", ""));
        assertTrue(text.startsWith("c generated\nc\np cnf 6 4\n1 -2 0\n0\n6 6 -6 0\n-3 0\n"), text);
        Cnf back = DimacsReader.parse(text, "round.cnf");
        assertEquals(6, back.variables());
        assertClauses(back, new int[] {1, -2}, new int[] {}, new int[] {6, 6, -6}, new int[] {-3});
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty file                      | ''                              | ''      | empty file
            blank file                      | '  \n \r\n'                     | ''      | empty file
            only comments                   | 'c a\nc b\n'                    | ''      | missing p-line
            clause before p-line            | '1 2 0\np cnf 2 1\n'            | line 1  | clause before the p-line
            second p-line                   | 'p cnf 2 1\np cnf 2 1\n1 0\n'   | line 2  | a second p-line
            p-line too short                | 'p cnf 3\n1 0\n'                | line 1  | malformed p-line
            p-line too long                 | 'p cnf 3 1 1\n1 0\n'            | line 1  | malformed p-line
            wcnf not supported              | 'p wcnf 3 1\n1 0\n'             | line 1  | not supported: 'p wcnf'
            negative variable count         | 'p cnf -3 1\n1 0\n'             | line 1  | negative variable count
            negative clause count           | 'p cnf 3 -1\n1 0\n'             | line 1  | negative clause count
            non-integer count               | 'p cnf three 1\n1 0\n'          | line 1  | is not an integer
            huge variable count             | 'p cnf 10000001 1\n1 0\n'       | line 1  | exceeds the supported maximum 10000000
            absurd variable count           | 'p cnf 99999999999999999999 1\n'| line 1  | exceeds the supported maximum
            huge clause count               | 'p cnf 3 100000001\n'           | line 1  | exceeds the supported maximum 100000000
            literal out of range            | 'p cnf 3 1\n1 4 0\n'            | line 2  | literal 4 out of range
            negative literal out of range   | 'p cnf 3 2\n1 0\n\n-7 0\n'      | line 4  | literal -7 out of range
            literal past int range          | 'p cnf 3 1\n1 99999999999 0\n'  | line 2  | out of range
            non-integer token               | 'p cnf 3 1\n1 x 0\n'            | line 2  | not an integer literal: 'x'
            decimal token                   | 'p cnf 3 1\n1 2.0 0\n'          | line 2  | not an integer literal
            plus sign                       | 'p cnf 3 1\n+1 0\n'             | line 2  | not an integer literal
            more clauses than declared      | 'p cnf 3 1\n1 0\n2 0\n'         | line 3  | more clauses than declared
            more on the same line           | 'p cnf 3 1\n1 0 2 0\n'          | line 2  | more clauses than declared
            clauses with zero declared      | 'p cnf 3 0\n1 0\n'              | line 2  | more clauses than declared
            truncated inside a clause       | 'p cnf 3 3\n1 0\n2 3\n'         | line 3  | file ends inside a clause
            unknown line type               | 'p cnf 3 1\nx 1 0\n'            | line 2  | not an integer literal: 'x'
            uppercase p-line                | 'P CNF 2 1\n1 0\n'              | line 1  | expected lowercase 'p cnf
            minus zero                      | 'p cnf 2 1\n1 -0\n'             | line 2  | literal -0
            """)
    void malformed(String name, String text, String location, String message) {
        InputException e = assertThrows(InputException.class,
                () -> DimacsReader.parse(text.replace("\\n", "\n").replace("\\r", "\r"), "bad.cnf"));
        assertEquals("bad.cnf", e.file(), name);
        assertEquals(location, e.location(), name + ": " + e.oneLine());
        assertTrue(e.getMessage().contains(message), name + ": " + e.getMessage());
        assertTrue(!e.oneLine().contains("\n"));
    }

    @Test
    void missingFileIsInputError() {
        InputException e = assertThrows(InputException.class,
                () -> DimacsReader.read(java.nio.file.Path.of("/nonexistent/dir/x.cnf")));
        assertTrue(e.oneLine().startsWith("/nonexistent/dir/x.cnf: no such file"), e.oneLine());
    }

    /** A UTF-8 byte-order mark before the p-line is not content (the reader decodes ISO-8859-1). */
    @Test
    void aByteOrderMarkIsIgnored() {
        Cnf cnf = DimacsReader.parse("\u00EF\u00BB\u00BFp cnf 2 1\n1 -2 0\n", "bom.cnf");
        assertEquals(2, cnf.variables());
        assertClauses(cnf, new int[] {1, -2});
    }

    private static InputException parseError(String text) {
        return assertThrows(InputException.class, () -> DimacsReader.parse(text, "bad.cnf"));
    }

    @Test
    void zeroVariablesAreAFormulaToo() {
        Cnf none = DimacsReader.parse("p cnf 0 0\n", "zero.cnf");
        assertEquals(0, none.variables());
        assertTrue(none.clauses().isEmpty());
        Cnf empty = DimacsReader.parse("p cnf 0 1\n0\n", "empty-clause.cnf"); // one empty clause: no models
        assertEquals(0, empty.variables());
        assertClauses(empty, new int[] {});
        InputException twice = parseError("p cnf 0 0\np cnf 0 0\n");
        assertEquals("line 2", twice.location());
        assertTrue(twice.getMessage().contains("a second p-line"), twice.getMessage());
    }

    @Test
    void pLineWordsAreCheckedOneByOne() {
        InputException px = parseError("px cnf 1 1\n1 0\n");
        assertTrue(px.getMessage().contains("malformed p-line"), px.getMessage());
        InputException dnf = parseError("p dnf\n");
        assertTrue(dnf.getMessage().contains("not supported: 'p dnf'"), dnf.getMessage());
    }

    @Test
    void theCapsOnDeclaredCountsAreInclusive() {
        assertEquals(DimacsReader.MAX_VARIABLES, DimacsReader.parse("p cnf 10000000 0\n", "cap.cnf").variables());
        DimacsReader.Parsed clauses = DimacsReader.parseWithWarnings("p cnf 1 100000000\n1 0\n", "cap.cnf");
        assertEquals(DimacsReader.MAX_CLAUSES, clauses.declaredClauses());
        assertEquals(1, clauses.cnf().clauses().size());
    }

    @Test
    void messagesUseSingularForOne() {
        String range = parseError("p cnf 1 1\n2 0\n").getMessage();
        assertTrue(range.contains("declares 1 variable") && !range.contains("1 variables"), range);
        String more = parseError("p cnf 2 1\n1 0\n2 0\n").getMessage();
        assertTrue(more.contains("declares 1 clause") && !more.contains("1 clauses"), more);
    }

    @Test
    void aTruncatedClauseIsReportedWhereItStarts() {
        InputException e = parseError("p cnf 3 3\n1 0\n2\n3\n");
        assertEquals("line 3", e.location());
        assertTrue(e.getMessage().contains("file ends inside a clause"), e.getMessage());
    }

    @Test
    void longClausesAreReadWhole() {
        StringBuilder text = new StringBuilder("p cnf 20 1\n");
        int[] expected = new int[20];
        for (int v = 1; v <= 20; v++) {
            expected[v - 1] = v % 2 == 0 ? v : -v;
            text.append(expected[v - 1]).append(' ');
        }
        assertClauses(DimacsReader.parse(text.append("0\n").toString(), "long.cnf"), expected);
    }

    @Test
    void badTokensAreQuotedAndLongOnesShortened() {
        assertTrue(parseError("p cnf 1 1\n- 0\n").getMessage().contains("not an integer literal: '-'"));
        String t24 = "x".repeat(24);
        assertTrue(parseError("p cnf 1 1\n" + t24 + " 0\n").getMessage().contains("'" + t24 + "'"));
        String t25 = "y".repeat(25);
        String m = parseError("p cnf 1 1\n" + t25 + " 0\n").getMessage();
        assertTrue(m.contains("'" + "y".repeat(21) + "...'"), m);
    }

    @Test
    void filesAreReadFromDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path f = dir.resolve("f.cnf");
        java.nio.file.Files.writeString(f, "p cnf 2 2\nw 1 0.5\n1 -2 0\n");
        assertClauses(DimacsReader.read(f), new int[] {1, -2});
        DimacsReader.Parsed parsed = DimacsReader.readWithWarnings(f);
        assertEquals(2, parsed.declaredClauses());
        assertEquals(2, parsed.warnings().size()); // one clause fewer than declared; a weight line
    }

    @Test
    void writerWithoutComments() {
        assertEquals("p cnf 2 1\n1 -2 0\n", DimacsWriter.write(new Cnf(2, List.of(new int[] {1, -2}))));
    }
}
