package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The machinery of {@link DocTranscriptTest} on hand-written cases, so that it can fail too: the
 * matching rules of {@link TranscriptMatcher} (pairs that must match and pairs that must not), the
 * shell subset of {@link ShellCommand}, the block finder {@link DocTranscript}, and how a run shows
 * stderr.
 */
class TranscriptMatcherTest {

    private static boolean matches(List<String> doc, List<String> out) {
        return TranscriptMatcher.compare(doc, out).isEmpty();
    }

    @Test
    void identicalLinesMatchAndTrailingBlanksDoNotCount() {
        assertTrue(matches(List.of("s SATISFIABLE", "c loss 0"), List.of("s SATISFIABLE", "c loss 0  ", "", "")));
        assertTrue(matches(List.of("a", "", "b", ""), List.of("a", "", "b")));
        assertTrue(matches(List.of(), List.of()));
    }

    @Test
    void aChangedRenamedMissingOrExtraLineFails() {
        List<String> doc = List.of("s SATISFIABLE", "c loss 0");
        assertFalse(matches(doc, List.of("s SATISFIABLE", "c loss 1")), "changed value");
        assertFalse(matches(doc, List.of("s SATISFIABLE", "c Loss 0")), "renamed line");
        assertFalse(matches(doc, List.of("s SATISFIABLE")), "line gone");
        assertFalse(matches(doc, List.of("s SATISFIABLE", "c loss 0", "c new line")), "line added at the end");
        assertFalse(matches(doc, List.of("c new line", "s SATISFIABLE", "c loss 0")), "line added at the start");
        assertFalse(matches(doc, List.of("c loss 0", "s SATISFIABLE")), "order");
        assertFalse(matches(List.of("a", "", "b"), List.of("a", "b")), "a blank line inside counts");
    }

    @Test
    void numbersAreWildcardsOnlyInTimingLines() {
        assertTrue(matches(List.of("c time 0.162 s"), List.of("c time 12.5 s")));
        assertTrue(matches(List.of("c time source=3 ms target=41 ms"), List.of("c time source=120 ms target=7 ms")));
        assertFalse(matches(List.of("c time 0.162 s"), List.of("c time 0.162 ms")), "the unit is text");
        assertFalse(matches(List.of("c time 0.162 s"), List.of("c time s")), "a number must be there");
        assertFalse(matches(List.of("c time 0.162 s"), List.of("c timing 0.162 s")), "renamed timing line");
        assertFalse(matches(List.of("c loss 3/40"), List.of("c loss 3/20")), "not a timing line");
        assertFalse(matches(List.of("c layer 1 weights [[1]] biases [0]"), List.of("c layer 1 weights [[2]] biases [0]")));
    }

    @Test
    void anEllipsisLineStandsForAnyNumberOfLines() {
        List<String> doc = List.of("o 3/4", "\u2026", "o 3/40", "s OPTIMUM FOUND");
        assertTrue(matches(doc, List.of("o 3/4", "o 3/40", "s OPTIMUM FOUND")), "none left out");
        assertTrue(matches(doc, List.of("o 3/4", "o 3/8", "o 3/20", "o 3/40", "s OPTIMUM FOUND")), "two left out");
        assertFalse(matches(doc, List.of("o 3/4", "o 3/8", "s OPTIMUM FOUND")), "the line after the ellipsis must come");
        assertFalse(matches(doc, List.of("o 3/8", "o 3/40", "s OPTIMUM FOUND")), "the line before it too");
        assertTrue(matches(List.of("sat4j (default)", "\u2026"), List.of("sat4j (default)", "cpsat", "z3")), "a trailing ellipsis");
        assertTrue(matches(List.of("  \u2026  "), List.of("anything", "at all")));
    }

    @Test
    void anEllipsisInALineStandsForAnyTextThere() {
        assertTrue(matches(List.of("description: XOR with \u2026"), List.of("description: XOR with a 2-2-1 ReLU network")));
        assertTrue(matches(List.of("c solved by \u2026"), List.of("c solved by local search (exact verification), sat4j 2.3.6")));
        assertTrue(matches(List.of("c solved\u2026"), List.of("c solved")), "empty text");
        assertTrue(matches(List.of("a \u2026 z"), List.of("a b c z")));
        assertFalse(matches(List.of("c solved by \u2026"), List.of("c answered by sat4j")), "the text before it is literal");
        assertFalse(matches(List.of("a \u2026 z"), List.of("a b c y")), "the text after it is literal");
        assertFalse(matches(List.of("c solved by \u2026"), List.of("c solved by x", "c another")), "it stays within its line");
        assertFalse(matches(List.of("a ... z"), List.of("a b z")), "three full stops are text");
        assertTrue(matches(List.of("{-2,...,1} (x+y)*[z]$"), List.of("{-2,...,1} (x+y)*[z]$")), "regex characters are text");
    }

