package org.ermbit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded mutations of JSON and CSV input files for {@link FuzzInstanceInputTest}: structure-aware
 * (JSON tree and token edits, CSV rows and fields) and byte-level (truncation, control characters,
 * invalid UTF-8, bit flips, compression). Every mutation is a pure function of the {@link Random}
 * it is given, so a seed replays it exactly. {@link #describe} says what was done, for the failure
 * messages.
 */
final class FuzzMutator {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private static final String MARK = "@@FUZZ_MARK_7f3a@@";

    /** Raw JSON texts that replace a value: odd numbers, number-like strings, other types, names of things. */
    static final List<String> JSON_VALUES = List.of(
            // numbers, valid JSON
            "0", "-0", "1", "-1", "2", "3", "0.5", "-0.5", "1.0", "0.0", "-0.0", "1e400", "-1e400", "1e-400", "1E10000", "1e10001",
            "1e-10001", "15e-10001", "123456789012345678901234567890", "-123456789012345678901234567890", "2147483647",
            "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "1000000", "1000001", "10000000", "64", "65", "63", "1000", "1001", "0.1", "1e2", "1E+2",
            "100000000000", "7", "-7", "0.125",
            // numbers, not valid JSON
            "0x10", "01", "+1", ".5", "1.", "NaN", "Infinity", "-Infinity", "1/0", "--1", "1e", "1_000", "0b1", "1e+", "- 1",
            // strings
            "\"\"", "\" \"", "\"0x10\"", "\"1/0\"", "\"-0\"", "\"1/2\"", "\"-3/4\"", "\"1e400\"", "\"1e-10001\"", "\"1e999999999\"",
            "\" 1 \"", "\"1,5\"", "\"NaN\"", "\"Infinity\"", "\"\\u0000\"", "\"1\\u0000\"", "\"\\u00001\"", "\"\\n\"", "\"1\\n\"",
            "\"\\u2028\"", "\"x\\u2029y\"", "\"\\t1\"", "\"1/-2\"", "\"1/+2\"", "\"0/5\"", "\"-1/-1\"", "\"2/4\"", "\"1/2/3\"",
            "\"99999999999999999999/3\"", "\"1//2\"", "\"/\"", "\"1.5/2\"", "\"1e2/3\"", "\"\\uD800\"", "\"\\uDFFF1\"",
            "\"relu\"", "\"identity\"", "\"hardtanh\"", "\"leaky_relu\"", "\"polynomial\"", "\"fixed\"", "\"grid\"", "\"rational\"",
            "\"sum\"", "\"mean\"", "\"max\"", "\"squared\"", "\"absolute\"", "\"zero_one\"", "\"hinge\"", "\"max_abs\"", "\"sat\"",
            "\"unsat\"", "\"ermbit/1\"", "\"ermbit-witness/1\"", "\"xor.csv\"", "\"wine-12.csv\"", "\"../examples/xor.csv\"",
            "\"/dev/null\"", "\".\"", "\"\\u0000.csv\"", "\"y\"", "\"x1\"", "\"label\"", "\"flavanoids\"", "\"\\ud83d\\ude00\"",
            // other types
            "[]", "{}", "null", "true", "false", "[0]", "[[0]]", "[\"1\"]", "[[]]", "[{}]", "{\"type\": \"relu\"}", "{\"a\": 1}",
            "[[1, 1], [1, 1]]", "[1, [2]]", "{\"optimum\": \"0\"}", "{\"optimum\": null}",
            "{\"type\": \"leaky_relu\", \"alpha\": \"1/10\"}", "{\"type\": \"leaky_relu\", \"alpha\": 0}",
            "{\"type\": \"polynomial\", \"coefficients\": [\"0\", \"1\"]}", "{\"type\": \"polynomial\", \"coefficients\": [\"0\", \"0\", \"1\"]}",
            "{\"type\": \"polynomial\", \"coefficients\": [0]}", "{\"type\": \"polynomial\", \"coefficients\": [\"1/0\"]}",
            "{\"domain\": \"rational\", \"bits\": 64}", "{\"domain\": \"fixed\", \"bits\": 64, \"fraction_bits\": 64}",
            "{\"domain\": \"grid\", \"denominator\": 18446744073709551615, \"min\": -9223372036854775808, \"max\": 9223372036854775807}",
            "{\"domain\": \"rational\", \"bits\": 7}", "{\"domain\": \"rational\", \"bits\": 8}",
            "{\"weights\": {\"domain\": \"fixed\", \"bits\": 2}, \"biases\": {\"domain\": \"grid\", \"min\": 0, \"max\": 0}}",
            "{\"layer\": 1, \"unit\": 0, \"bias\": true, \"value\": 0}", "{\"layer\": 1, \"unit\": 0, \"input\": 0, \"value\": \"1/3\"}",
            "{\"layer\": 1, \"unit\": 0, \"input\": 0, \"bias\": false, \"value\": 1}",
            "{\"layer\": 2147483648, \"unit\": 0, \"bias\": true, \"value\": 0}", "{\"units\": 1, \"activation\": \"relu\"}",
            "{\"units\": 1000000, \"activation\": \"relu\"}", "{\"units\": 1000001, \"activation\": \"relu\"}",
            "{\"csv\": \"xor.csv\", \"targets\": [\"y\"]}", "{\"csv\": \"xor.csv\", \"targets\": []}",
            "{\"csv\": \"xor.csv\", \"targets\": [\"y\", \"y\"]}", "{\"csv\": \"xor.csv\", \"targets\": [\"y\"], \"inputs\": [\"x1\", \"y\"]}",
            "{\"inputs\": [[0, 0]], \"targets\": [[0]]}", "{\"inputs\": [[0]], \"targets\": [[\"1/3\"]]}",
            "{\"weights\": [[\"1\"]], \"biases\": [\"0\"]}", "{\"weights\": [[]], \"biases\": []}");

    /** Control and separator characters, byte-order marks and other characters a reader may trip on. */
    static final List<String> ODD_CHARS = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\t", "\n", "\r", "\u000B", "\u000C",
            "\u001B", "\u001F", "\u007F", "\u0085", "\u00A0", "\u2028", "\u2029", "\uFEFF", "\uFFFD", "\uFFFE", "\u200B",
            "\uD83D\uDE00", "\"", "\\", ",", "/", "[", "{", "}", "]", ":", "'");

    /** Byte sequences that are not valid UTF-8 (stray continuation, overlong, surrogate, cut-off, 0xFF). */
    static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98});

    /** CSV field texts. */
    static final List<String> CSV_VALUES = List.of("", " ", "0", "-0", "1", "-1", "0.5", "1/2", "-3/4", "1/0", "0x10", "1e400", "1e-400",
            "1E10000", "1e10001", "1,5", "\"1,5\"", "\"1\"", "\"1", "1\"", "\"\"", "\"\"\"\"", "\" 1 \"", "\"a\"\"b\"", "\"1\" x", "NaN",
            "Infinity", "+1", ".5", "1.", "--1", "1/-2", "1//2", "2/4", "123456789012345678901234567890", "\t1\t", "1\u0000",
            "\u00001", "\u000B1", "1\u000C", "1\u0085", "\u00A01", "1\u2028", "\u200B1", "y", "x1", "label", "\uFEFF1", "1 2", "1e2/3");

    private final Random r;
    private final List<String> log = new ArrayList<>();

    FuzzMutator(Random r) {
        this.r = r;
    }

    /** What the mutations did, in order. */
    String describe() {
        return String.join("; ", log);
    }

    private void note(String s) {
        log.add(s.length() > 160 ? s.substring(0, 160) + "…" : s);
    }

    <T> T pick(List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ JSON

    /** One to three random mutations of a JSON file (structure-aware or byte-level). */
    byte[] mutateJson(String json) {
        int rounds = r.nextInt(10) < 7 ? 1 : 2 + r.nextInt(2);
        String text = json;
        byte[] bytes = null;
        for (int k = 0; k < rounds && bytes == null; k++) {
            int kind = r.nextInt(20);
            switch (kind) {
                case 0, 1, 2 -> text = treeReplace(text, v -> pick(JSON_VALUES));
                case 3 -> text = treeRemove(text);
                case 4 -> text = treeDuplicate(text);
                case 5 -> text = treeKeys(text);
                case 6 -> text = treeReplace(text, this::typeSwap);
                case 7 -> text = treeSwap(text);
                case 8 -> text = tokenDelete(text);
                case 9 -> text = tokenDuplicate(text);
                case 10 -> text = tokenSwap(text);
                case 11 -> text = tokenReplaceNumber(text);
                case 12 -> text = truncate(text);
                case 13 -> text = insertChar(text);
                case 14 -> bytes = insertBadUtf8(utf8(text));
                case 15 -> bytes = flipBytes(utf8(text));
                case 16 -> text = treeReplace(text, v -> deepNesting());
                case 17 -> text = treeReplace(text, v -> longValue());
                case 18 -> text = r.nextBoolean() ? longWhitespace(text) : unbalancedNesting(text);
                default -> text = treeReplace(text, this::numberEdge);
            }
        }
        if (bytes == null) bytes = utf8(text);
        if (r.nextInt(6) == 0) bytes = gzipMaybeBroken(bytes);
        return bytes;
    }

    JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A slot in the tree: a field of an object or an element of an array. */
    record Slot(JsonNode parent, String field, int index, String path) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) ((ObjectNode) parent).set(field, v);
            else ((ArrayNode) parent).set(index, v);
        }
    }

    static List<Slot> slots(JsonNode root) {
        List<Slot> out = new ArrayList<>();
        collect(root, "$", out);
        return out;
    }

    private static void collect(JsonNode n, String path, List<Slot> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                String p = path + "." + e.getKey();
                out.add(new Slot(n, e.getKey(), -1, p));
                collect(e.getValue(), p, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new Slot(n, null, i, p));
                collect(n.get(i), p, out);
            }
        }
    }

    static String write(JsonNode root) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces a random value by raw JSON text computed from the old value (the text is not parsed: it may be invalid). */
    String treeReplace(String json, java.util.function.Function<JsonNode, String> raw) {
        return treeReplaceWhere(json, s -> true, raw);
    }

    String treeReplaceWhere(String json, Predicate<Slot> where, java.util.function.Function<JsonNode, String> raw) {
        JsonNode root = parse(json);
        if (root == null) return tokenDelete(json);
        List<Slot> slots = slots(root).stream().filter(where).toList();
        if (slots.isEmpty()) return json;
        Slot s = pick(slots);
        String value = raw.apply(s.get());
        note("replace " + s.path() + " by " + value);
        s.set(TextNode.valueOf(MARK));
        return write(root).replace("\"" + MARK + "\"", value);
    }

    String treeRemove(String json) {
        JsonNode root = parse(json);
        if (root == null) return tokenDelete(json);
        List<Slot> slots = slots(root);
        Slot s = pick(slots);
        note("remove " + s.path());
        if (s.field() != null) ((ObjectNode) s.parent()).remove(s.field());
        else ((ArrayNode) s.parent()).remove(s.index());
        return write(root);
    }

    String treeDuplicate(String json) {
        JsonNode root = parse(json);
        if (root == null) return tokenDuplicate(json);
        List<Slot> slots = slots(root).stream().filter(s -> s.field() == null).toList();
        if (slots.isEmpty()) return json;
        Slot s = pick(slots);
        int times = r.nextInt(5) == 0 ? 1 + r.nextInt(50) : 1;
        note("duplicate " + s.path() + " " + times + "x");
        for (int k = 0; k < times; k++) ((ArrayNode) s.parent()).insert(s.index(), s.get().deepCopy());
        return write(root);
    }

    /** Adds an unknown or duplicate-looking key, renames a key, or empties an object. */
    String treeKeys(String json) {
        JsonNode root = parse(json);
        if (root == null) return tokenSwap(json);
        List<JsonNode> objects = new ArrayList<>();
        objects.add(root);
        for (Slot s : slots(root)) if (s.get().isObject()) objects.add(s.get());
        ObjectNode o = (ObjectNode) pick(objects);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        switch (r.nextInt(4)) {
            case 0 -> {
                String k = pick(List.of("x", "", "Format", "format ", "units\u0000", "\u2028", "layers", "bias", "input", "csv", "loss"));
                note("add key \"" + k + "\"");
                if (!o.has(k)) o.set(k, MAPPER.getNodeFactory().numberNode(1));
            }
            case 1 -> {
                if (names.isEmpty()) return json;
                String k = pick(names);
                String to = pick(List.of(k.toUpperCase(), k + "s", k.substring(0, k.length() - 1), " " + k, k + "\u0000", "\uFEFF" + k));
                note("rename key \"" + k + "\" to \"" + to + "\"");
                JsonNode v = o.remove(k);
                o.set(to, v);
            }
            case 2 -> {
                note("remove every key of an object with keys " + names);
                o.removeAll();
            }
            default -> {
                // a literal duplicate key in the text
                if (names.isEmpty()) return json;
                String k = pick(names);
                note("duplicate key \"" + k + "\" in the text");
                String dup = write(o.get(k));
                o.set(MARK, TextNode.valueOf("x"));
                return write(root).replace("\"" + MARK + "\" : \"x\"", "\"" + k + "\" : " + dup.strip());
            }
        }
        return write(root);
    }

    /** Exchanges the values of two slots (which may be of different types or nested in each other: then the outer wins). */
    String treeSwap(String json) {
        JsonNode root = parse(json);
        if (root == null) return tokenSwap(json);
        List<Slot> slots = slots(root);
        Slot a = pick(slots);
        Slot b = pick(slots);
        if (a.path().startsWith(b.path()) || b.path().startsWith(a.path())) return json;
        note("swap " + a.path() + " and " + b.path());
        JsonNode av = a.get().deepCopy();
        a.set(b.get().deepCopy());
        b.set(av);
        return write(root);
    }

    String typeSwap(JsonNode v) {
        if (v.isNumber()) return pick(List.of("\"" + v.asText() + "\"", "[" + v.asText() + "]", "{\"value\": " + v.asText() + "}", "null", "true"));
        if (v.isTextual()) {
            String q = write(v).strip();
            return pick(List.of(v.asText().isEmpty() ? "0" : v.asText(), "[" + q + "]", "{" + q + ": 1}", "null", "false", "1"));
        }
        if (v.isArray()) {
            String body = write(v).strip();
            return pick(List.of(v.isEmpty() ? "{}" : "{\"0\": " + write(v.get(0)).strip() + "}", "\"" + body.replace("\"", "'").replace("\n", " ") + "\"",
                    "null", "0", "[" + body + "]"));
        }
        if (v.isObject()) {
            List<String> vals = new ArrayList<>();
            v.elements().forEachRemaining(e -> vals.add(write(e).strip()));
            return pick(List.of("[" + String.join(", ", vals) + "]", "\"object\"", "null", "true", "[" + write(v).strip() + "]"));
        }
        return pick(List.of("0", "\"null\"", "[]", "{}"));
    }

    /** A number near the old one but odd: sign flips, zero, huge, fractional, past the caps, written as a fraction. */
    String numberEdge(JsonNode v) {
        if (!v.isNumber()) return pick(JSON_VALUES);
        BigDecimal d = v.decimalValue();
        return pick(List.of(d.negate().toPlainString(), d.add(BigDecimal.ONE).toPlainString(), d.subtract(BigDecimal.ONE).toPlainString(),
                d.multiply(BigDecimal.TEN.pow(30)).toPlainString(), d.toPlainString() + ".0", d.toPlainString() + "e0",
                d.toPlainString() + "e-1", d.toPlainString() + "e10001", "\"" + d.toPlainString() + "/0\"", "\"" + d.toPlainString() + "/3\"",
                d.add(new BigDecimal("0.5")).toPlainString(), "-" + d.abs().toPlainString(), d.toBigInteger().shiftLeft(64).toString(),
                BigInteger.TWO.pow(63).toString(), BigInteger.TWO.pow(31).toString(), "-0", "1e400"));
    }

    /** A small exact number in one of its spellings (docs/FORMAT.md, Numbers): mostly valid values, so that the answer can be checked. */
    String smallNumber(JsonNode old) {
        int k = r.nextInt(9) - 4;
        int q = 1 + r.nextInt(4);
        boolean decimalExact = new BigDecimal(k).remainder(new BigDecimal(q)).signum() == 0 || q == 2 || q == 4;
        String plain = decimalExact ? new BigDecimal(k).divide(new BigDecimal(q)).toPlainString() : null;
        List<String> forms = new ArrayList<>(List.of("\"" + k + "/" + q + "\"", "\"" + (2 * k) + "/" + (2 * q) + "\"", "\"" + (k < 0 ? "" : "+") + k + "/" + q + "\""));
        if (plain != null) {
            forms.addAll(List.of(plain, "\"" + plain + "\"", plain + "e0", "\"" + plain + "E+0\"",
                    new BigDecimal(plain).movePointRight(2).toPlainString() + "e-2", "\"" + new BigDecimal(plain).movePointLeft(1).toPlainString() + "e1\""));
            if (k == 0) forms.addAll(List.of("-0", "\"-0\"", "-0.0", "0e-5", "\"0/7\"", "\"-0/3\""));
        }
        return pick(forms);
    }

    /**
     * A change of meaning that keeps an instance plausibly valid: another loss or aggregate, activation,
     * small domain, threshold, a fixed parameter, a data value or a hidden layer's width — so that the
     * answers of solve, optimize and verify on it can be checked against the reference.
     */
    String semanticInstance(String json) {
        JsonNode root = parse(json);
        if (root == null) return json;
        ObjectNode o = (ObjectNode) root;
        JsonNode layers = root.path("network").path("layers");
        int depth = layers.size();
        switch (r.nextInt(8)) {
            case 0 -> {
                ObjectNode loss = o.putObject("loss");
                loss.put("type", pick(List.of("squared", "absolute", "max_abs", "zero_one", "hinge")));
                if (r.nextBoolean()) loss.put("aggregate", pick(List.of("sum", "mean", "max")));
                note("loss " + loss);
            }
            case 1 -> {
                int l = r.nextInt(depth);
                String a = pick(List.of("\"relu\"", "\"identity\"", "\"hardtanh\"", "{\"type\": \"relu\"}",
                        "{\"type\": \"leaky_relu\", \"alpha\": \"" + (1 + r.nextInt(3)) + "/" + (4 + r.nextInt(6)) + "\"}",
                        "{\"type\": \"leaky_relu\", \"alpha\": 0.5}", "{\"type\": \"polynomial\", \"coefficients\": [\"1/2\", 1]}"));
                note("activation of layer " + l + " -> " + a);
                ((ObjectNode) layers.get(l)).set("activation", readRaw(a));
            }
            case 2 -> {
                String d = smallDomain();
                if (r.nextInt(3) == 0) d = "{\"weights\": " + d + ", \"biases\": " + smallDomain() + "}";
                note("parameters " + d);
                o.set("parameters", readRaw(d));
            }
            case 3 -> {
                String t = smallNumber(null);
                note("threshold " + t);
                o.set("threshold", readRaw(t));
            }
            case 4 -> {
                int l = r.nextInt(depth);
                int units = layers.get(l).path("units").asInt(1);
                int fanIn = l == 0 ? root.path("network").path("inputs").asInt(1) : layers.get(l - 1).path("units").asInt(1);
                int j = r.nextInt(fanIn + 1);
                String v = smallNumber(null);
                String f = "{\"layer\": " + (l + 1) + ", \"unit\": " + r.nextInt(units) + ", " + (j == fanIn ? "\"bias\": true" : "\"input\": " + j)
                        + ", \"value\": " + v + "}";
                note("fix " + f);
                ArrayNode fixed = root.has("fixed") && root.get("fixed").isArray() ? (ArrayNode) root.get("fixed") : o.putArray("fixed");
                fixed.add(readRaw(f));
            }
            case 5 -> {
                return treeReplaceWhere(json, s -> s.path().matches("\\$\\.data\\.(inputs|targets)\\[\\d+]\\[\\d+]"), this::smallNumber);
            }
            case 6 -> {
                if (depth < 2) return json;
                int l = r.nextInt(depth - 1);
                int u = 1 + r.nextInt(3);
                note("layer " + l + " has " + u + " units");
                ((ObjectNode) layers.get(l)).put("units", u);
                o.remove("fixed");
            }
            default -> {
                note("no fixed parameters, loss aggregate mean");
                o.remove("fixed");
                ObjectNode loss = (ObjectNode) root.get("loss");
                if (!loss.path("type").asText().equals("max_abs")) loss.put("aggregate", "mean");
            }
        }
        return write(root);
    }

    String smallDomain() {
        return switch (r.nextInt(3)) {
            case 0 -> "{\"domain\": \"fixed\", \"bits\": " + (1 + r.nextInt(3)) + (r.nextBoolean() ? ", \"fraction_bits\": " + r.nextInt(3) : "") + "}";
            case 1 -> "{\"domain\": \"grid\"" + (r.nextBoolean() ? ", \"denominator\": " + (1 + r.nextInt(3)) : "") + ", \"min\": " + (-r.nextInt(3))
                    + ", \"max\": " + r.nextInt(3) + "}";
            default -> "{\"domain\": \"rational\", \"bits\": " + (1 + r.nextInt(2)) + "}";
        };
    }

    static JsonNode readRaw(String raw) {
        try {
            return MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String deepNesting() {
        int depth = pick(List.of(100, 999, 1000, 1001, 5000, 100_000));
        boolean objects = r.nextBoolean();
        note("nesting depth " + depth + (objects ? " (objects)" : " (arrays)"));
        if (objects) return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return "[".repeat(depth) + "0" + "]".repeat(depth);
    }

    String unbalancedNesting(String json) {
        int depth = pick(List.of(1000, 100_000, 1_000_000));
        int at = r.nextInt(json.length() + 1);
        note("insert " + depth + " unclosed [ at " + at);
        return json.substring(0, at) + "[".repeat(depth) + json.substring(at);
    }

    String longValue() {
        int len = pick(List.of(10_000, 10_001, 100_001, 2_000_000));
        String v = switch (r.nextInt(5)) {
            case 0 -> "1".repeat(len);
            case 1 -> "\"" + "9".repeat(len) + "\"";
            case 2 -> "\"" + "a".repeat(len) + "\"";
            case 3 -> "\"1/" + "3".repeat(len) + "\"";
            default -> "0." + "0".repeat(len) + "1";
        };
        note("a value of " + v.length() + " characters");
        return v;
    }

    String longWhitespace(String json) {
        int at = tokenBoundary(json);
        int len = pick(List.of(100_000, 3_000_000));
        note("insert " + len + " blanks at " + at);
        return json.substring(0, at) + " ".repeat(len) + json.substring(at);
    }

    // tokens: [start, end) of strings, numbers, literals and punctuation
    static List<int[]> tokens(String s) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
                i = Math.min(n, i + 1);
            } else if ("{}[]:,".indexOf(c) >= 0) {
                i++;
            } else {
                while (i < n && !Character.isWhitespace(s.charAt(i)) && "{}[]:,\"".indexOf(s.charAt(i)) < 0) i++;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    private int tokenBoundary(String json) {
        List<int[]> t = tokens(json);
        if (t.isEmpty()) return 0;
        int[] tok = pick(t);
        return r.nextBoolean() ? tok[0] : tok[1];
    }

    String tokenDelete(String json) {
        List<int[]> t = tokens(json);
        if (t.isEmpty()) return json;
        int[] tok = pick(t);
        note("delete token " + json.substring(tok[0], tok[1]) + " at " + tok[0]);
        return json.substring(0, tok[0]) + json.substring(tok[1]);
    }

    String tokenDuplicate(String json) {
        List<int[]> t = tokens(json);
        if (t.isEmpty()) return json;
        int[] tok = pick(t);
        String s = json.substring(tok[0], tok[1]);
        note("duplicate token " + s + " at " + tok[0]);
        return json.substring(0, tok[1]) + (r.nextBoolean() ? " " : "") + s + json.substring(tok[1]);
    }

    String tokenSwap(String json) {
        List<int[]> t = tokens(json);
        if (t.size() < 2) return json;
        int a = r.nextInt(t.size());
        int b = r.nextInt(t.size());
        if (a == b) return json;
        int[] x = t.get(Math.min(a, b));
        int[] y = t.get(Math.max(a, b));
        String xs = json.substring(x[0], x[1]);
        String ys = json.substring(y[0], y[1]);
        note("swap tokens " + xs + " and " + ys);
        return json.substring(0, x[0]) + ys + json.substring(x[1], y[0]) + xs + json.substring(y[1]);
    }

    String tokenReplaceNumber(String json) {
        List<int[]> nums = tokens(json).stream().filter(t -> {
            char c = json.charAt(t[0]);
            return c == '-' || Character.isDigit(c);
        }).toList();
        if (nums.isEmpty()) return tokenDelete(json);
        int[] tok = pick(nums);
        String to = pick(JSON_VALUES.subList(0, 60));
        note("number " + json.substring(tok[0], tok[1]) + " at " + tok[0] + " -> " + to);
        return json.substring(0, tok[0]) + to + json.substring(tok[1]);
    }

    String truncate(String text) {
        int at = r.nextInt(text.length() + 1);
        note("truncate at " + at + " of " + text.length());
        return text.substring(0, at);
    }

    String insertChar(String text) {
        String c = pick(ODD_CHARS);
        int at = r.nextInt(text.length() + 1);
        // do not split a surrogate pair (that would be invalid text, not a character inserted)
        if (at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))) at--;
        note("insert U+" + String.format("%04X", c.codePointAt(0)) + " at " + at);
        return text.substring(0, at) + c + text.substring(at);
    }

    byte[] insertBadUtf8(byte[] b) {
        byte[] bad = pick(BAD_UTF8);
        int at = r.nextInt(b.length + 1);
        note("insert invalid UTF-8 " + hex(bad) + " at byte " + at);
        byte[] out = new byte[b.length + bad.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(b, at, out, at + bad.length, b.length - at);
        return out;
    }

    byte[] flipBytes(byte[] b) {
        if (b.length == 0) return b;
        byte[] out = b.clone();
        int k = 1 + r.nextInt(3);
        StringBuilder d = new StringBuilder("flip bits at bytes");
        for (int i = 0; i < k; i++) {
            int at = r.nextInt(out.length);
            int mask = 1 << r.nextInt(8);
            out[at] ^= (byte) mask;
            d.append(' ').append(at).append("^").append(Integer.toHexString(mask));
        }
        note(d.toString());
        return out;
    }

    byte[] gzipMaybeBroken(byte[] b) {
        boolean xz = r.nextBoolean();
        byte[] gz = xz ? xz(b, r.nextInt(4)) : gzip(b);
        if (xz) {
            switch (r.nextInt(4)) {
                case 0 -> {
                    note("xz");
                    return gz;
                }
                case 1 -> {
                    int at = r.nextInt(gz.length);
                    note("xz, cut at byte " + at + " of " + gz.length);
                    return java.util.Arrays.copyOf(gz, at);
                }
                case 2 -> {
                    int k = 1 + r.nextInt(3);
                    StringBuilder d = new StringBuilder("xz, bytes corrupted:");
                    for (int i = 0; i < k; i++) {
                        int at = 6 + r.nextInt(gz.length - 6);
                        gz[at] ^= (byte) (1 + r.nextInt(255));
                        d.append(' ').append(at);
                    }
                    note(d + " of " + gz.length);
                    return gz;
                }
                default -> {
                    note("xz, then gzip");
                    return gzip(gz);
                }
            }
        }
        switch (r.nextInt(4)) {
            case 0 -> {
                note("gzip");
                return gz;
            }
            case 1 -> {
                int at = r.nextInt(gz.length);
                note("gzip, cut at byte " + at + " of " + gz.length);
                return java.util.Arrays.copyOf(gz, at);
            }
            case 2 -> {
                int at = 10 + r.nextInt(gz.length - 10);
                note("gzip, byte " + at + " of " + gz.length + " corrupted");
                gz[at] ^= (byte) (1 + r.nextInt(255));
                return gz;
            }
            default -> {
                note("gzip of gzip");
                return gzip(gz);
            }
        }
    }

    static byte[] gzip(byte[] b) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                gz.write(b);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** xz with one of several integrity checks (none, CRC32, CRC64, SHA-256). */
    static byte[] xz(byte[] b, int check) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            int[] checks = {org.tukaani.xz.XZ.CHECK_NONE, org.tukaani.xz.XZ.CHECK_CRC32, org.tukaani.xz.XZ.CHECK_CRC64, org.tukaani.xz.XZ.CHECK_SHA256};
            try (org.tukaani.xz.XZOutputStream xz = new org.tukaani.xz.XZOutputStream(bos, new org.tukaani.xz.LZMA2Options(1), checks[check])) {
                xz.write(b);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02X", x & 0xff));
        return sb.toString();
    }

    // ------------------------------------------------------------------ CSV

    /** One to three random mutations of a CSV file. */
    byte[] mutateCsv(String csv) {
        int rounds = r.nextInt(10) < 7 ? 1 : 2 + r.nextInt(2);
        String text = csv;
        byte[] bytes = null;
        for (int k = 0; k < rounds && bytes == null; k++) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int line = r.nextInt(lines.size());
            switch (r.nextInt(17)) {
                case 0 -> {
                    note("delete line " + (line + 1));
                    lines.remove(line);
                }
                case 1 -> {
                    note("duplicate line " + (line + 1));
                    lines.add(line, lines.get(line));
                }
                case 2 -> {
                    int other = r.nextInt(lines.size());
                    note("swap lines " + (line + 1) + " and " + (other + 1));
                    String t = lines.get(line);
                    lines.set(line, lines.get(other));
                    lines.set(other, t);
                }
                case 3 -> {
                    String f = pick(CSV_VALUES);
                    note("add field " + f + " to line " + (line + 1));
                    lines.set(line, r.nextBoolean() ? lines.get(line) + "," + f : f + "," + lines.get(line));
                }
                case 4 -> {
                    List<String> fs = new ArrayList<>(List.of(lines.get(line).split(",", -1)));
                    int at = r.nextInt(fs.size());
                    note("remove field " + (at + 1) + " of line " + (line + 1));
                    fs.remove(at);
                    lines.set(line, String.join(",", fs));
                }
                case 5 -> {
                    String blank = pick(List.of("", " ", "\t", " , ", ",", ",,", "\r", "\u0000", "\uFEFF"));
                    note("insert line " + FuzzInstanceInputTest.visible(blank) + " before line " + (line + 1));
                    lines.add(line, blank);
                }
                case 6, 7, 8 -> {
                    List<String> fs = new ArrayList<>(List.of(lines.get(line).split(",", -1)));
                    int at = r.nextInt(fs.size());
                    String f = r.nextInt(4) == 0 ? pick(JSON_VALUES) : pick(CSV_VALUES);
                    note("field " + (at + 1) + " of line " + (line + 1) + " -> " + FuzzInstanceInputTest.visible(f));
                    fs.set(at, f);
                    lines.set(line, String.join(",", fs));
                }
                case 9 -> {
                    List<String> fs = new ArrayList<>(List.of(lines.get(0).split(",", -1)));
                    int at = r.nextInt(fs.size());
                    String to = pick(List.of("", " ", fs.get(r.nextInt(fs.size())), fs.get(at).toUpperCase(), "\"" + fs.get(at) + "\"",
                            fs.get(at) + " ", "\"" + fs.get(at), fs.get(at) + "\u0000", "\uFEFF" + fs.get(at), "0"));
                    note("header column " + (at + 1) + " -> " + FuzzInstanceInputTest.visible(to));
                    fs.set(at, to);
                    lines.set(0, String.join(",", fs));
                }
                case 10 -> {
                    String eol = pick(List.of("\r\n", "\r", "\n\n", "\r\r\n", "\n\r"));
                    note("line ends " + FuzzInstanceInputTest.visible(eol));
                    text = String.join(eol, lines);
                    continue;
                }
                case 11 -> {
                    text = insertChar(text);
                    continue;
                }
                case 12 -> {
                    bytes = r.nextBoolean() ? insertBadUtf8(utf8(text)) : flipBytes(utf8(text));
                    continue;
                }
                case 13 -> {
                    text = truncate(text);
                    continue;
                }
                case 14 -> {
                    int len = pick(List.of(10_001, 100_000, 2_000_000));
                    boolean fields = r.nextBoolean();
                    note((fields ? "a row of " + len + " fields" : "a field of " + len + " digits") + " at line " + (line + 1));
                    lines.set(line, fields ? "0,".repeat(len) + "0" : "1".repeat(len));
                }
                case 15 -> {
                    note("trailing comma on every line");
                    lines.replaceAll(l -> l.isEmpty() ? l : l + ",");
                }
                default -> {
                    String whole = pick(List.of("", "\n", "\uFEFF", "\uFEFF\n", " \n \n", ",\n", "\"\n", "x1,x2,y", "y\n1\n"));
                    note("whole file " + FuzzInstanceInputTest.visible(whole));
                    text = whole;
                    continue;
                }
            }
            text = String.join("\n", lines);
        }
        if (bytes == null) bytes = utf8(text);
        if (r.nextInt(6) == 0) bytes = gzipMaybeBroken(bytes);
        return bytes;
    }

    // ------------------------------------------------------------------ meaning-preserving changes

    /** A JSON change that keeps the meaning (docs/FORMAT.md): the file must read as the same thing. */
    byte[] neutralJson(String json, Predicate<String> rationalPath) {
        switch (r.nextInt(8)) {
            case 0 -> {
                note("leading byte-order mark");
                return utf8("\uFEFF" + json);
            }
            case 1 -> {
                List<int[]> t = tokens(json);
                StringBuilder sb = new StringBuilder();
                int prev = 0;
                for (int[] tok : t) {
                    sb.append(json, prev, tok[0]);
                    if (r.nextInt(3) == 0) sb.append(pick(List.of(" ", "\t", "\n", "\r\n", "  \n\t")));
                    sb.append(json, tok[0], tok[1]);
                    prev = tok[1];
                }
                sb.append(json.substring(prev));
                note("extra whitespace between tokens");
                return utf8(sb.toString());
            }
            case 2 -> {
                note("CRLF line ends");
                return utf8(json.replace("\n", "\r\n"));
            }
            case 3 -> {
                note("compact (no whitespace between tokens)");
                StringBuilder sb = new StringBuilder();
                for (int[] tok : tokens(json)) sb.append(json, tok[0], tok[1]);
                return utf8(sb.toString());
            }
            case 4 -> {
                JsonNode root = parse(json);
                List<JsonNode> objects = new ArrayList<>();
                objects.add(root);
                for (Slot s : slots(root)) if (s.get().isObject()) objects.add(s.get());
                for (JsonNode o : objects) {
                    List<String> names = new ArrayList<>();
                    o.fieldNames().forEachRemaining(names::add);
                    java.util.Collections.shuffle(names, r);
                    ObjectNode on = (ObjectNode) o;
                    List<JsonNode> vals = names.stream().map(on::get).toList();
                    on.removeAll();
                    for (int i = 0; i < names.size(); i++) on.set(names.get(i), vals.get(i));
                }
                note("keys of every object shuffled");
                return utf8(write(root));
            }
            case 5 -> {
                boolean xz = r.nextBoolean();
                note(xz ? "xz" : "gzip");
                return xz ? xz(utf8(json), r.nextInt(4)) : gzip(utf8(json));
            }
            case 6 -> {
                // a string with some ASCII letters written as \\u escapes
                JsonNode root = parse(json);
                List<Slot> strings = slots(root).stream().filter(s -> s.get().isTextual() && !s.get().asText().isEmpty()).toList();
                if (strings.isEmpty()) return utf8(json);
                Slot s = pick(strings);
                StringBuilder esc = new StringBuilder("\"");
                for (char c : s.get().asText().toCharArray()) {
                    if (c == '"' || c == '\\' || c < 0x20 || r.nextBoolean()) esc.append(String.format("\\u%04x", (int) c));
                    else esc.append(c);
                }
                esc.append('"');
                note("string at " + s.path() + " written with \\u escapes: " + esc);
                s.set(TextNode.valueOf(MARK));
                return utf8(write(root).replace("\"" + MARK + "\"", esc.toString()));
            }
            default -> {
                // every exact number at a rational position respelt as an equal fraction string "p*k/q*k"
                JsonNode root = parse(json);
                List<Slot> nums = slots(root).stream().filter(s -> rationalPath.test(s.path())).filter(s -> exact(s.get()) != null).toList();
                if (nums.isEmpty()) return utf8(json);
                int k = 1 + r.nextInt(7);
                note("numbers at rational positions written as fractions (factor " + k + ")");
                List<String> texts = new ArrayList<>();
                for (Slot s : nums) {
                    BigDecimal d = exact(s.get());
                    BigInteger p = d.unscaledValue();
                    BigInteger q = BigInteger.ONE;
                    if (d.scale() > 0) q = BigInteger.TEN.pow(d.scale());
                    else p = p.multiply(BigInteger.TEN.pow(-d.scale()));
                    BigInteger kk = BigInteger.valueOf(k);
                    texts.add("\"" + p.multiply(kk) + "/" + q.multiply(kk) + "\"");
                    s.set(TextNode.valueOf(MARK + (texts.size() - 1) + "@"));
                }
                String out = write(root);
                for (int i = 0; i < texts.size(); i++) out = out.replace("\"" + MARK + i + "@\"", texts.get(i));
                return utf8(out);
            }
        }
    }

    /** The exact value of a JSON number or a plain decimal string, or null. */
    static BigDecimal exact(JsonNode n) {
        if (n.isNumber()) return n.decimalValue();
        if (n.isTextual() && n.asText().matches("-?[0-9]+(\\.[0-9]+)?")) return new BigDecimal(n.asText());
        return null;
    }

    /** A CSV change that keeps the meaning (docs/FORMAT.md, data from CSV). */
    byte[] neutralCsv(String csv, boolean columnsNamed) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\n", -1)));
        switch (r.nextInt(columnsNamed ? 8 : 7)) {
            case 0 -> {
                note("CRLF line ends");
                return utf8(csv.replace("\n", "\r\n"));
            }
            case 1 -> {
                note("leading byte-order mark");
                return utf8("\uFEFF" + csv);
            }
            case 2 -> {
                int at = 1 + r.nextInt(lines.size());
                note("blank line before line " + at);
                lines.add(at - 1, pick(List.of("", " ", "   ")));
            }
            case 3 -> {
                note("spaces around every field");
                lines.replaceAll(l -> l.isEmpty() ? l : " " + String.join(" ,  ", l.split(",", -1)) + " ");
            }
            case 4 -> {
                note("every field quoted");
                lines.replaceAll(l -> l.isEmpty() ? l : "\"" + String.join("\",\"", l.split(",", -1)) + "\"");
            }
            case 5 -> {
                boolean xz = r.nextBoolean();
                note(xz ? "xz" : "gzip");
                return xz ? xz(utf8(csv), r.nextInt(4)) : gzip(utf8(csv));
            }
            case 6 -> {
                int k = 2 + r.nextInt(5);
                note("data values written as fractions (factor " + k + ")");
                for (int i = 1; i < lines.size(); i++) {
                    if (lines.get(i).isEmpty()) continue;
                    List<String> out = new ArrayList<>();
                    for (String f : lines.get(i).split(",", -1)) {
                        BigDecimal d = new BigDecimal(f.trim());
                        BigInteger p = d.unscaledValue();
                        BigInteger q = d.scale() > 0 ? BigInteger.TEN.pow(d.scale()) : BigInteger.ONE;
                        if (d.scale() < 0) p = p.multiply(BigInteger.TEN.pow(-d.scale()));
                        out.add(p.multiply(BigInteger.valueOf(k)) + "/" + q.multiply(BigInteger.valueOf(k)));
                    }
                    lines.set(i, String.join(",", out));
                }
            }
            default -> {
                // columns named in the instance: their order in the file does not matter
                int cols = lines.get(0).split(",", -1).length;
                List<Integer> perm = new ArrayList<>();
                for (int c = 0; c < cols; c++) perm.add(c);
                java.util.Collections.shuffle(perm, r);
                note("columns reordered " + perm);
                lines.replaceAll(l -> {
                    if (l.isEmpty()) return l;
                    String[] f = l.split(",", -1);
                    List<String> o = new ArrayList<>();
                    for (int c : perm) o.add(f[c]);
                    return String.join(",", o);
                });
            }
        }
        return utf8(String.join("\n", lines));
    }
}
