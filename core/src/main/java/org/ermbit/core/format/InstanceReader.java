package org.ermbit.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Expected;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;

/**
 * Reads {@code ermbit/1} instance files (docs/FORMAT.md). Every problem — malformed JSON, unknown
 * or missing keys, wrong types or arities, bad numbers, values past the documented caps — becomes
 * an {@link InputException} naming the file and the JSON path.
 */
public final class InstanceReader {

    /** The value of the {@code format} key. */
    public static final String FORMAT = "ermbit/1";
    /** Largest number of layers. */
    public static final int MAX_LAYERS = 1_000;
    /** Largest number of inputs or of units in one layer. */
    public static final int MAX_UNITS = 1_000_000;
    /** Largest total number of weights and biases. */
    public static final long MAX_PARAMETERS = 10_000_000L;
    /** Largest number of polynomial coefficients (degree ≤ 64). */
    public static final int MAX_COEFFICIENTS = 65;
    /** Largest accepted instance file, in bytes (docs/FORMAT.md, Caps). */
    public static final long MAX_FILE_BYTES = InputFiles.MAX_BYTES;

    private static final List<String> TOP_REQUIRED = List.of("format", "name", "network", "parameters", "loss", "threshold", "data");
    private static final List<String> TOP_OPTIONAL = List.of("description", "fixed", "expected");

    private final JsonInput in;
    private final Path baseDir;

    private InstanceReader(String fileLabel, Path baseDir) {
        this.in = new JsonInput(fileLabel);
        this.baseDir = baseDir;
    }

    /**
     * Why this reader would refuse a network with {@code inputs} inputs and layers of {@code units}
     * units (past {@link #MAX_LAYERS}, {@link #MAX_UNITS} or {@link #MAX_PARAMETERS}), or empty: for
     * programs that build instances, so that they can refuse sizes before building anything.
     */
    public static java.util.Optional<String> networkSizeProblem(int inputs, int... units) {
        if (units.length > MAX_LAYERS) return java.util.Optional.of("more than " + MAX_LAYERS + " layers");
        long params = 0;
        long fanIn = inputs;
        if (inputs > MAX_UNITS) return java.util.Optional.of(inputs + " inputs, more than " + MAX_UNITS);
        for (int u : units) {
            if (u > MAX_UNITS) return java.util.Optional.of("a layer of " + u + " units, more than " + MAX_UNITS);
            params += u * (fanIn + 1);
            if (params > MAX_PARAMETERS) return java.util.Optional.of("more than " + MAX_PARAMETERS + " parameters");
            fanIn = u;
        }
        return java.util.Optional.empty();
    }

