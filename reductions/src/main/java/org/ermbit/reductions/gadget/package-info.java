/**
 * Compiles straight-line programs into feed-forward networks with a polynomial activation σ and
 * all-fixed weights whose exact output equals the program's value: a square gadget obtains t² from
 * any rational σ of degree ≥ 2 by a finite difference at shifted arguments, products use
 * ab = ((a+b)² − (a−b)²)/4, additions are linear, and values that must cross a layer unchanged use
 * the identity a = ((a+1)² − (a−1)²)/4.
 */
package org.ermbit.reductions.gadget;
