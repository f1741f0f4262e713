/**
 * Counting reductions behind the #P-hardness of gradient bits (DESIGN §8): #3SAT → #SubsetSum
 * (parsimonious, mixed radix), #SubsetSum → straight-line program (the count sits in known bits of
 * N = Π(1 + X^(a_i))), and the SLP → ERM_bit instances whose one partial derivative carries the
 * count in known bits ({@code sharp3sat-gradbit}) or the SLP's sign ({@code posslp-gradsign}).
 */
package org.ermbit.reductions.counting;