    /** Reads and validates an instance file; CSV data paths resolve against the file's directory. */
    public static ErmInstance read(Path file) {
        String text = JsonInput.readText(file, "an ermbit/1 instance file");
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir == null ? Path.of(".") : dir);
    }

    /**
     * Parses instance JSON. {@code fileLabel} names the source in error messages; {@code baseDir}
     * resolves relative CSV paths.
     */
    public static ErmInstance parse(String json, String fileLabel, Path baseDir) {
        return new InstanceReader(fileLabel, baseDir).instance(in(fileLabel).parseObject(json));
    }

    private static JsonInput in(String label) {
        return new JsonInput(label);
    }

    private ErmInstance instance(JsonNode root) {
        // check the format first so that a different version gets a clear message rather than key noise
        if (!root.has("format")) throw in.error("$", "missing required key \"format\" (expected \"" + FORMAT + "\")");
        String format = in.string(root.get("format"), "$.format");
        if (!FORMAT.equals(format)) {
            throw in.error("$.format", "unsupported format " + JsonInput.quote(format) + ", expected \"" + FORMAT + "\"");
        }
        in.keys(root, "$", TOP_REQUIRED, TOP_OPTIONAL);
        String name = in.singleLine(root.get("name"), "$.name", "name");
        if (name.isBlank()) throw in.error("$.name", "name must not be empty");
        Optional<String> description = root.has("description")
                ? Optional.of(in.string(root.get("description"), "$.description")) : Optional.empty();
        Architecture arch = network(root.get("network"));
        ParameterDomains domains = parameters(root.get("parameters"));
        Loss loss = loss(root.get("loss"));
        Rational threshold = in.rational(root.get("threshold"), "$.threshold");
        Dataset data = data(root.get("data"), arch);
        checkTargets(data, arch, loss);
        List<FixedParameter> fixed = root.has("fixed") ? fixed(root.get("fixed"), arch) : List.of();
        Optional<Expected> expected = root.has("expected") ? Optional.of(expected(root.get("expected"))) : Optional.empty();
        try {
            return new ErmInstance(name, description, arch, domains, fixed, loss, threshold, data, expected);
        } catch (IllegalArgumentException e) {
            throw in.error("$", e.getMessage()); // every case is checked above with a precise path
        }
    }

    private Architecture network(JsonNode n) {
        in.keys(n, "$.network", List.of("inputs", "layers"), List.of());
        int inputs = in.intIn(n.get("inputs"), "$.network.inputs", 1, MAX_UNITS);
        JsonNode layers = in.nonEmptyArray(n.get("layers"), "$.network.layers");
        if (layers.size() > MAX_LAYERS) throw in.error("$.network.layers", "more than " + MAX_LAYERS + " layers");
        List<LayerSpec> specs = new ArrayList<>();
        long params = 0;
        int fanIn = inputs;
        for (int l = 0; l < layers.size(); l++) {
            String p = "$.network.layers[" + l + "]";
            JsonNode ln = layers.get(l);
            in.keys(ln, p, List.of("units", "activation"), List.of());
            int units = in.intIn(ln.get("units"), p + ".units", 1, MAX_UNITS);
            Activation act = activation(ln.get("activation"), p + ".activation");
            params += (long) units * (fanIn + 1);
            if (params > MAX_PARAMETERS) {
                throw in.error(p + ".units", "the network has more than " + MAX_PARAMETERS + " parameters");
            }
            specs.add(new LayerSpec(units, act));
            fanIn = units;
        }
        return new Architecture(inputs, specs);
    }

    private Activation activation(JsonNode n, String path) {
        if (n != null && n.isTextual()) {
            String t = n.asText();
            return switch (t) {
                case "relu" -> new Activation.Relu();
                case "hardtanh" -> new Activation.HardTanh();
                case "identity" -> new Activation.Identity();
                case "leaky_relu", "polynomial" -> throw in.error(path, "activation \"" + t
                        + "\" needs parameters: use an object, e.g. " + (t.equals("leaky_relu")
                        ? "{\"type\": \"leaky_relu\", \"alpha\": \"1/10\"}" : "{\"type\": \"polynomial\", \"coefficients\": [\"0\", \"0\", \"1\"]}"));
                default -> throw unknownActivation(path, t);
            };
        }
        if (n == null || !n.isObject()) throw in.error(path, "expected an activation name or object, got " + JsonInput.describe(n));
        if (!n.has("type")) throw in.error(path, "missing required key \"type\"");
        String t = in.string(n.get("type"), path + ".type");
        switch (t) {
            case "relu", "hardtanh", "identity" -> {
                in.keys(n, path, List.of("type"), List.of());
                return activation(n.get("type"), path + ".type");
            }
            case "leaky_relu" -> {
                in.keys(n, path, List.of("type", "alpha"), List.of());
                Rational alpha = in.rational(n.get("alpha"), path + ".alpha");
                if (alpha.signum() <= 0 || alpha.compareTo(Rational.ONE) >= 0) {
                    throw in.error(path + ".alpha", "leaky_relu alpha must satisfy 0 < alpha < 1, got " + JsonInput.value(alpha));
                }
                return new Activation.LeakyRelu(alpha);
            }
            case "polynomial" -> {
                in.keys(n, path, List.of("type", "coefficients"), List.of());
                List<Rational> c = in.rationals(n.get("coefficients"), path + ".coefficients");
                if (c.size() > MAX_COEFFICIENTS) {
                    throw in.error(path + ".coefficients", "more than " + MAX_COEFFICIENTS + " coefficients (degree cap "
                            + (MAX_COEFFICIENTS - 1) + ")");
                }
                return new Activation.Polynomial(c);
            }
            default -> throw unknownActivation(path + ".type", t);
        }
    }

    private InputException unknownActivation(String path, String t) {
        return in.error(path, "unknown activation " + JsonInput.quote(t) + " (known: relu, leaky_relu, hardtanh, identity, polynomial)");
    }

    private ParameterDomains parameters(JsonNode n) {
        in.requireObject(n, "$.parameters");
        if (n.has("weights") || n.has("biases")) {
            in.keys(n, "$.parameters", List.of("weights", "biases"), List.of());
            return new ParameterDomains(domain(n.get("weights"), "$.parameters.weights"),
                    domain(n.get("biases"), "$.parameters.biases"));
        }
        return ParameterDomains.uniform(domain(n, "$.parameters"));
    }

    private Domain domain(JsonNode n, String path) {
        in.requireObject(n, path);
        if (!n.has("domain")) {
            throw in.error(path, "missing required key \"domain\" (one of fixed, grid, rational; or give \"weights\" and \"biases\")");
        }
        String type = in.string(n.get("domain"), path + ".domain");
        switch (type) {
            case "fixed" -> {
                in.keys(n, path, List.of("domain", "bits"), List.of("fraction_bits"));
                int bits = bits(n.get("bits"), path + ".bits");
                int frac = n.has("fraction_bits") ? intIn(n.get("fraction_bits"), path + ".fraction_bits", 0, Domain.MAX_BITS) : 0;
                return new Domain.FixedPoint(bits, frac);
            }
            case "grid" -> {
                in.keys(n, path, List.of("domain", "min", "max"), List.of("denominator"));
                var q = n.has("denominator") ? in.bigInteger(n.get("denominator"), path + ".denominator") : java.math.BigInteger.ONE;
                if (q.signum() <= 0) throw in.error(path + ".denominator", "grid denominator must be positive, got " + JsonInput.value(Rational.of(q)));
                if (q.bitLength() > Domain.MAX_BITS) throw in.error(path + ".denominator", "denominator exceeds the cap of " + Domain.MAX_BITS + " bits");
                var lo = in.bigInteger(n.get("min"), path + ".min");
                var hi = in.bigInteger(n.get("max"), path + ".max");
                if (lo.abs().bitLength() > Domain.MAX_BITS) throw in.error(path + ".min", "min exceeds the cap of " + Domain.MAX_BITS + " bits");
                if (hi.abs().bitLength() > Domain.MAX_BITS) throw in.error(path + ".max", "max exceeds the cap of " + Domain.MAX_BITS + " bits");
                if (lo.compareTo(hi) > 0) throw in.error(path, "grid is empty: min " + lo + " > max " + hi);
                return new Domain.Grid(q, lo, hi);
            }
            case "rational" -> {
                in.keys(n, path, List.of("domain", "bits"), List.of());
                return new Domain.RationalBits(bits(n.get("bits"), path + ".bits"));
            }
            default -> throw in.error(path + ".domain", "unknown domain " + JsonInput.quote(type) + " (known: fixed, grid, rational)");
        }
    }

    private int bits(JsonNode n, String path) {
        return intIn(n, path, 1, Domain.MAX_BITS);
    }

    private int intIn(JsonNode n, String path, int min, int max) {
        return in.intIn(n, path, min, max);
    }

    private Loss loss(JsonNode n) {
        in.keys(n, "$.loss", List.of("type"), List.of("aggregate"));
        String t = in.string(n.get("type"), "$.loss.type");
        LossType type = null;
        for (LossType lt : LossType.values()) if (lt.jsonName().equals(t)) type = lt;
        if (type == null) throw in.error("$.loss.type", "unknown loss " + JsonInput.quote(t) + " (known: squared, absolute, max_abs, zero_one, hinge)");
        Aggregate agg = Loss.defaultAggregate(type);
        if (n.has("aggregate")) {
            String a = in.string(n.get("aggregate"), "$.loss.aggregate");
            agg = null;
            for (Aggregate ag : Aggregate.values()) if (ag.jsonName().equals(a)) agg = ag;
            if (agg == null) throw in.error("$.loss.aggregate", "unknown aggregate " + JsonInput.quote(a) + " (known: sum, mean, max)");
        }
        try {
            return new Loss(type, agg);
        } catch (IllegalArgumentException e) {
            throw in.error("$.loss.aggregate", e.getMessage());
        }
    }

    private Dataset data(JsonNode n, Architecture arch) {
        in.requireObject(n, "$.data");
        if (n.has("csv")) return CsvData.read(in, n, baseDir, arch);
        in.keys(n, "$.data", List.of("inputs", "targets"), List.of());
        JsonNode xs = in.nonEmptyArray(n.get("inputs"), "$.data.inputs");
        JsonNode ys = in.array(n.get("targets"), "$.data.targets");
        if (xs.size() != ys.size()) {
            throw in.error("$.data.targets", "has " + Counted.of(ys.size(), "row") + " but $.data.inputs has " + xs.size());
        }
        List<List<Rational>> inputs = new ArrayList<>();
        List<List<Rational>> targets = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            inputs.add(row(xs.get(i), "$.data.inputs[" + i + "]", arch.inputs(), "input"));
            targets.add(row(ys.get(i), "$.data.targets[" + i + "]", arch.outputs(), "output"));
        }
        return new Dataset(inputs, targets);
    }

    private List<Rational> row(JsonNode n, String path, int arity, String what) {
        in.array(n, path);
        if (n.size() != arity) throw in.error(path, "has " + Counted.of(n.size(), "entry", "entries") + ", the network has " + Counted.of(arity, what));
        List<Rational> out = new ArrayList<>(arity);
        for (int j = 0; j < arity; j++) out.add(in.rational(n.get(j), path + "[" + j + "]"));
        return out;
    }

    private void checkTargets(Dataset data, Architecture arch, Loss loss) {
        if (!loss.type().isClassification()) return;
        if (arch.outputs() != 1) {
            throw in.error("$.network.layers[" + (arch.depth() - 1) + "].units",
                    loss.type().jsonName() + " loss needs exactly one output, the last layer has " + arch.outputs() + " units");
        }
        for (int i = 0; i < data.size(); i++) {
            Rational y = data.targets().get(i).get(0);
            if (!y.equals(Rational.ONE) && !y.equals(Rational.MINUS_ONE)) {
                throw in.error("$.data.targets[" + i + "][0]", loss.type().jsonName() + " loss needs targets 1 or -1, got " + JsonInput.value(y));
            }
        }
    }

    private List<FixedParameter> fixed(JsonNode n, Architecture a) {
        in.array(n, "$.fixed");
        List<FixedParameter> out = new ArrayList<>();
        Set<ParameterRef> seen = new HashSet<>();
        for (int k = 0; k < n.size(); k++) {
            String p = "$.fixed[" + k + "]";
            JsonNode f = n.get(k);
            in.keys(f, p, List.of("layer", "unit", "value"), List.of("input", "bias"));
            int layer = in.intIn(f.get("layer"), p + ".layer", 1, a.depth());
            int unit = in.intIn(f.get("unit"), p + ".unit", 0, a.layer(layer).units() - 1);
            boolean bias = f.has("bias") && in.bool(f.get("bias"), p + ".bias");
            ParameterRef ref;
            if (bias) {
                if (f.has("input")) throw in.error(p, "give either \"input\" or \"bias\": true, not both");
                ref = ParameterRef.bias(layer, unit);
            } else {
                if (!f.has("input")) throw in.error(p, "missing required key \"input\" (or \"bias\": true)");
                ref = ParameterRef.weight(layer, unit, in.intIn(f.get("input"), p + ".input", 0, a.fanIn(layer) - 1));
            }
            if (!seen.add(ref)) throw in.error(p, "parameter " + ref + " is fixed twice");
            out.add(new FixedParameter(ref, in.rational(f.get("value"), p + ".value")));
        }
        return out;
    }

    private Expected expected(JsonNode n) {
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "sat" -> new Expected.Sat();
                case "unsat" -> new Expected.Unsat();
                default -> throw in.error("$.expected", "expected \"sat\", \"unsat\" or {\"optimum\": \"p/q\"}, got " + JsonInput.quote(n.asText()));
            };
        }
        if (!n.isObject()) throw in.error("$.expected", "expected \"sat\", \"unsat\" or {\"optimum\": \"p/q\"}, got " + JsonInput.describe(n));
        in.keys(n, "$.expected", List.of("optimum"), List.of());
        return new Expected.Optimum(in.rational(n.get("optimum"), "$.expected.optimum"));
    }
}