    @Test
    void theReportNamesTheDocumentLineThatDrifted() {
        Optional<TranscriptMatcher.Mismatch> m = TranscriptMatcher.compare(List.of("c a", "c b", "c c"), List.of("c a", "c B", "c c"));
        assertTrue(m.isPresent());
        assertEquals(1, m.get().docIndex());
        String text = m.get().describe(100);
        assertTrue(text.startsWith("line 101 of the document, 'c b', is not in the output (found 'c B' there)"), text);
        Optional<TranscriptMatcher.Mismatch> extra = TranscriptMatcher.compare(List.of("c a"), List.of("c a", "c z"));
        assertEquals(-1, extra.orElseThrow().docIndex());
        assertTrue(extra.get().describe(1).startsWith("the output goes on after the transcript's last line: 'c z'"), extra.get().describe(1));
    }

    @Test
    void shellCommandsSplitIntoArgumentsPipesAndTheStatedExit() throws Exception {
        ShellCommand c = ShellCommand.parse("./ermbit optimize instances/a.json | grep -v '^c layer'   # exit 30");
        assertEquals(List.of("optimize", "instances/a.json"), c.args());
        assertEquals(30, c.exit());
        assertEquals(ShellCommand.Stderr.TERMINAL, c.stderr());
        assertEquals(List.of("o 1", "c x"), c.filters().get(0).apply(List.of("o 1", "c layer 1 weights", "c x")));

        ShellCommand q = ShellCommand.parse("ermbit info \"a b.json\" 'c d' e\\ f # a comment without an exit code");
        assertEquals(List.of("info", "a b.json", "c d", "e f"), q.args());
        assertEquals(0, q.exit());
        assertEquals(List.of("x#y"), ShellCommand.parse("./ermbit x#y").args(), "# inside a word is not a comment");
        assertEquals(0, ShellCommand.parse("./ermbit solve f # exits quickly; no exit code given").exit());
        assertEquals(ShellCommand.Stderr.MERGED, ShellCommand.parse("./ermbit solve f 2>&1 | head -n 1").stderr());
        assertEquals(ShellCommand.Stderr.DISCARDED, ShellCommand.parse("./ermbit solve f 2>/dev/null").stderr());
        assertEquals(ShellCommand.Stderr.DISCARDED, ShellCommand.parse("./ermbit solve f 2> /dev/null").stderr());
    }

    @Test
    void headTailAndGrepActAsTheirPosixNamesakes() throws Exception {
        List<String> in = List.of("c a", "o 1", "c b+", "o 2", "s X");
        assertEquals(List.of("c a", "o 1"), ShellCommand.parse("./ermbit x | head -n 2").filters().get(0).apply(in));
        assertEquals(List.of("c a", "o 1", "c b+"), ShellCommand.parse("./ermbit x | head -3").filters().get(0).apply(in));
        assertEquals(in, ShellCommand.parse("./ermbit x | head -n 99").filters().get(0).apply(in));
        assertEquals(List.of("s X"), ShellCommand.parse("./ermbit x | tail -n 1").filters().get(0).apply(in));
        assertEquals(List.of("o 2", "s X"), ShellCommand.parse("./ermbit x | tail -n +4").filters().get(0).apply(in));
        assertEquals(List.of("o 1", "o 2"), ShellCommand.parse("./ermbit x | grep '^o'").filters().get(0).apply(in));
        // basic regular expressions: + is a literal, \| alternation (GNU); -E: + is an operator
        assertEquals(List.of("c b+"), ShellCommand.parse("./ermbit x | grep 'b+'").filters().get(0).apply(in));
        assertEquals(List.of("c a", "c b+"), ShellCommand.parse("./ermbit x | grep -E 'a|b+'").filters().get(0).apply(in));
        assertEquals(List.of("o 1", "s X"), ShellCommand.parse("./ermbit x | grep '1\\|X'").filters().get(0).apply(in));
        assertEquals(List.of("o 1", "o 2"), ShellCommand.parse("./ermbit x | grep '[[:digit:]]'").filters().get(0).apply(in));
        assertEquals(List.of("c b+"), ShellCommand.parse("./ermbit x | grep -F 'b+'").filters().get(0).apply(in));
        assertEquals(List.of("s X"), ShellCommand.parse("./ermbit x | grep -vi '[co] '").filters().get(0).apply(in));
        ShellCommand two = ShellCommand.parse("./ermbit x | grep -v '^c' | head -n 1");
        assertEquals(List.of("o 1"), two.filters().get(1).apply(two.filters().get(0).apply(in)));
    }

    @ParameterizedTest(name = "unsupported: {0}")
    @ValueSource(strings = {
        "./ermbit solve f > out.txt", "./ermbit solve f && echo ok", "./ermbit solve f; echo", "./ermbit solve $(cat f)",
        "./ermbit solve instances/*.json", "./ermbit solve f | sed 1d", "./ermbit solve f | head -n -2", "cat f | ./ermbit solve",
        "./ermbit solve f | grep", "./ermbit solve 'f", "./ermbit solve \"$HOME\"", "./ermbit solve f || true", "./ermbit solve f | grep -c x",
        "./ermbit solve f | head 2>&1", "java -jar cli/target/ermbit.jar solve f",
    })
    void otherShellSyntaxIsRefusedByName(String line) {
        assertThrows(ShellCommand.Unsupported.class, () -> ShellCommand.parse(line));
    }

