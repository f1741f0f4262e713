package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syntax errors in JSON input read as one plain line: where, and what, without Jackson's internals. */
class JsonInputTest {

    /** Columns count from 1 at the character where Jackson stopped (end of input: one past the last). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'[1, 2'            | line 1, column 6 | expected close marker for Array (start marker at line 1, column 1)",
        "'{\"a\": [1,\n 2'  | line 2, column 3 | expected close marker for Array (start marker at line 1, column 7)",
        "'{\"a\": 1}{'      | line 1, column 9 | unexpected content after the end of the JSON value",
        "'{\"a\": 1,}'      | line 1, column 9 | was expecting double-quote to start field name",
        "'{\"a\": 01}'      | line 1, column 8 | Leading zeroes not allowed",
        "'{\"a\": NaN}'     | line 1, column 10 | Non-standard token 'NaN' (not a JSON number)",
        "'{\"a\": 1 /* c */}' | line 1, column 9 | (JSON has no comments)"})
    void syntaxErrorsNameLineColumnAndTheProblem(String json, String location, String expected) {
        InputException e = assertThrows(InputException.class, () -> new JsonInput("f.json").parseObject(json));
        assertEquals("f.json", e.file());
        assertEquals(location, e.location());
        assertTrue(e.getMessage().startsWith("invalid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        for (String internal : new String[] {"Source:", "REDACTED", "jackson", "StreamReadFeature", "DeserializationFeature", "JsonReadFeature", "ALLOW_"}) {
            assertFalse(e.getMessage().contains(internal), "no " + internal + " in: " + e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'[1]' | an array", "'\"x\"' | the string \"x\""})
    void aTopLevelValueOtherThanAnObjectIsRefused(String json, String described) {
        InputException e = assertThrows(InputException.class, () -> new JsonInput("f.json").parseObject(json));
        assertEquals("expected a JSON object at the top level, got " + described, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void bareNumbersUpToTheFormatsCapAreReadExactly() {
        String digits = "9".repeat(org.ermbit.core.number.RationalParser.MAX_DIGITS);
        var node = new JsonInput("f.json").parseObject("{\"t\": " + digits + "}").get("t");
        assertEquals(new java.math.BigInteger(digits), node.bigIntegerValue());
        InputException e = assertThrows(InputException.class,
                () -> new JsonInput("f.json").parseObject("{\"t\": " + digits + "9}"));
        assertTrue(e.getMessage().startsWith("invalid JSON: "), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aUtf8ByteOrderMarkIsNotContent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("bom.json");
        java.nio.file.Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        assertEquals("{}", JsonInput.readText(f, "a JSON file"));
    }

    /** A device reports size 0 and never ends: the cap must hold while reading. */
    @org.junit.jupiter.api.Test
    void theSizeCapHoldsForEndlessInput() {
        java.nio.file.Path zero = java.nio.file.Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(zero), "no /dev/zero here");
        InputException e = assertThrows(InputException.class, () -> JsonInput.readText(zero, "a JSON file"));
        assertEquals("file has more than the cap of " + InputFiles.MAX_BYTES + " bytes", e.getMessage());
    }
}
