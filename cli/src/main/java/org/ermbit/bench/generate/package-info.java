/**
 * Seeded, reproducible generators of benchmark instance families (planted teachers, noisy labels,
 * parity, subsamples of real data sets, reduced random 3-SAT, polynomial activations) and the
 * labelling that decides what a MANIFEST may claim: an answer known by construction (a planted
 * witness the exact verifier accepts), one computed independently by brute force, or unknown.
 */
package org.ermbit.bench.generate;
