package org.ermbit.solvers.real;

import java.util.Optional;
import org.ermbit.core.number.Rational;

/**
 * An exact real algebraic number from a Z3 model: either a rational ({@code p/q}) or an irrational
 * algebraic number in Z3's SMT-LIB form {@code (root-obj POLY K)} — the K-th smallest real root
 * (K from 1) of the polynomial POLY in {@code x} — plus a decimal approximation for humans.
 */
public record RealValue(Optional<Rational> rational, String exact, String approximation) {

    /** The exact form: {@code p/q} for rationals, the {@code root-obj} term otherwise. */
    @Override
    public String toString() {
        return exact;
    }

    /** True iff the value is rational. */
    public boolean isRational() {
        return rational.isPresent();
    }
}
