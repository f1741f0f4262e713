#!/usr/bin/env python3
"""Exact bit-model optima of the TLS family tls-bB.json (second method, independent of ermbit).

Domain fixed(B+3 bits, B fraction bits): every parameter is k/s, s = 2^B, k in [-4s, 4s - 1].
Network: h_n = relu(w x_n + b), yhat_n = (a_o h_n + c_o), data x = 0,1,2, targets (0,0),(1,1),(3,2).
Integers: H_n = relu(W x_n + Bb) = s h_n, residual s^2 (yhat - y) = A H_n + C s - y s^2, so
loss = sum R^2 / s^4. For fixed (W, Bb) the two outputs are independent; for fixed A the loss is a
convex quadratic in C, minimised over the integers of [lo, hi] at floor/ceil of the real minimiser
(clamped) -- so enumerating every (W, Bb) and every A is an exhaustive, exact search.
Usage: python3 bit_optima.py B   -> prints "B p/q"
"""
import sys
from fractions import Fraction
import numpy as np

X = [0, 1, 2]
Y = [[0, 1, 3], [0, 1, 2]]  # Y[o][n]


def optimum(B):
    s = 1 << B
    lo, hi = -4 * s, 4 * s - 1
    A = np.arange(lo, hi + 1, dtype=np.int64)
    best = None
    seen = set()
    for W in range(lo, hi + 1):
        for Bb in range(lo, hi + 1):
            H = tuple(max(0, W * x + Bb) for x in X)
            if H in seen:
                continue
            seen.add(H)
            total = 0
            for o in range(2):
                # R_n(A, C) = A H_n + C s - y_n s^2 ; D_n = A H_n - y_n s^2
                D = [A * H[n] - Y[o][n] * s * s for n in range(3)]
                sumD = D[0] + D[1] + D[2]
                # real minimiser C* = -sumD / (3 s); candidates floor, ceil, clamped
                den = 3 * s
                cf = np.clip(np.floor_divide(-sumD, den), lo, hi)
                cc = np.clip(cf + 1, lo, hi)
                def loss(C):
                    return sum((D[n] + C * s) ** 2 for n in range(3))
                total += int(np.minimum(loss(cf), loss(cc)).min())
            if best is None or total < best:
                best = total
    return Fraction(best, s ** 4)


if __name__ == "__main__":
    B = int(sys.argv[1])
    q = optimum(B)
    print(B, q if q.denominator != 1 else q.numerator, float(q))
