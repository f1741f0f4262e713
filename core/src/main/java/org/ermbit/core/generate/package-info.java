/**
 * Seeded, reproducible generators of benchmark instances (planted teacher networks, noisy labels,
 * parity). The same seed always yields the same instance, on every machine.
 */
package org.ermbit.core.generate;
