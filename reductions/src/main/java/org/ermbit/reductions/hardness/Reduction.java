package org.ermbit.reductions.hardness;

import java.util.Optional;

/**
 * A polynomial-time many-one reduction from a source problem to a target problem, with witness maps
 * in both directions: {@link #forward} turns a source certificate into a target certificate, and
 * {@link #backward} turns any target certificate into a source certificate (empty when the target
 * certificate is not one). Correctness means: the source is a yes-instance iff the target is, and
 * both maps preserve certificates.
 *
 * @param <S> source instances
 * @param <T> target instances
 * @param <SW> source certificates
 * @param <TW> target certificates
 */
public interface Reduction<S, T, SW, TW> {

    /** The registry name, e.g. {@code 3sat-relu}. */
    String name();

    /** One line for listings. */
    String description();

    /** Builds the target instance. */
    T reduce(S source);

    /** Maps a certificate of {@code source} to a certificate of {@code target = reduce(source)}. */
    TW forward(S source, T target, SW sourceWitness);

    /** Maps a certificate of {@code target} back to one of {@code source}, or empty if it is none. */
    Optional<SW> backward(S source, T target, TW targetWitness);
}
