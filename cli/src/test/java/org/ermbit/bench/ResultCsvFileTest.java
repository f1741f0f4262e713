package org.ermbit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.format.InputException;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results CSV on disk (docs/CLI.md "ermbit bench", CSV and Resume): one header line, rows
 * appended and flushed as runs finish, RFC 4180 quoting, an incomplete last line cut off and
 * reported, and {@code --merge} (first row of a pair wins, conflicting duplicates reported). Expected
 * file contents are written out by hand.
 */
class ResultCsvFileTest {

    private static RunResult run(String solver, String instance, RunStatus status, Optional<Rational> loss, long ms, String reason) {
        return new RunResult(solver, instance, "fam", Mode.SOLVE, ExpectedAnswer.sat(), status, loss, ms, 10, false, 20_000, 2048, reason);
    }

    /**
     * A gzip-compressed CSV is read by --merge, but never appended to: plain rows after gzip data
     * would break the file. The CSV is compressed here by the JDK's gzip writer.
     */
    @Test
    void aCompressedCsvIsMergedButNotAppendedTo(@TempDir Path dir) throws Exception {
        String text = ResultCsv.HEADER + "\na,x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\n";
        Path gz = dir.resolve("old.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] before = Files.readAllBytes(gz);
        InputException e = assertThrows(InputException.class, () -> ResultCsv.open(gz));
        assertEquals(gz + ": a gzip-compressed results CSV cannot be appended to (decompress it first; --merge reads compressed CSVs)",
                e.oneLine());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(gz), "untouched");
        Path merged = dir.resolve("merged.csv");
        assertEquals(List.of(), ResultCsv.merge(List.of(gz), merged));
        assertEquals(text, Files.readString(merged));
    }

    @Test
    void aRowIsOnDiskAsSoonAsItIsAppendedAndTheHeaderIsWrittenOnce(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("sub").resolve("r.csv");
        try (ResultCsv out = ResultCsv.open(csv)) {
            assertEquals(csv, out.file());
            out.append(run("a", "x.json", RunStatus.SAT, Optional.of(Rational.ZERO), 100, ""));
            // not closed yet: a harness killed now must not lose the row
            assertEquals(ResultCsv.HEADER + "\na,x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\n", Files.readString(csv));
        }
        try (ResultCsv out = ResultCsv.open(csv)) {
            assertEquals("", out.repaired(), "a complete file needs no repair");
            out.append(run("b", "x.json", RunStatus.UNKNOWN, Optional.empty(), 20_000, "timeout"));
        }
        assertEquals(ResultCsv.HEADER + "\na,x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\nb,x.json,fam,solve,sat,UNKNOWN,,20000,10,,20000,2048,timeout\n",
                Files.readString(csv));
    }

    @Test
    void cellsWithACommaOrAQuoteAreQuotedWhereverItIs(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        List<String> reasons = List.of(",leading comma", "trailing comma,", "say \"hi\"", "\"quoted\"", "plain text");
        try (ResultCsv out = ResultCsv.open(csv)) {
            for (int i = 0; i < reasons.size(); i++) out.append(run("s", "i" + i + ".json", RunStatus.SAT, Optional.of(Rational.ONE), i, reasons.get(i)));
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals("s,i0.json,fam,solve,sat,SAT,1,0,10,,20000,2048,\",leading comma\"", lines.get(1));
        assertEquals("s,i1.json,fam,solve,sat,SAT,1,1,10,,20000,2048,\"trailing comma,\"", lines.get(2));
        assertEquals("s,i2.json,fam,solve,sat,SAT,1,2,10,,20000,2048,\"say \"\"hi\"\"\"", lines.get(3));
        assertEquals("s,i3.json,fam,solve,sat,SAT,1,3,10,,20000,2048,\"\"\"quoted\"\"\"", lines.get(4));
        assertEquals("s,i4.json,fam,solve,sat,SAT,1,4,10,,20000,2048,plain text", lines.get(5));
        List<RunResult> back = ResultCsv.open(csv).rows();
        for (int i = 0; i < reasons.size(); i++) assertEquals(reasons.get(i), back.get(i).reason());
        // a quoted solver and instance name read back too
        assertEquals(List.of("a,b", "x\"y", "", "z"), ResultCsv.split("\"a,b\",\"x\"\"y\",,z"));
    }

    @Test
    void anEmptyFileOrOneCutInsideTheHeaderStartsAfresh(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "");
        ResultCsv empty = ResultCsv.open(csv);
        assertEquals("", empty.repaired());
        assertTrue(empty.rows().isEmpty());
        // killed while the header was being written
        Files.writeString(csv, ResultCsv.HEADER.substring(0, 20));
        ResultCsv cut = ResultCsv.open(csv);
        assertEquals("dropped an incomplete last line (20 bytes) left by an interrupted run", cut.repaired());
        assertTrue(cut.rows().isEmpty());
        assertEquals(0, Files.size(csv));
        try (cut) {
            cut.append(run("a", "x.json", RunStatus.SAT, Optional.of(Rational.ZERO), 1, ""));
        }
        assertEquals(ResultCsv.HEADER + "\na,x.json,fam,solve,sat,SAT,0,1,10,,20000,2048,\n", Files.readString(csv));
    }

