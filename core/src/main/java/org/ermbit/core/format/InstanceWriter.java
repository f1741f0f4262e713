package org.ermbit.core.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Expected;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.number.Rational;

/**
 * Writes instances as canonical {@code ermbit/1} JSON: fixed key order, two-space indentation,
 * data inline (one row per line), rationals as JSON integers or {@code "p/q"} strings. Reading the
 * output with {@link InstanceReader} gives back an equal instance.
 */
public final class InstanceWriter {

    private InstanceWriter() {
    }

    /** The canonical JSON text (ending with a newline). */
    public static String toJson(ErmInstance inst) {
        List<String> fields = new ArrayList<>();
        fields.add(kv("format", JsonText.quote(InstanceReader.FORMAT)));
        fields.add(kv("name", JsonText.quote(inst.name())));
        inst.description().ifPresent(d -> fields.add(kv("description", JsonText.quote(d))));
        String layers = JsonText.block(inst.architecture().layers(), InstanceWriter::layer, 4);
        fields.add(kv("network", "{\n    \"inputs\": " + inst.architecture().inputs() + ",\n    \"layers\": " + layers + "\n  }"));
        fields.add(kv("parameters", inst.domains().isUniform() ? domain(inst.domains().weights())
                : "{\"weights\": " + domain(inst.domains().weights()) + ", \"biases\": " + domain(inst.domains().biases()) + "}"));
        if (!inst.fixed().isEmpty()) fields.add(kv("fixed", JsonText.block(inst.fixed(), InstanceWriter::fixed, 2)));
        fields.add(kv("loss", "{\"type\": " + JsonText.quote(inst.loss().type().jsonName()) + ", \"aggregate\": "
                + JsonText.quote(inst.loss().aggregate().jsonName()) + "}"));
        fields.add(kv("threshold", JsonText.rational(inst.threshold())));
        String xs = JsonText.block(inst.data().inputs(), r -> JsonText.inline(r, JsonText::rational), 4);
        String ys = JsonText.block(inst.data().targets(), r -> JsonText.inline(r, JsonText::rational), 4);
        fields.add(kv("data", "{\n    \"inputs\": " + xs + ",\n    \"targets\": " + ys + "\n  }"));
        inst.expected().ifPresent(e -> fields.add(kv("expected", expected(e))));
        return "{\n  " + String.join(",\n  ", fields) + "\n}\n";
    }

    /** Writes {@link #toJson} to {@code file} (UTF-8). */
    public static void write(ErmInstance inst, Path file) {
        try {
            AtomicFiles.write(file, toJson(inst).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String kv(String key, String value) {
        return JsonText.quote(key) + ": " + value;
    }

    private static String layer(LayerSpec s) {
        return "{\"units\": " + s.units() + ", \"activation\": " + activation(s.activation()) + "}";
    }

    static String activation(Activation a) {
        if (a instanceof Activation.LeakyRelu lr) {
            return "{\"type\": \"leaky_relu\", \"alpha\": " + JsonText.quote(lr.alpha().toString()) + "}";
        }
        if (a instanceof Activation.Polynomial p) {
            return "{\"type\": \"polynomial\", \"coefficients\": "
                    + JsonText.inline(p.coefficients(), c -> JsonText.quote(c.toString())) + "}";
        }
        return JsonText.quote(a.typeName());
    }

    static String domain(Domain d) {
        if (d instanceof Domain.FixedPoint f) {
            return "{\"domain\": \"fixed\", \"bits\": " + f.bits() + ", \"fraction_bits\": " + f.fractionBits() + "}";
        }
        if (d instanceof Domain.Grid g) {
            return "{\"domain\": \"grid\", \"denominator\": " + JsonText.rational(Rational.of(g.denominator())) + ", \"min\": "
                    + JsonText.rational(Rational.of(g.low())) + ", \"max\": " + JsonText.rational(Rational.of(g.high())) + "}";
        }
        Domain.RationalBits r = (Domain.RationalBits) d;
        return "{\"domain\": \"rational\", \"bits\": " + r.bits() + "}";
    }

    private static String fixed(FixedParameter f) {
        var r = f.ref();
        String where = r.isBias() ? "\"bias\": true" : "\"input\": " + r.input();
        return "{\"layer\": " + r.layer() + ", \"unit\": " + r.unit() + ", " + where + ", \"value\": " + JsonText.rational(f.value()) + "}";
    }

    private static String expected(Expected e) {
        if (e instanceof Expected.Sat) return "\"sat\"";
        if (e instanceof Expected.Unsat) return "\"unsat\"";
        return "{\"optimum\": " + JsonText.quote(((Expected.Optimum) e).value().toString()) + "}";
    }
}
