package org.ermbit.core.model;

import java.util.Optional;
import org.ermbit.core.number.Rational;

/** A claimed solution ({@code ermbit-witness/1}): parameters plus the informative loss it states. */
public record Witness(String instance, NetworkParameters parameters, Optional<Rational> statedLoss) {
}
