package org.ermbit.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.model.Witness;
import org.ermbit.core.number.Rational;

/**
 * Reads {@code ermbit-witness/1} files (docs/FORMAT.md): checks the JSON itself (keys, types,
 * exact numbers, one bias per weight row). Whether the witness fits an instance's network is
 * checked by {@link #requireShape}; whether it lies in the domains and reaches the threshold is the
 * verifier's job.
 */
public final class WitnessReader {

    /** The value of the {@code format} key. */
    public static final String FORMAT = "ermbit-witness/1";

    private WitnessReader() {
    }

    /** Reads and validates a witness file. */
    public static Witness read(Path file) {
        return parse(JsonInput.readText(file, "an ermbit-witness/1 file"), file.toString());
    }

    /** Parses witness JSON; {@code fileLabel} names the source in error messages. */
    public static Witness parse(String json, String fileLabel) {
        JsonInput in = new JsonInput(fileLabel);
        JsonNode root = in.parseObject(json);
        if (!root.has("format")) throw in.error("$", "missing required key \"format\" (expected \"" + FORMAT + "\")");
        String format = in.string(root.get("format"), "$.format");
        if (!FORMAT.equals(format)) {
            throw in.error("$.format", "unsupported witness format " + JsonInput.quote(format) + ", expected \"" + FORMAT + "\"");
        }
        in.keys(root, "$", List.of("format", "instance", "layers"), List.of("loss"));
        String instance = in.singleLine(root.get("instance"), "$.instance", "the instance name");
        JsonNode layers = in.nonEmptyArray(root.get("layers"), "$.layers");
        List<LayerParameters> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            String p = "$.layers[" + l + "]";
            JsonNode ln = layers.get(l);
            in.keys(ln, p, List.of("weights", "biases"), List.of());
            JsonNode w = in.nonEmptyArray(ln.get("weights"), p + ".weights");
            List<Rational> biases = in.rationals(ln.get("biases"), p + ".biases");
            if (biases.size() != w.size()) {
                throw in.error(p + ".biases", "has " + Counted.of(biases.size(), "entry", "entries") + " but " + p + ".weights has " + Counted.of(w.size(), "row"));
            }
            List<List<Rational>> rows = new ArrayList<>();
            for (int i = 0; i < w.size(); i++) rows.add(in.rationals(w.get(i), p + ".weights[" + i + "]"));
            out.add(new LayerParameters(rows, biases));
        }
        Optional<Rational> loss = root.has("loss") ? Optional.of(in.rational(root.get("loss"), "$.loss")) : Optional.empty();
        return new Witness(instance, new NetworkParameters(out), loss);
    }

    /**
     * Fails with an {@link InputException} at the first place where the witness does not have the
     * shape of {@code a} (number of layers, units per layer, weights per unit).
     */
    public static void requireShape(Witness w, Architecture a, String fileLabel) {
        JsonInput in = new JsonInput(fileLabel);
        NetworkParameters p = w.parameters();
        if (p.layers().size() != a.depth()) {
            throw in.error("$.layers", "has " + Counted.of(p.layers().size(), "layer") + ", the instance's network has " + a.depth());
        }
        for (int l = 1; l <= a.depth(); l++) {
            String at = "$.layers[" + (l - 1) + "]";
            LayerParameters lp = p.layer(l);
            if (lp.units() != a.layer(l).units()) {
                throw in.error(at + ".weights", "has " + Counted.of(lp.units(), "row (unit)", "rows (units)") + ", the instance's layer " + l
                        + " has " + Counted.of(a.layer(l).units(), "unit"));
            }
            for (int i = 0; i < lp.units(); i++) {
                if (lp.weights().get(i).size() != a.fanIn(l)) {
                    throw in.error(at + ".weights[" + i + "]", "has " + Counted.of(lp.weights().get(i).size(), "entry", "entries")
                            + ", the instance's layer " + l + " has " + Counted.of(a.fanIn(l), "input") + " per unit");
                }
            }
        }
    }

    /**
     * Fails with an {@link InputException} at the first parameter (as a JSON path into the witness)
     * that lies outside its domain or differs from the value the instance fixes it to. The witness
     * must already have the instance's shape ({@link #requireShape}).
     */
    public static void requireInDomains(Witness w, ErmInstance inst, String fileLabel) {
        List<Verifier.DomainViolation> bad = Verifier.domainViolations(inst, w.parameters());
        if (bad.isEmpty()) return;
        Verifier.DomainViolation v = bad.get(0);
        String more = bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : "";
        throw new JsonInput(fileLabel).error(path(v.ref()), "value " + v.value().abbreviated(60) + " " + v.message() + more);
    }

    /** The JSON path of a parameter inside a witness file. */
    public static String path(ParameterRef r) {
        String layer = "$.layers[" + (r.layer() - 1) + "]";
        return r.isBias() ? layer + ".biases[" + r.unit() + "]" : layer + ".weights[" + r.unit() + "][" + r.input() + "]";
    }
}
