/**
 * The solver SPI (the java-smt API/backends split): providers with capabilities and a probe,
 * closeable solvers, one limits object and a result value. Interfaces only; backends live in the
 * solvers module.
 */
package org.ermbit.core.spi;