    @Test
    void transcriptsAreTheCodeBlocksThatStartWithAPrompt() {
        List<String> md = List.of(
                "# T", //                                   1
                "```", //                                   2
                "$ ./ermbit solve a.json   # exit 10", //   3
                "c one", //                                 4
                "s SATISFIABLE", //                         5
                "$ ermbit verify a.json \\", //             6
                "  w.json", //                              7
                "s VERIFIED", //                            8
                "", //                                      9
                "```", //                                  10
                "```sh", //                                11
                "./ermbit solve a.json", //                12
                "$ ./ermbit not-first", //                 13
                "```", //                                  14
                "  ```console", //                         15
                "  $ ./ermbit info a.json", //             16
                "  instance: a", //                        17
                "  ```", //                                18
                "```", //                                  19
                "$ ermbitx", //                            20
                "```");
        List<DocTranscript> ts = DocTranscript.parse("docs/T.md", md);
        assertEquals(2, ts.size(), ts.toString());
        DocTranscript t = ts.get(0);
        assertEquals("docs/T.md:3 $ ./ermbit solve a.json   # exit 10", t.toString());
        assertEquals(2, t.commands().size());
        assertEquals(List.of("c one", "s SATISFIABLE"), t.commands().get(0).expected());
        assertEquals(4, t.commands().get(0).firstOutputLine());
        assertEquals(6, t.commands().get(1).line());
        assertEquals("ermbit verify a.json   w.json", t.commands().get(1).command());
        assertEquals(List.of("s VERIFIED"), t.commands().get(1).expected());
        assertEquals(8, t.commands().get(1).firstOutputLine());
        assertEquals(16, ts.get(1).line());
        assertEquals(List.of("instance: a"), ts.get(1).commands().get(0).expected());
    }

    /** bench is skipped (too slow); an available backend is not; the test's own machine has sat4j. */
    @Test
    void benchAndMissingBackendsAreSkippedWithTheirReason() throws Exception {
        TestAbortedException bench = assertThrows(TestAbortedException.class,
                () -> DocTranscriptTest.assumeRunnable("docs/X.md:7", ShellCommand.parse("./ermbit bench instances --solvers sat4j")));
        assertTrue(bench.getMessage().contains("docs/X.md:7: 'ermbit bench'"), bench.getMessage());
        DocTranscriptTest.assumeRunnable("t", ShellCommand.parse("./ermbit solve f --solver sat4j,portfolio --cross-check=sat4j"));
    }

    /** Stderr is shown where it was written, passes a pipe only with 2>&1, and 2>/dev/null drops it. */
    @Test
    void aRunShowsStderrLikeATerminal(@TempDir Path dir) throws Exception {
        String missing = "no-such-instance.json";
        DocTranscriptTest.Run plain = DocTranscriptTest.run("t", ShellCommand.parse("./ermbit info " + missing + " # exit 2"), dir);
        assertEquals(2, plain.exit());
        assertEquals(1, plain.lines().size(), plain.lines().toString());
        assertTrue(plain.lines().get(0).startsWith("ermbit: ") && plain.lines().get(0).contains(missing), plain.lines().toString());
        assertEquals(plain.lines(), DocTranscriptTest.run("t", ShellCommand.parse("./ermbit info " + missing + " | grep -v ermbit"), dir).lines(),
                "stderr does not go through the pipe");
        assertEquals(List.of(), DocTranscriptTest.run("t", ShellCommand.parse("./ermbit info " + missing + " 2>&1 | grep -v ermbit"), dir).lines());
        assertEquals(List.of(), DocTranscriptTest.run("t", ShellCommand.parse("./ermbit info " + missing + " 2>/dev/null"), dir).lines());
    }

    /** An input path is passed from the project root and printed back as written; an output goes to the test's directory. */
    @Test
    void pathsAreRelativeToTheProjectRootAndOutputsStayOutOfIt(@TempDir Path dir) throws Exception {
        DocTranscriptTest.Run r = DocTranscriptTest.run("t",
                ShellCommand.parse("./ermbit solve instances/examples/xor-2-2-1.json --no-local-search --witness w.json | head -n 1"), dir);
        assertEquals(List.of("c ermbit solve instances/examples/xor-2-2-1.json"), r.lines());
        assertEquals(10, r.exit());
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("w.json")));
        assertFalse(java.nio.file.Files.exists(DocTranscriptTest.ROOT.resolve("w.json")));
        DocTranscriptTest.Run v = DocTranscriptTest.run("t", ShellCommand.parse("./ermbit verify instances/examples/xor-2-2-1.json w.json"), dir);
        assertEquals(List.of("s VERIFIED", "c loss 0", "c threshold 0"), v.lines(), "the second command reads the first one's file");
    }
}
