/**
 * The Z3 backend ({@code z3}) through the Java bindings of {@code tools.aqua:z3-turnkey}, whose jar
 * bundles the native libraries: linear and nonlinear integer arithmetic with BigInteger constants
 * and native minimisation with Z3's {@code Optimize}.
 */
package org.ermbit.solvers.z3;
