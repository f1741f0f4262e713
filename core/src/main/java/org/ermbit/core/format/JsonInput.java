package org.ermbit.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;

/**
 * Typed, path-aware access to a JSON tree: every accessor names the JSON path of the value it
 * reads, and every problem becomes an {@link InputException} naming the file and that path.
 * Numbers are read exactly (JSON decimals as {@link BigDecimal}, never via {@code double}).
 */
final class JsonInput {

    /** Deepest nesting of arrays and objects (Jackson's default, stated here so that messages and docs can name it). */
    static final int MAX_NESTING_DEPTH = 1_000;
    /** Longest key, in characters (Jackson's default). */
    static final int MAX_KEY_LENGTH = 50_000;
    /** Longest string value, in characters (Jackson's default). */
    static final int MAX_STRING_LENGTH = 20_000_000;

    /** Jackson's own number-length limit (1,000 by default) raised to the format's cap; its other limits stated. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(RationalParser.MAX_DIGITS)
                    .maxNestingDepth(MAX_NESTING_DEPTH).maxNameLength(MAX_KEY_LENGTH).maxStringLength(MAX_STRING_LENGTH).build())
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final String file;

    JsonInput(String file) {
        this.file = file == null ? "" : file;
    }

    String file() {
        return file;
    }

    InputException error(String path, String message) {
        return new InputException(file, path, message);
    }

    /** Reads a whole text file (UTF-8, size-capped) or fails with a one-line reason. */
    static String readText(Path path, String what) {
        byte[] bytes = InputFiles.read(path, what);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // a UTF-8 byte-order mark is not content
        } catch (CharacterCodingException e) {
            throw new InputException(path.toString(), "", "file is not valid UTF-8 text");
        }
    }

    /**
     * A hint for a DIMACS CNF file given where JSON is expected (its first line a {@code c} comment
     * or the {@code p cnf} line), else "".
     */
    static String dimacsHint(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) start++;
        int end = text.indexOf('\n', start);
        String first = text.substring(start, end < 0 ? text.length() : end).strip();
        boolean dimacs = first.equals("c") || first.startsWith("c ") || first.startsWith("c\t") || first.matches("p\\s+cnf\\b.*");
        return dimacs ? " (this looks like a DIMACS CNF file: 'ermbit count' counts its models, 'ermbit reduce 3sat-relu' turns it into an instance)" : "";
    }

    /** Parses JSON text into a tree whose root must be an object. */
    JsonNode parseObject(String json) {
        if (json.isBlank()) throw error("", "file is empty, expected a JSON object");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            // Jackson gives these no location and names its own classes in the message
            throw error(e.getLocation() != null ? where(e.getLocation()) : locateConstraint(json), "invalid JSON: " + constraintMessage(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw error(where, "invalid JSON: " + plainJsonMessage(e.getOriginalMessage()) + dimacsHint(json));
        }
        if (root == null || root.isMissingNode()) throw error("", "file is empty, expected a JSON object");
        if (!root.isObject()) throw error("$", "expected a JSON object at the top level, got " + describe(root));
        return root;
    }

    private static String where(JsonLocation l) {
        return "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** Where a streaming parse of {@code json} first breaks one of the parser's limits ("" if it does not). */
    private static String locateConstraint(String json) {
        JsonParser p = null;
        try {
            p = FACTORY.createParser(json);
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING || t.isNumeric()) p.getText();
            }
            return "";
        } catch (StreamConstraintsException e) {
            return e.getLocation() != null ? where(e.getLocation()) : where(p.currentLocation());
        } catch (IOException e) {
            return "";
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // a parser over a string: nothing to release
                }
            }
        }
    }

    /** A limit of the JSON parser (nesting, key, string or number length) in the format's words. */
    static String constraintMessage(String original) {
        String m = original == null ? "" : original;
        if (m.startsWith("Document nesting depth")) return "arrays and objects nested more than " + MAX_NESTING_DEPTH + " levels deep";
        if (m.startsWith("Name length")) return "a key of more than " + MAX_KEY_LENGTH + " characters";
        if (m.startsWith("String value length")) return "a string of more than " + MAX_STRING_LENGTH + " characters";
        if (m.startsWith("Number value length")) return "a number of more than " + RationalParser.MAX_DIGITS + " characters";
        return plainJsonMessage(m.replaceAll(",? ?from `[^`]*`", ""));
    }

    /**
     * Jackson's message without its internals: the source-location placeholder becomes "line L,
     * column C", the trailing-token message names no Java types; at most 200 characters.
     */
    static String plainJsonMessage(String original) {
        if (original == null) return "invalid JSON";
        if (original.startsWith("Trailing token")) return "unexpected content after the end of the JSON value";
        String msg = original.replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                // an unclosed array or object is reported with where it started, as a line only
                .replaceAll("\\[Source: [^;]*; line: (\\d+)]", "line $1")
                .replaceAll("\\s+", " ")
                // Jackson's advice names its own switches; JSON simply has no NaN, Infinity or comments
                .replaceAll(":? ?(?:as number )?enable `JsonReadFeature\\.[A-Z_]+` to allow", " (not a JSON number)")
                .replaceAll(": maybe a \\(non-standard\\) comment\\? \\(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser\\)",
                        " (JSON has no comments)");
        return msg.length() > 200 ? msg.substring(0, 200) + "..." : msg;
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isObject()) return "an object";
        if (n.isArray()) return "an array";
        if (n.isTextual()) return "the string \"" + shorten(n.asText()) + "\"";
        if (n.isBoolean()) return "the boolean " + n.asText();
        if (n.isNull()) return "null";
        if (n.isNumber()) return "the number " + shorten(n.asText());
        return n.getNodeType().toString().toLowerCase();
    }

    /**
     * Input text as it is quoted in an error message: its first 40 characters and "..." when longer,
     * so that one error line stays short however long the offending text is.
     */
    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** {@code s} in double quotes, {@link #shorten shortened}. */
    static String quote(String s) {
        return "\"" + shorten(s) + "\"";
    }

    /** A number from the input as it is printed in an error message (at most about 60 characters). */
    static String value(Rational r) {
        return r.abbreviated(60);
    }

    /** Fails unless {@code n} is an object whose keys are all in {@code allowed} and include {@code required}. */
    void keys(JsonNode n, String path, Collection<String> required, Collection<String> optional) {
        requireObject(n, path);
        Set<String> allowed = new TreeSet<>(required);
        allowed.addAll(optional);
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) unknown.add(k);
        }
        if (!unknown.isEmpty()) {
            String k = unknown.get(0);
            String hint = closest(k, allowed);
            throw error(path, "unknown key " + quote(k) + (hint == null ? "" : " (did you mean \"" + hint + "\"?)")
                    + "; allowed keys: " + String.join(", ", allowed));
        }
        for (String k : required) {
            if (!n.has(k)) throw error(path, "missing required key \"" + k + "\"");
        }
    }

    private static String closest(String key, Set<String> allowed) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = editDistance(key.toLowerCase(), a);
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return bestD <= 2 ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    void requireObject(JsonNode n, String path) {
        if (n == null || !n.isObject()) throw error(path, "expected an object, got " + describe(n));
    }

    JsonNode array(JsonNode n, String path) {
        if (n == null || !n.isArray()) throw error(path, "expected an array, got " + describe(n));
        return n;
    }

    JsonNode nonEmptyArray(JsonNode n, String path) {
        array(n, path);
        if (n.isEmpty()) throw error(path, "expected a non-empty array");
        return n;
    }

    String string(JsonNode n, String path) {
        if (n == null || !n.isTextual()) throw error(path, "expected a string, got " + describe(n));
        return n.asText();
    }

    /**
     * A string that is printed in output lines as it is (an instance name): refused if it contains a
     * line break in the sense of {@link PrintableText#breaksLine}, which could fake an {@code s} line.
     */
    String singleLine(JsonNode n, String path, String what) {
        String s = string(n, path);
        if (s.chars().anyMatch(PrintableText::breaksLine)) {
            throw error(path, what + " must not contain control characters or line separators such as line breaks"
                    + " (it is printed in comment lines)");
        }
        int lone = PrintableText.unpairedSurrogate(s);
        if (lone >= 0) {
            throw error(path, what + " must be valid Unicode: it holds an unpaired surrogate (\\u"
                    + String.format("%04x", (int) s.charAt(lone)) + "), which cannot be printed");
        }
        return s;
    }

    boolean bool(JsonNode n, String path) {
        if (n == null || !n.isBoolean()) throw error(path, "expected true or false, got " + describe(n));
        return n.asBoolean();
    }

    /** A JSON integer in [min, max]. */
    int intIn(JsonNode n, String path, int min, int max) {
        if (n != null && n.isNumber() && !n.isIntegralNumber()) {
            throw error(path, "expected an integer written without a decimal point or exponent, got a decimal (value " + shorten(n.asText()) + ")");
        }
        if (n == null || !n.isIntegralNumber()) throw error(path, "expected an integer, got " + describe(n));
        BigInteger v = n.bigIntegerValue();
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(path, "expected an integer in " + min + ".." + max + ", got " + value(Rational.of(v)));
        }
        return v.intValueExact();
    }

    /** An exact integer: a JSON integer or a string holding an integer. */
    BigInteger bigInteger(JsonNode n, String path) {
        Rational r = rational(n, path);
        if (!r.isInteger()) throw error(path, "expected an integer, got " + value(r));
        return r.numerator();
    }

    /** An exact rational: a JSON integer, a JSON decimal, or a string "p/q", "2.5", "7", "1e-3". */
    Rational rational(JsonNode n, String path) {
        if (n == null || n.isMissingNode()) throw error(path, "missing number");
        if (n.isIntegralNumber()) return Rational.of(n.bigIntegerValue());
        if (n.isNumber()) {
            BigDecimal d = n.decimalValue();
            // The parser keeps the value, not the written exponent (1.5e-10000 and 15e-10001 give the same
            // BigDecimal). Accept when the scale or the scientific-notation exponent (d.ddd E x) is within
            // the cap: true for both usual spellings of an exponent within the cap, and the size stays bounded.
            long scale = d.scale();
            long exponent = d.precision() - 1L - scale;
            if (Math.abs(scale) > RationalParser.MAX_EXPONENT && Math.abs(exponent) > RationalParser.MAX_EXPONENT) {
                throw error(path, "number " + shorten(n.asText()) + " has an exponent beyond the cap of "
                        + RationalParser.MAX_EXPONENT);
            }
            return Rational.of(d);
        }
        if (n.isTextual()) {
            int bad = firstControlCharacter(n.asText());
            if (bad >= 0) {
                // RationalParser trims every character up to U+0020: "1\u0000" would read as 1
                throw error(path, quote(n.asText()) + " is not a number (it contains the control character "
                        + String.format("U+%04X", (int) n.asText().charAt(bad)) + ")");
            }
            try {
                return RationalParser.parse(n.asText());
            } catch (NumberFormatException e) {
                throw error(path, e.getMessage());
            }
        }
        throw error(path, "expected a number (integer, decimal or \"p/q\" string), got " + describe(n));
    }

    /**
     * The index of the first control character or line separator in {@code s} other than a tab (what
     * {@link PrintableText#breaksLine} counts, tabs being blanks like spaces), or -1.
     */
    static int firstControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && PrintableText.breaksLine(c)) return i;
        }
        return -1;
    }

    /** A non-empty array of rationals. */
    List<Rational> rationals(JsonNode n, String path) {
        nonEmptyArray(n, path);
        List<Rational> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) out.add(rational(n.get(i), path + "[" + i + "]"));
        return out;
    }
}
