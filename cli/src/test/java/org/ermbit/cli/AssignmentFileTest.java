package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ermbit.core.format.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --assignment} files (SAT-competition {@code v} lines): what is accepted, and for every
 * malformed case the line and the reason, against the rules in the class comment of
 * {@link AssignmentFile} (each of variables 1..n exactly once, literals ended by 0).
 */
class AssignmentFileTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void competitionOutputWithCommentsStatusAndSeveralVLinesIsRead() throws IOException {
        Path f = file("c solver output\r\ns SATISFIABLE\nv 1 -2\n  v  -3   4\nv 0\n\n");
        assertArrayEquals(new boolean[] {false, true, false, false, true}, AssignmentFile.read(f, 4));
    }

    @Test
    void vLineRoundTrips() throws IOException {
        boolean[] a = {false, false, true, true, false};
        assertEquals("v -1 2 3 -4 0", AssignmentFile.vLine(a));
        assertArrayEquals(a, AssignmentFile.read(file(AssignmentFile.vLine(a) + "\n"), 4));
    }

    /**
     * Found by FuzzOtherInputsTest: a UTF-8 byte-order mark (read as ISO-8859-1: "ï»¿") made the first
     * line "expected a 'v' line of literals"; the CNF reader ignores it, and so does this one now.
     * Leading zeros are read by value, as in DIMACS.
     */
    @Test
    void aByteOrderMarkIsIgnoredAndLeadingZerosAreReadByValue() throws IOException {
        Path f = dir.resolve("bom.txt");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'v', ' ', '-', '1', ' ', '2', ' ', '0', '\n'});
        assertArrayEquals(new boolean[] {false, false, true}, AssignmentFile.read(f, 2));
        assertArrayEquals(new boolean[] {false, true, false}, AssignmentFile.read(file("v 00000000000001 -0002 000\n"), 2));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("v 1 2 3 0\n", "line 1: literal 3 out of range 1..2"),
                Arguments.of("v 1 -3 0\n", "line 1: literal -3 out of range 1..2"),
                // |Integer.MIN_VALUE| is negative in int arithmetic: once an array index out of bounds (exit 1)
                Arguments.of("v 1 -2147483648 0\n", "line 1: literal -2147483648 out of range 1..2"),
                Arguments.of("v 2147483648 0\n", "line 1: literal 2147483648 out of range 1..2"),
                // found by FuzzOtherInputsTest: '+1' was read as 1 and '-0' / '-00' as the terminating 0 (the DIMACS reader refuses both)
                Arguments.of("v +1 2 0\n", "line 1: not an integer literal: '+1'"),
                Arguments.of("v 1 2 -0\n", "line 1: literal -0: the list ends with 0, and -0 is not a literal"),
                Arguments.of("v 1 2\nv -00\n", "line 2: literal -00: the list ends with 0, and -0 is not a literal"),
                Arguments.of("v 1 99999999999999999999 0\n", "line 1: literal 99999999999999999999 out of range 1..2"),
                Arguments.of("c ok\nv 1 x 0\n", "line 2: not an integer literal: 'x'"),
                Arguments.of("v 1 -1 2 0\n", "line 1: variable 1 assigned twice"),
                Arguments.of("v 1 0\nv 2\n", "line 2: literal after the terminating 0"),
                Arguments.of("v 1\n1 2 0\n", "line 2: expected a 'v' line of literals"),
                Arguments.of("v 1 0\n", "variable 2 is not assigned"),
                Arguments.of("", "variable 1 is not assigned"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformedFilesNameTheLineAndTheReason(String text, String expected) throws IOException {
        Path f = file(text);
        InputException e = assertThrows(InputException.class, () -> AssignmentFile.read(f, 2));
        assertEquals(f + ": " + expected, e.oneLine());
    }
}
