package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/** {@link JsonText}: docs/FORMAT.md — integers as JSON integers up to 62 bits, strings past that, "p/q" otherwise. */
class JsonTextTest {

    @Test
    void integersUpTo62BitsAreJsonIntegers() {
        BigInteger twoTo62 = BigInteger.TWO.pow(62);
        assertEquals("0", JsonText.rational(Rational.ZERO));
        assertEquals("-7", JsonText.rational(Rational.of(-7)));
        assertEquals("4611686018427387903", JsonText.rational(Rational.of(twoTo62.subtract(BigInteger.ONE))));  // 62 bits
        assertEquals("-4611686018427387903", JsonText.rational(Rational.of(twoTo62.subtract(BigInteger.ONE).negate())));
        assertEquals("\"4611686018427387904\"", JsonText.rational(Rational.of(twoTo62)));                       // 63 bits
        assertEquals("\"-4611686018427387905\"", JsonText.rational(Rational.of(twoTo62.add(BigInteger.ONE).negate())));
        assertEquals("\"-3/4\"", JsonText.rational(Rational.of(-6, 8)));
    }

    @Test
    void blockPutsOneItemPerLineIndentedUnderItsBracket() throws Exception {
        assertEquals("[]", JsonText.block(List.of(), String::valueOf, 4));
        String text = JsonText.block(List.of(1, 2, 3), String::valueOf, 2);
        JsonNode back = new ObjectMapper().readTree(text);
        assertEquals(new ObjectMapper().readTree("[1, 2, 3]"), back);
        String[] lines = text.split("\n");
        assertEquals(5, lines.length, text);
        assertEquals("[", lines[0]);
        assertEquals("  ]", lines[4], "the closing bracket is indented by the given amount");
        for (int i = 1; i <= 3; i++) {
            assertTrue(lines[i].startsWith("   ") && lines[i].trim().startsWith(String.valueOf(i)), "item lines are indented past the bracket: " + text);
        }
        assertEquals("[1, \"a\"]", JsonText.inline(List.of("1", "\"a\""), s -> s));
        assertEquals("\"a\\\"b\\n\"", JsonText.quote("a\"b\n"));
    }
}
