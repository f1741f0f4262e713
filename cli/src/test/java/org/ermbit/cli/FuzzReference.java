package org.ermbit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * An independent reference for {@link FuzzInstanceInputTest}: reads an ermbit/1 instance and an
 * ermbit-witness/1 witness that ermbit accepted, straight from docs/FORMAT.md (its own number syntax,
 * domains, forward pass and losses, in its own exact fractions — nothing from core), and says whether
 * every witness value lies in its domain and what the exact loss is. It handles the NP-route subset
 * the fuzzer produces; anything else throws {@link Unsupported} and the check is skipped.
 */
final class FuzzReference {

    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String m) {
            super(m);
        }
    }

    /** An exact fraction p/q, q > 0, in lowest terms. */
    record Q(BigInteger p, BigInteger q) implements Comparable<Q> {
        static final Q ZERO = of(BigInteger.ZERO, BigInteger.ONE);
        static final Q ONE = of(BigInteger.ONE, BigInteger.ONE);

        static Q of(BigInteger p, BigInteger q) {
            if (q.signum() == 0) throw new Unsupported("zero denominator");
            if (q.signum() < 0) {
                p = p.negate();
                q = q.negate();
            }
            BigInteger g = p.gcd(q);
            if (g.signum() == 0) g = BigInteger.ONE;
            return new Q(p.divide(g), q.divide(g));
        }

        static Q of(long p) {
            return of(BigInteger.valueOf(p), BigInteger.ONE);
        }

        Q add(Q o) {
            return of(p.multiply(o.q).add(o.p.multiply(q)), q.multiply(o.q));
        }

        Q sub(Q o) {
            return add(o.neg());
        }

        Q mul(Q o) {
            return of(p.multiply(o.p), q.multiply(o.q));
        }

        Q neg() {
            return new Q(p.negate(), q);
        }

        Q abs() {
            return p.signum() < 0 ? neg() : this;
        }

        int signum() {
            return p.signum();
        }

        @Override
        public int compareTo(Q o) {
            return p.multiply(o.q).compareTo(o.p.multiply(q));
        }

        @Override
        public String toString() {
            return q.equals(BigInteger.ONE) ? p.toString() : p + "/" + q;
        }
    }

    /**
     * A number in the syntax of docs/FORMAT.md, Numbers: a JSON integer or decimal, or a string
     * holding an integer, a decimal, an exponent form or p/q (ASCII blanks around it tolerated).
     * Everything else (other characters, other types) is not a number.
     */
    static Optional<Q> number(JsonNode n) {
        if (n == null) return Optional.empty();
        if (n.isIntegralNumber()) return Optional.of(Q.of(n.bigIntegerValue(), BigInteger.ONE));
        if (n.isNumber()) return Optional.of(decimal(n.decimalValue()));
        if (!n.isTextual()) return Optional.empty();
        return number(n.asText());
    }

    static Optional<Q> number(String text) {
        String s = text.replaceAll("^[ \\t]+|[ \\t]+$", "");
        if (s.length() > 10_000) return Optional.empty();
        if (s.matches("[+-]?[0-9]+/[+-]?[0-9]+")) {
            String[] pq = s.split("/");
            BigInteger q = new BigInteger(pq[1]);
            if (q.signum() == 0) return Optional.empty();
            return Optional.of(Q.of(new BigInteger(pq[0]), q));
        }
        if (!s.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?")) return Optional.empty();
        int e = Math.max(s.indexOf('e'), s.indexOf('E'));
        if (e >= 0 && new BigInteger(s.substring(e + 1).replace("+", "")).abs().compareTo(BigInteger.valueOf(10_000)) > 0) {
            return Optional.empty();
        }
        return Optional.of(decimal(new BigDecimal(s)));
    }

    static Q decimal(BigDecimal d) {
        if (d.scale() <= 0) return Q.of(d.toBigIntegerExact(), BigInteger.ONE);
        return Q.of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    static Q num(JsonNode n) {
        return number(n).orElseThrow(() -> new Unsupported("not a number: " + n));
    }

    /** A parameter domain of docs/FORMAT.md. */
    record Dom(String kind, BigInteger a, BigInteger b, BigInteger q) {
        static Dom of(JsonNode n) {
            String kind = n.get("domain").asText();
            switch (kind) {
                case "fixed" -> {
                    int bits = n.get("bits").intValue();
                    int f = n.has("fraction_bits") ? n.get("fraction_bits").intValue() : 0;
                    BigInteger half = BigInteger.TWO.pow(bits - 1);
                    return new Dom(kind, half.negate(), half.subtract(BigInteger.ONE), BigInteger.TWO.pow(f));
                }
                case "grid" -> {
                    BigInteger q = n.has("denominator") ? integer(n.get("denominator")) : BigInteger.ONE;
                    return new Dom(kind, integer(n.get("min")), integer(n.get("max")), q);
                }
                case "rational" -> {
                    BigInteger m = BigInteger.TWO.pow(n.get("bits").intValue()).subtract(BigInteger.ONE);
                    return new Dom(kind, m, m, null);
                }
                default -> throw new Unsupported("domain " + kind);
            }
        }

        boolean contains(Q v) {
            if (kind.equals("rational")) return v.p().abs().compareTo(a) <= 0 && v.q().compareTo(b) <= 0;
            // v = k/q for an integer k in [a, b]
            BigInteger[] kr = v.p().multiply(q).divideAndRemainder(v.q());
            return kr[1].signum() == 0 && kr[0].compareTo(a) >= 0 && kr[0].compareTo(b) <= 0;
        }
    }

    static BigInteger integer(JsonNode n) {
        Q v = num(n);
        if (!v.q().equals(BigInteger.ONE)) throw new Unsupported("not an integer");
        return v.p();
    }

    /** The parts of an instance the reference needs. */
    record Instance(int inputs, List<Integer> units, List<JsonNode> activations, Dom weights, Dom biases, List<int[]> fixedRefs,
            List<Q> fixedValues, String loss, String aggregate, Q threshold, List<List<Q>> xs, List<List<Q>> ys) {
    }

    static Instance instance(Path file) throws java.io.IOException {
        JsonNode root = FuzzMutator.MAPPER.readTree(text(file));
        JsonNode net = root.get("network");
        List<Integer> units = new ArrayList<>();
        List<JsonNode> acts = new ArrayList<>();
        for (JsonNode l : net.get("layers")) {
            units.add(l.get("units").intValue());
            acts.add(l.get("activation"));
        }
        JsonNode par = root.get("parameters");
        Dom w = Dom.of(par.has("weights") ? par.get("weights") : par);
        Dom b = Dom.of(par.has("biases") ? par.get("biases") : par);
        List<int[]> refs = new ArrayList<>();
        List<Q> vals = new ArrayList<>();
        if (root.has("fixed")) {
            for (JsonNode f : root.get("fixed")) {
                boolean bias = f.has("bias") && f.get("bias").asBoolean();
                refs.add(new int[] {f.get("layer").intValue(), f.get("unit").intValue(), bias ? -1 : f.get("input").intValue()});
                vals.add(num(f.get("value")));
            }
        }
        JsonNode loss = root.get("loss");
        String type = loss.get("type").asText();
        String agg = loss.has("aggregate") ? loss.get("aggregate").asText() : type.equals("max_abs") ? "max" : "sum";
        List<List<Q>> xs = new ArrayList<>();
        List<List<Q>> ys = new ArrayList<>();
        JsonNode data = root.get("data");
        if (data.has("csv")) {
            csv(file.toAbsolutePath().getParent().resolve(data.get("csv").asText()), data, xs, ys);
        } else {
            for (JsonNode row : data.get("inputs")) xs.add(row(row));
            for (JsonNode row : data.get("targets")) ys.add(row(row));
        }
        return new Instance(net.get("inputs").intValue(), units, acts, w, b, refs, vals, type, agg, num(root.get("threshold")), xs, ys);
    }

    static List<Q> row(JsonNode row) {
        List<Q> out = new ArrayList<>();
        for (JsonNode v : row) out.add(num(v));
        return out;
    }

    /** The CSV dialect of docs/FORMAT.md, for the unmutated shipped files and their meaning-preserving variants. */
    static void csv(Path file, JsonNode data, List<List<Q>> xs, List<List<Q>> ys) throws java.io.IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : text(file).split("\r?\n")) {
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                String t = f[i].replaceAll("^[ \\t]+|[ \\t]+$", "");
                if (t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2) t = t.substring(1, t.length() - 1).replace("\"\"", "\"");
                f[i] = t;
            }
            rows.add(f);
        }
        List<String> header = List.of(rows.get(0));
        List<Integer> targets = new ArrayList<>();
        for (JsonNode t : data.get("targets")) targets.add(header.indexOf(t.asText()));
        List<Integer> inputs = new ArrayList<>();
        if (data.has("inputs")) {
            for (JsonNode t : data.get("inputs")) inputs.add(header.indexOf(t.asText()));
        } else {
            for (int c = 0; c < header.size(); c++) if (!targets.contains(c)) inputs.add(c);
        }
        for (String[] r : rows.subList(1, rows.size())) {
            List<Q> x = new ArrayList<>();
            for (int c : inputs) x.add(number(r[c]).orElseThrow(() -> new Unsupported("CSV value")));
            List<Q> y = new ArrayList<>();
            for (int c : targets) y.add(number(r[c]).orElseThrow(() -> new Unsupported("CSV value")));
            xs.add(x);
            ys.add(y);
        }
    }

    static String text(Path file) throws java.io.IOException {
        byte[] b = Files.readAllBytes(file);
        for (int layer = 0; layer < 1; layer++) { // one layer of compression, as docs/FORMAT.md says
            if (b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
                try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
                    b = in.readAllBytes();
                }
            } else if (b.length > 6 && (b[0] & 0xff) == 0xfd && b[1] == '7' && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z' && b[5] == 0) {
                try (var in = new org.tukaani.xz.XZInputStream(new java.io.ByteArrayInputStream(b))) {
                    b = in.readAllBytes();
                }
            } else {
                break;
            }
        }
        String s = new String(b, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** A witness's values: layers of rows of weights, and biases. */
    record Params(List<List<List<Q>>> weights, List<List<Q>> biases) {
    }

    /** The witness values, or empty if one is not a number in the documented syntax. */
    static Optional<Params> witness(Path file) throws java.io.IOException {
        JsonNode root = FuzzMutator.MAPPER.readTree(text(file));
        List<List<List<Q>>> w = new ArrayList<>();
        List<List<Q>> b = new ArrayList<>();
        for (JsonNode l : root.get("layers")) {
            List<List<Q>> rows = new ArrayList<>();
            for (JsonNode r : l.get("weights")) {
                List<Q> row = new ArrayList<>();
                for (JsonNode v : r) {
                    Optional<Q> q = number(v);
                    if (q.isEmpty()) return Optional.empty();
                    row.add(q.get());
                }
                rows.add(row);
            }
            List<Q> bs = new ArrayList<>();
            for (JsonNode v : l.get("biases")) {
                Optional<Q> q = number(v);
                if (q.isEmpty()) return Optional.empty();
                bs.add(q.get());
            }
            w.add(rows);
            b.add(bs);
        }
        return Optional.of(new Params(w, b));
    }

    /** Whether the witness has the network's shape. */
    static boolean shapeFits(Instance inst, Params p) {
        if (p.weights().size() != inst.units().size()) return false;
        int fanIn = inst.inputs();
        for (int l = 0; l < inst.units().size(); l++) {
            int u = inst.units().get(l);
            if (p.weights().get(l).size() != u || p.biases().get(l).size() != u) return false;
            for (List<Q> row : p.weights().get(l)) if (row.size() != fanIn) return false;
            fanIn = u;
        }
        return true;
    }

    /** The first parameter outside its domain or off its fixed value, as text; empty if none. */
    static Optional<String> domainProblem(Instance inst, Params p) {
        for (int l = 0; l < inst.units().size(); l++) {
            for (int i = 0; i < inst.units().get(l); i++) {
                List<Q> row = p.weights().get(l).get(i);
                for (int j = 0; j <= row.size(); j++) {
                    boolean bias = j == row.size();
                    Q v = bias ? p.biases().get(l).get(i) : row.get(j);
                    Q fixed = null;
                    for (int k = 0; k < inst.fixedRefs().size(); k++) {
                        int[] r = inst.fixedRefs().get(k);
                        if (r[0] == l + 1 && r[1] == i && r[2] == (bias ? -1 : j)) fixed = inst.fixedValues().get(k);
                    }
                    String where = "layer " + (l + 1) + " unit " + i + (bias ? " bias" : " input " + j) + " = " + v;
                    if (fixed != null && v.compareTo(fixed) != 0) return Optional.of(where + ", fixed to " + fixed);
                    if (fixed == null && !(bias ? inst.biases() : inst.weights()).contains(v)) return Optional.of(where + ", outside its domain");
                }
            }
        }
        return Optional.empty();
    }

    /** Every value of the domain, or null if there are more than {@code limit}. */
    static List<Q> values(Dom d, int limit) {
        List<Q> out = new ArrayList<>();
        if (d.kind().equals("rational")) {
            if (d.a().compareTo(BigInteger.valueOf(limit)) > 0) return null;
            int m = d.a().intValueExact();
            for (int q = 1; q <= m; q++) {
                for (int p = -m; p <= m; p++) {
                    if (BigInteger.valueOf(p).gcd(BigInteger.valueOf(q)).equals(BigInteger.ONE) || p == 0 && q == 1) out.add(Q.of(BigInteger.valueOf(p), BigInteger.valueOf(q)));
                    if (out.size() > limit) return null;
                }
            }
            return out;
        }
        if (d.b().subtract(d.a()).compareTo(BigInteger.valueOf(limit)) >= 0) return null;
        for (BigInteger k = d.a(); k.compareTo(d.b()) <= 0; k = k.add(BigInteger.ONE)) out.add(Q.of(k, d.q()));
        return out;
    }

    /**
     * The least exact loss over every parameter vector of the finite domain (fixed parameters at their
     * values), by enumeration; empty if there are more than {@code limit} vectors.
     */
    static Optional<Q> minimumLoss(Instance inst, long limit) {
        List<List<Q>> choices = new ArrayList<>();
        List<int[]> refs = new ArrayList<>();
        long count = 1;
        int fanIn = inst.inputs();
        for (int l = 0; l < inst.units().size(); l++) {
            for (int i = 0; i < inst.units().get(l); i++) {
                for (int j = 0; j <= fanIn; j++) {
                    boolean bias = j == fanIn;
                    int[] ref = {l + 1, i, bias ? -1 : j};
                    Q fixed = null;
                    for (int k = 0; k < inst.fixedRefs().size(); k++) {
                        if (java.util.Arrays.equals(inst.fixedRefs().get(k), ref)) fixed = inst.fixedValues().get(k);
                    }
                    List<Q> vs = fixed != null ? List.of(fixed) : values(bias ? inst.biases() : inst.weights(), (int) Math.min(limit, 100_000));
                    if (vs == null) return Optional.empty();
                    count *= vs.size();
                    if (count > limit) return Optional.empty();
                    choices.add(vs);
                    refs.add(ref);
                }
            }
            fanIn = inst.units().get(l);
        }
        int[] at = new int[choices.size()];
        Q best = null;
        while (true) {
            List<List<List<Q>>> w = new ArrayList<>();
            List<List<Q>> b = new ArrayList<>();
            int k = 0;
            int in = inst.inputs();
            for (int l = 0; l < inst.units().size(); l++) {
                List<List<Q>> rows = new ArrayList<>();
                List<Q> bs = new ArrayList<>();
                for (int i = 0; i < inst.units().get(l); i++) {
                    List<Q> row = new ArrayList<>();
                    for (int j = 0; j < in; j++) row.add(choices.get(k).get(at[k++]));
                    bs.add(choices.get(k).get(at[k++]));
                    rows.add(row);
                }
                w.add(rows);
                b.add(bs);
                in = inst.units().get(l);
            }
            Q loss = loss(inst, new Params(w, b));
            if (best == null || loss.compareTo(best) < 0) best = loss;
            int d = 0;
            while (d < at.length && ++at[d] == choices.get(d).size()) at[d++] = 0;
            if (d == at.length) return Optional.of(best);
        }
    }

    /** A value drawn from the domain (both ends likelier than the rest). */
    static Q random(Dom d, java.util.Random r) {
        if (d.kind().equals("rational")) {
            BigInteger m = d.a();
            BigInteger p = between(m.negate(), m, r);
            BigInteger q = between(BigInteger.ONE, m, r);
            return Q.of(p, q);
        }
        return Q.of(between(d.a(), d.b(), r), d.q());
    }

    static BigInteger between(BigInteger lo, BigInteger hi, java.util.Random r) {
        int pick = r.nextInt(6);
        if (pick == 0) return lo;
        if (pick == 1) return hi;
        BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
        return lo.add(new BigInteger(span.bitLength() + 8, r).mod(span));
    }

    /** An ermbit-witness/1 text with every free parameter drawn from its domain and every fixed one at its value. */
    static String randomWitness(Instance inst, java.util.Random r) {
        StringBuilder sb = new StringBuilder("{\"format\": \"ermbit-witness/1\", \"instance\": \"reference\", \"layers\": [");
        int fanIn = inst.inputs();
        for (int l = 0; l < inst.units().size(); l++) {
            List<String> rows = new ArrayList<>();
            List<String> biases = new ArrayList<>();
            for (int i = 0; i < inst.units().get(l); i++) {
                List<String> row = new ArrayList<>();
                for (int j = 0; j <= fanIn; j++) {
                    boolean bias = j == fanIn;
                    int[] ref = {l + 1, i, bias ? -1 : j};
                    Q v = null;
                    for (int k = 0; k < inst.fixedRefs().size(); k++) {
                        if (java.util.Arrays.equals(inst.fixedRefs().get(k), ref)) v = inst.fixedValues().get(k);
                    }
                    if (v == null) v = random(bias ? inst.biases() : inst.weights(), r);
                    String text = "\"" + v + "\"";
                    if (bias) biases.add(text);
                    else row.add(text);
                }
                rows.add("[" + String.join(", ", row) + "]");
            }
            sb.append(l == 0 ? "" : ", ").append("{\"weights\": [").append(String.join(", ", rows)).append("], \"biases\": [")
                    .append(String.join(", ", biases)).append("]}");
            fanIn = inst.units().get(l);
        }
        return sb.append("]}\n").toString();
    }

    /** The exact loss of docs/FORMAT.md, "loss and threshold". */
    static Q loss(Instance inst, Params p) {
        Q total = Q.ZERO;
        for (int n = 0; n < inst.xs().size(); n++) {
            List<Q> h = inst.xs().get(n);
            for (int l = 0; l < inst.units().size(); l++) {
                List<Q> next = new ArrayList<>();
                for (int i = 0; i < inst.units().get(l); i++) {
                    Q z = p.biases().get(l).get(i);
                    for (int j = 0; j < h.size(); j++) z = z.add(p.weights().get(l).get(i).get(j).mul(h.get(j)));
                    next.add(activate(inst.activations().get(l), z));
                }
                h = next;
            }
            List<Q> y = inst.ys().get(n);
            Q point = Q.ZERO;
            for (int o = 0; o < y.size(); o++) {
                Q d = h.get(o).sub(y.get(o));
                Q term = switch (inst.loss()) {
                    case "squared" -> d.mul(d);
                    case "absolute", "max_abs" -> d.abs();
                    case "zero_one" -> h.get(o).signum() != y.get(o).signum() || h.get(o).signum() == 0 ? Q.ONE : Q.ZERO;
                    case "hinge" -> {
                        Q m = Q.ONE.sub(y.get(o).mul(h.get(o)));
                        yield m.signum() > 0 ? m : Q.ZERO;
                    }
                    default -> throw new Unsupported("loss " + inst.loss());
                };
                point = inst.loss().equals("max_abs") ? (term.compareTo(point) > 0 ? term : point) : point.add(term);
            }
            total = inst.aggregate().equals("max") ? (point.compareTo(total) > 0 ? point : total) : total.add(point);
        }
        if (inst.aggregate().equals("mean")) total = total.mul(Q.of(BigInteger.ONE, BigInteger.valueOf(inst.xs().size())));
        return total;
    }

    static Q activate(JsonNode a, Q z) {
        String t = a.isTextual() ? a.asText() : a.get("type").asText();
        return switch (t) {
            case "relu" -> z.signum() > 0 ? z : Q.ZERO;
            case "identity" -> z;
            case "hardtanh" -> z.compareTo(Q.ONE) > 0 ? Q.ONE : z.compareTo(Q.ONE.neg()) < 0 ? Q.ONE.neg() : z;
            case "leaky_relu" -> z.signum() > 0 ? z : z.mul(num(a.get("alpha")));
            case "polynomial" -> {
                Q s = Q.ZERO;
                Q pow = Q.ONE;
                for (JsonNode c : a.get("coefficients")) {
                    s = s.add(num(c).mul(pow));
                    pow = pow.mul(z);
                }
                yield s;
            }
            default -> throw new Unsupported("activation " + t);
        };
    }
}
