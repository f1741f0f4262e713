package org.ermbit.core.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.Witness;
import org.ermbit.core.number.Rational;

/**
 * Writes witnesses as canonical {@code ermbit-witness/1} JSON; every value is an exact
 * {@code "p/q"} or integer string. {@link WitnessReader} reads the output back unchanged.
 */
public final class WitnessWriter {

    private WitnessWriter() {
    }

    /** The canonical JSON text (ending with a newline). */
    public static String toJson(Witness w) {
        List<String> layers = new ArrayList<>();
        for (LayerParameters lp : w.parameters().layers()) {
            layers.add("{\"weights\": " + JsonText.inline(lp.weights(), row -> JsonText.inline(row, WitnessWriter::num))
                    + ", \"biases\": " + JsonText.inline(lp.biases(), WitnessWriter::num) + "}");
        }
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"format\": ").append(JsonText.quote(WitnessReader.FORMAT)).append(",\n");
        sb.append("  \"instance\": ").append(JsonText.quote(w.instance())).append(",\n");
        sb.append("  \"layers\": ").append(JsonText.block(layers, s -> s, 2));
        w.statedLoss().ifPresent(l -> sb.append(",\n  \"loss\": ").append(num(l)));
        return sb.append("\n}\n").toString();
    }

    /** Writes {@link #toJson} to {@code file} (UTF-8). */
    public static void write(Witness w, Path file) {
        try {
            AtomicFiles.write(file, toJson(w).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String num(Rational r) {
        return JsonText.quote(r.toString());
    }
}
