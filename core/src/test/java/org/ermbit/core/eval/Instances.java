package org.ermbit.core.eval;

import java.nio.file.Path;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.WitnessReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;

/** Test helpers: instances and witnesses from JSON text. */
final class Instances {
    private Instances() {
    }

    static ErmInstance parse(String json) {
        return InstanceReader.parse(json, "test.json", Path.of("."));
    }

    static NetworkParameters params(String witnessLayersJson) {
        return WitnessReader.parse("{\"format\": \"ermbit-witness/1\", \"instance\": \"t\", \"layers\": " + witnessLayersJson + "}",
                "w.json").parameters();
    }

    /** An instance with the given network, parameters, loss, threshold and data (JSON fragments). */
    static ErmInstance of(String network, String parameters, String loss, String threshold, String data) {
        return parse("{\"format\": \"ermbit/1\", \"name\": \"t\", \"network\": " + network + ", \"parameters\": " + parameters
                + ", \"loss\": " + loss + ", \"threshold\": " + threshold + ", \"data\": " + data + "}");
    }
}
