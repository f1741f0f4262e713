package org.ermbit.reductions.slp;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.ermbit.core.format.InputException;
import org.junit.jupiter.api.Test;

class SlpFormatTest {

    @Test
    void parsesCommentsBlankLinesAndPrefixes() {
        String text = "# 3 * 4\r\n\n1 = 0 + 0   # two\n2 = v1 * v1\nv3=2-0\n4 = 3 * 2\n";
        Slp s = SlpFormat.parse(text, "x.slp");
        assertEquals(4, s.length());
        assertEquals(BigInteger.valueOf(12), ((Evaluation.Value) s.evaluate(10)).value());
    }

    /**
     * Found by FuzzOtherInputsTest: a file saved with a UTF-8 byte-order mark (as editors on Windows do)
     * was refused with "target must be a variable index like 3 or v3, got '1'" (the mark invisible
     * in the quote), although the JSON, CSV and DIMACS readers all ignore it.
     */
    @Test
    void aLeadingByteOrderMarkIsIgnored(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("bom.slp");
        java.nio.file.Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1', ' ', '=', ' ', '0', ' ', '+', ' ', '0', '\n'});
        assertEquals(SlpFormat.parse("1 = 0 + 0\n", "x.slp"), SlpFormat.read(f));
        assertEquals(1, SlpFormat.parse("\uFEFF# comment\n1 = 0 + 0\n", "x.slp").length());
        // only at the very start: anywhere else it is a character like any other
        assertTrue(error("1 = 0 + 0\n\uFEFF2 = 1 * 1\n").startsWith("bad.slp: line 2: target must be a variable index"));
    }

    @Test
    void roundTripsRandomPrograms() {
        Random rnd = new Random(7);
        for (int i = 0; i < 50; i++) {
            Slp s = RandomSlps.random(rnd, rnd.nextInt(20), 30);
            assertEquals(s, SlpFormat.parse(SlpFormat.write(s), "rt"));
        }
    }

    private static String error(String text) {
        InputException e = assertThrows(InputException.class, () -> SlpFormat.parse(text, "bad.slp"));
        return e.oneLine();
    }

    @Test
    void malformedInputNamesFileAndLine() {
        assertEquals("bad.slp: line 2: instruction 2 uses v2, which is not defined before it",
                error("1 = 0 + 0\n2 = 2 * 1\n"));
        assertTrue(error("1 = 0 + 0\n\n3 = 1 * 1\n").startsWith("bad.slp: line 3: instruction numbered 3, expected 2"));
        assertTrue(error("1 = 0 / 0\n").startsWith("bad.slp: line 1: expected 'i OP j'"));
        assertTrue(error("1 0 + 0\n").startsWith("bad.slp: line 1: expected 'k = i OP j'"));
        assertTrue(error("1 = x + 0\n").startsWith("bad.slp: line 1: left operand must be a variable index"));
        assertTrue(error("1 = 0 + 99999999999\n").startsWith("bad.slp: line 1: right operand index"));
        assertTrue(error("1 = -1 + 0\n").startsWith("bad.slp: line 1: left operand"));
    }

    @Test
    void operandsMustBeDefinedEarlierAndIndicesAreAtMostNineDigits() {
        assertEquals("bad.slp: line 1: instruction 1 uses v1, which is not defined before it", error("1 = 0 + 1\n"));
        assertEquals("bad.slp: line 1: instruction 1 uses v123456789, which is not defined before it",
                error("1 = 123456789 * 0\n"));
        assertEquals("bad.slp: line 1: left operand index 1234567890 is too large", error("1 = 1234567890 * 0\n"));
        assertEquals("bad.slp: line 1: target must be a variable index like 3 or v3, got ''", error("= 0 + 0\n"));
    }

    @Test
    void readsAFileAndNamesAMissingOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("p.slp");
        java.nio.file.Files.writeString(f, "1 = 0 + 0 # two\n2 = v1 * v1\n");
        Slp s = SlpFormat.read(f);
        assertEquals(2, s.length());
        assertEquals(new Instruction(SlpOp.MUL, 1, 1), s.instruction(2));
        InputException e = assertThrows(InputException.class, () -> SlpFormat.read(dir.resolve("missing.slp")));
        assertTrue(e.oneLine().contains("missing.slp") && e.oneLine().contains("no such file"), e.oneLine());
    }
}
