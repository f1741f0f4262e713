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

    /** Unknown keys get a hint when a known key is within edit distance 2 (compared case-insensitively), else none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "units   | units",      // distance 0 after lower-casing ("Units" is not "units": JSON keys are case-sensitive)
        "unit    | units",      // one deletion
        "uni     | units",      // two deletions
        "unitsxy | units",      // two insertions
        "xnits   | units",      // one substitution
        "unxxs   | units",      // two substitutions
        "nuits   | units",      // a swap is two substitutions
        "ativatio | activation", // two deletions, inside and at the end
        "un      | ''",         // three deletions: no hint
        "uxxxs   | ''",         // three substitutions: no hint
        "xunitsxy | ''"})       // three insertions: no hint
    void unknownKeysGetAHintWithinEditDistanceTwo(String written, String hint) {
        String key = written.equals("units") ? "Units" : written;
        var node = new JsonInput("f.json").parseObject("{\"" + key + "\": 1}");
        InputException e = assertThrows(InputException.class,
                () -> new JsonInput("f.json").keys(node, "$.x", java.util.List.of("units"), java.util.List.of("activation")));
        assertEquals("$.x", e.location());
        String expected = "unknown key \"" + key + "\"" + (hint.isEmpty() ? "" : " (did you mean \"" + hint + "\"?)")
                + "; allowed keys: activation, units";
        assertEquals(expected, e.getMessage());
    }

    /** Two allowed keys at the same distance: the hint is the first in alphabetical order (the order of the allowed list). */
    @org.junit.jupiter.api.Test
    void aTieBetweenHintsGoesToTheFirstAllowedKey() {
        var node = new JsonInput("f.json").parseObject("{\"unitz\": 1}");
        InputException e = assertThrows(InputException.class,
                () -> new JsonInput("f.json").keys(node, "$.x", java.util.List.of("unity"), java.util.List.of("units")));
        assertEquals("unknown key \"unitz\" (did you mean \"units\"?); allowed keys: units, unity", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void keysOfANonObjectAreRefusedAsTheWrongType() {
        InputException e = assertThrows(InputException.class,
                () -> new JsonInput("f.json").keys(new JsonInput("f.json").parseObject("{\"a\": \"s\"}").get("a"), "$.a",
                        java.util.List.of("units"), java.util.List.of()));
        assertEquals("expected an object, got the string \"s\"", e.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> new JsonInput("f.json").keys(null, "$.b", java.util.List.of("units"), java.util.List.of()));
        assertEquals("expected an object, got nothing", missing.getMessage());
        assertEquals("$.b", missing.location());
    }

    @org.junit.jupiter.api.Test
    void describeNamesTheKindOfValue() {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        assertEquals("nothing", JsonInput.describe(null));
        assertEquals("nothing", JsonInput.describe(com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
        assertEquals("an object", JsonInput.describe(f.objectNode()));
        assertEquals("an array", JsonInput.describe(f.arrayNode()));
        assertEquals("the string \"x\"", JsonInput.describe(f.textNode("x")));
        assertEquals("the boolean false", JsonInput.describe(f.booleanNode(false)));
        assertEquals("null", JsonInput.describe(f.nullNode()));
        assertEquals("the number -7", JsonInput.describe(f.numberNode(-7)));
    }

    @org.junit.jupiter.api.Test
    void fileLabelIsKept() {
        assertEquals("f.json", new JsonInput("f.json").file());
        assertEquals("", new JsonInput(null).file());
        assertEquals("", new InputException((java.nio.file.Path) null, "$", "m").file());
        assertEquals("p.json: $: m", new InputException(java.nio.file.Path.of("p.json"), "$", "m").oneLine());
    }

    /** Jackson's messages are cut to at most 200 characters (plus "..."); a missing message still says what happened. */
    @org.junit.jupiter.api.Test
    void plainMessagesAreCappedAt200Characters() {
        String m200 = "m".repeat(200);
        assertEquals(m200, JsonInput.plainJsonMessage(m200));
        assertEquals(m200 + "...", JsonInput.plainJsonMessage(m200 + "x"));
        assertEquals("invalid JSON", JsonInput.plainJsonMessage(null));
    }

    /** FORMAT.md: "true" and "false" are read as booleans, nothing else is. */
    @org.junit.jupiter.api.Test
    void booleansAreReadAsWritten() {
        var node = new JsonInput("f.json").parseObject("{\"t\": true, \"f\": false, \"s\": \"true\"}");
        assertTrue(new JsonInput("f.json").bool(node.get("t"), "$.t"));
        assertFalse(new JsonInput("f.json").bool(node.get("f"), "$.f"));
        InputException e = assertThrows(InputException.class, () -> new JsonInput("f.json").bool(node.get("s"), "$.s"));
        assertEquals("expected true or false, got the string \"true\"", e.getMessage());
    }

    /** FORMAT.md: exponents up to ±10000 are exact, beyond are rejected — for bare JSON numbers as for strings. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"1e-10000, -10000", "1e10000, 10000", "'\"1e-10000\"', -10000", "'\"1e10000\"', 10000", "-2E+3, 3"})
    void exponentsUpToTheCapAreExact(String written, int exponent) {
        var node = new JsonInput("f.json").parseObject("{\"t\": " + written + "}").get("t");
        java.math.BigInteger p = java.math.BigInteger.TEN.pow(Math.abs(exponent));
        org.ermbit.core.number.Rational expected = exponent < 0 ? org.ermbit.core.number.Rational.of(java.math.BigInteger.ONE, p)
                : org.ermbit.core.number.Rational.of(written.startsWith("-") ? p.shiftLeft(1).negate() : p);
        assertEquals(expected, new JsonInput("f.json").rational(node, "$.t"));
    }

    /**
     * Bug fix: a bare 1.5e-10000 (exponent -10000, within the cap) was refused as "number 1.5E-10000 has
     * an exponent beyond the cap of 10000" although the string "1.5e-10000" was accepted; FORMAT.md says a
     * string means the same as the JSON number. 1.5e-10000 = 15 / 10^10001, 2.5e10000 = 25 · 10^9999.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1.5e-10000", "\"1.5e-10000\"", "-1.5E-10000"})
    void aDecimalMantissaWithAnExponentAtTheCapIsExact(String written) {
        var node = new JsonInput("f.json").parseObject("{\"t\": " + written + "}").get("t");
        org.ermbit.core.number.Rational v = org.ermbit.core.number.Rational.of(java.math.BigInteger.valueOf(15), java.math.BigInteger.TEN.pow(10001));
        assertEquals(written.startsWith("-") ? v.negate() : v, new JsonInput("f.json").rational(node, "$.t"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2.5e10000", "25e10000", "\"25e10000\""})
    void largeMantissasWithAnExponentAtTheCapAreExact(String written) {
        var node = new JsonInput("f.json").parseObject("{\"t\": " + written + "}").get("t");
        java.math.BigInteger p = java.math.BigInteger.valueOf(25).multiply(java.math.BigInteger.TEN.pow(written.contains(".") ? 9999 : 10000));
        assertEquals(org.ermbit.core.number.Rational.of(p), new JsonInput("f.json").rational(node, "$.t"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e-10001", "1e10001", "\"1e-10001\"", "\"1e10001\"", "1.5e-10001", "-1e10001"})
    void exponentsBeyondTheCapAreRefused(String written) {
        var node = new JsonInput("f.json").parseObject("{\"t\": " + written + "}").get("t");
        InputException e = assertThrows(InputException.class, () -> new JsonInput("f.json").rational(node, "$.t"));
        assertEquals("$.t", e.location());
        assertTrue(e.getMessage().contains("cap of 10000"), e.getMessage());
    }

    /** Only text whose first line is a DIMACS comment or p-line gets the CNF hint. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'{\"format\":'  | false", "'[1, 2'  | false", "'cnf'  | false", "'pcnf 1 1'  | false", "'cat'  | false",
        "'c'  | true", "'c SATLIB\n p cnf 3 1'  | true", "'  p  cnf 3 1'  | true", "'\n\np cnf 3 1\n1 0'  | true"})
    void onlyDimacsLikeTextGetsTheHint(String text, boolean hinted) {
        String unescaped = text.replace("\\n", "\n");
        assertEquals(hinted, !JsonInput.dimacsHint(unescaped).isEmpty(), text);
    }
}
