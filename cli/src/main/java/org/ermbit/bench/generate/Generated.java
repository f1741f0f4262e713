package org.ermbit.bench.generate;

import java.util.Optional;
import org.ermbit.bench.Mode;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;

/**
 * One generated instance: its family, the question it asks, a planted witness when the generator
 * built one (checked by {@link Labeler} with the exact verifier), and an answer the generator
 * computed by an independent method (e.g. enumerating a CNF's assignments), if any.
 */
public record Generated(ErmInstance instance, String family, Mode mode, Optional<NetworkParameters> planted,
                        Optional<Label> independent) {
}