    @Test
    void laterRowsOfAPairReplaceEarlierOnes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, ResultCsv.HEADER + "\na,x.json,fam,solve,sat,UNKNOWN,,100,0,,20000,2048,\n\na,x.json,fam,solve,sat,SAT,0,200,10,,20000,2048,\n");
        List<RunResult> rows = ResultCsv.open(csv).rows();
        assertEquals(1, rows.size());
        assertEquals(RunStatus.SAT, rows.get(0).status());
        assertEquals(200, rows.get(0).timeMs());
    }

    @Test
    void mergeKeepsTheFirstRowOfAPairAndReportsConflicts(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        String rowA1 = "s,x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,";
        String rowA2 = "s,y.json,fam,solve,sat,SAT,1,100,10,,20000,2048,";
        String rowA3 = "s,z.json,fam,solve,sat,UNKNOWN,,100,0,,20000,2048,";
        Files.writeString(a, ResultCsv.HEADER + "\n" + rowA1 + "\n" + rowA2 + "\n" + rowA3 + "\n");
        // same pair: another time only (no conflict), another loss, another status; and a new pair
        Files.writeString(b, ResultCsv.HEADER + "\ns,x.json,fam,solve,sat,SAT,0,999,10,,20000,2048,\n"
                + "s,y.json,fam,solve,sat,SAT,2,100,10,,20000,2048,\n"
                + "s,z.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\n"
                + "t,x.json,fam,solve,sat,SAT,0,5,10,,20000,2048,\n");
        List<String> conflicts = ResultCsv.merge(List.of(a, b), c);
        assertEquals(List.of("s on y.json: SAT kept, SAT from " + b + " dropped", "s on z.json: UNKNOWN kept, SAT from " + b + " dropped"), conflicts);
        assertEquals(ResultCsv.HEADER + "\n" + rowA1 + "\n" + rowA2 + "\n" + rowA3 + "\nt,x.json,fam,solve,sat,SAT,0,5,10,,20000,2048,\n",
                Files.readString(c));
        InputException same = assertThrows(InputException.class, () -> ResultCsv.merge(List.of(a, b), b));
        assertEquals(b + ": the merge output must not be one of the inputs", same.oneLine());
        InputException missing = assertThrows(InputException.class, () -> ResultCsv.merge(List.of(a, dir.resolve("none.csv")), c));
        assertEquals(dir.resolve("none.csv") + ": no such file", missing.oneLine());
    }

    /**
     * A file that is not a bench CSV is refused, never cut: before the fix, a one-line file without a
     * newline (say, notes given to --csv by mistake) was taken for a cut-off header and truncated to
     * nothing.
     */
    @Test
    void aFileWithoutANewlineThatIsNotACutOffHeaderIsRefusedAndKept(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("notes.txt");
        Files.writeString(csv, "my notes about the benchmark");
        InputException e = assertThrows(InputException.class, () -> ResultCsv.open(csv));
        assertEquals(csv + ": line 1: not an ermbit bench CSV (header differs)", e.oneLine());
        assertEquals("my notes about the benchmark", Files.readString(csv));
    }

    /** The byte count of the repair message counts bytes, not characters (é is two bytes in UTF-8). */
    @Test
    void theRepairMessageCountsBytes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        String kept = ResultCsv.HEADER + "\na,x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\n";
        Files.writeString(csv, kept + "b,é", StandardCharsets.UTF_8);
        ResultCsv r = ResultCsv.open(csv);
        assertEquals("dropped an incomplete last line (4 bytes) left by an interrupted run", r.repaired());
        assertEquals(kept, Files.readString(csv));
        assertEquals(1, r.rows().size());
    }

    /**
     * Merge skips only the cut-off last line of a killed run. Before the fix it also skipped, silently,
     * a line with the wrong number of fields anywhere in the file (bench itself refuses such a CSV).
     */
    @Test
    void mergeRefusesARowWithTheWrongNumberOfFieldsBeforeTheLastLine(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, ResultCsv.HEADER + "\ns,x.json,fam,solve,sat,SAT,0,100,10,,20000\ns,y.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\n");
        InputException e = assertThrows(InputException.class, () -> ResultCsv.merge(List.of(a), dir.resolve("out.csv")));
        assertEquals(a + ": line 2: expected 13 fields, got 11", e.oneLine());
        // the same line as the cut-off last line (no newline) is left out
        Files.writeString(a, ResultCsv.HEADER + "\ns,y.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\ns,x.json,fam,solve,sat,SAT,0,100,10,,20000");
        ResultCsv.merge(List.of(a), dir.resolve("out.csv"));
        assertEquals(ResultCsv.HEADER + "\ns,y.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\n", Files.readString(dir.resolve("out.csv")));
        // bench's own reading agrees
        Files.writeString(a, ResultCsv.HEADER + "\ns,x.json,fam,solve,sat,SAT,0,100,10,,20000\ns,y.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\n");
        InputException open = assertThrows(InputException.class, () -> ResultCsv.open(a));
        assertEquals(a + ": line 2: expected 13 fields, got 11", open.oneLine());
    }

    /**
     * Found by FuzzOtherInputsTest: the cut was computed from the decoded text re-encoded as UTF-8, so
     * an invalid byte before the last newline (one byte, re-encoded as the 3-byte U+FFFD) moved the cut
     * 2 bytes into the incomplete line, which was kept, and the next row was appended to it. The cut
     * is now made at the last newline of the bytes.
     */
    @Test
    void theRepairCutsAtTheLastNewlineAfterAnInvalidUtf8Byte(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        byte[] kept = (ResultCsv.HEADER + "\na,x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,bad \u00ff byte\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] cut = "b,y.json,fam,solve,sat,SA".getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(kept, kept.length + cut.length);
        System.arraycopy(cut, 0, all, kept.length, cut.length);
        Files.write(csv, all);
        try (ResultCsv r = ResultCsv.open(csv)) {
            assertEquals("dropped an incomplete last line (" + cut.length + " bytes) left by an interrupted run", r.repaired());
            org.junit.jupiter.api.Assertions.assertArrayEquals(kept, Files.readAllBytes(csv));
            r.append(run("c", "z.json", RunStatus.SAT, Optional.of(Rational.ZERO), 1, ""));
        }
        assertEquals(2, ResultCsv.open(csv).rows().size(), "the appended row is a row of its own");
    }

    /**
     * Found by FuzzOtherInputsTest: bench repaired the CSV (cut its incomplete last line, printed a
     * line about it) before refusing it for rows made with other limits, so the refusal came as the
     * second stderr line and the refused file had been changed. Now a refused CSV is left as it was.
     */
    @Test
    void aRefusedCsvIsNotRepaired(@TempDir Path dir) throws Exception {
        Path suite = HarnessTest.suite(dir.resolve("suite"));
        String instance = Manifest.open(suite).entries().get(0).path();
        Path csv = dir.resolve("r.csv");
        String text = ResultCsv.HEADER + "\na," + instance + ",fam,solve,sat,SAT,0,100,10,,20000,2048,\nb,x.json,fa";
        Files.writeString(csv, text);
        java.io.StringWriter err = new java.io.StringWriter();
        BenchConfig c = new BenchConfig(suite, List.of("a", "b"), new ChildRunner.Limits(10_000, 256), 1, Shard.all(), csv, false);
        BenchRunner runner = new BenchRunner(c, new HarnessTest.Scripted(), new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err, true));
        InputException e = assertThrows(InputException.class, runner::run);
        assertTrue(e.getMessage().contains("was run with a 20.000 s / 2048 MB limit"), e.getMessage());
        assertEquals("", err.toString(), "the error is the only line");
        assertEquals(text, Files.readString(csv), "a refused CSV is not changed");
        // read() alone never changes the file either; repair() does
        ResultCsv r = ResultCsv.read(csv);
        assertEquals(text, Files.readString(csv));
        assertEquals("dropped an incomplete last line (11 bytes) left by an interrupted run", r.repair());
        assertEquals(text.substring(0, text.lastIndexOf('\n') + 1), Files.readString(csv));
    }

    /** Found by FuzzOtherInputsTest: a CSV saved with a UTF-8 byte-order mark (spreadsheet programs write one) had a "header that differs". */
    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bom.csv");
        String row = "a,x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,";
        Files.writeString(csv, "\uFEFF" + ResultCsv.HEADER + "\r\n" + row + "\n", StandardCharsets.UTF_8);
        assertEquals(1, ResultCsv.open(csv).rows().size());
        Path merged = dir.resolve("merged.csv");
        ResultCsv.merge(List.of(csv), merged);
        assertEquals(ResultCsv.HEADER + "\n" + row + "\n", Files.readString(merged));
    }
}
