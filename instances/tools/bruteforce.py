#!/usr/bin/env python3
"""Independent brute-force oracle for small ermbit/1 instances (used to fill instances/MANIFEST).

Written separately from the Java code on purpose: it re-reads the JSON itself (numbers via
fractions.Fraction from their text, never float), enumerates every parameter vector of the finite
domain, and prints the exact minimum loss and whether some vector reaches loss <= threshold.
Supports fixed/grid/rational domains (one for all, or weights/biases), fixed parameters, all activations,
all losses and aggregates, inline or CSV data. Usage: bruteforce.py INSTANCE.json [MAX_VECTORS]
"""
import csv, itertools, json, os, sys
from fractions import Fraction as F


def num(v):
    if isinstance(v, bool):
        raise ValueError("boolean is not a number")
    return F(str(v)) if not isinstance(v, str) else F(v.strip())


def domain_values(d):
    if d["domain"] == "fixed":
        b, f = int(d["bits"]), int(d.get("fraction_bits", 0))
        return [F(k, 2 ** f) for k in range(-2 ** (b - 1), 2 ** (b - 1))]
    if d["domain"] == "grid":
        q = int(num(d.get("denominator", 1)))
        return [F(k, q) for k in range(int(num(d["min"])), int(num(d["max"])) + 1)]
    if d["domain"] == "rational":
        m = 2 ** int(d["bits"]) - 1
        return sorted({F(p, q) for q in range(1, m + 1) for p in range(-m, m + 1)})
    raise SystemExit("unknown domain " + str(d["domain"]))


def act(a, z):
    t = a if isinstance(a, str) else a["type"]
    if t == "relu":
        return z if z > 0 else F(0)
    if t == "leaky_relu":
        return z if z > 0 else z * num(a["alpha"])
    if t == "hardtanh":
        return max(F(-1), min(F(1), z))
    if t == "identity":
        return z
    if t == "polynomial":
        return sum(num(c) * z ** k for k, c in enumerate(a["coefficients"]))
    raise SystemExit("unknown activation " + t)


def load(path):
    with open(path) as fh:
        inst = json.load(fh, parse_float=str, parse_int=str)
    data = inst["data"]
    if "csv" in data:
        with open(os.path.join(os.path.dirname(path), data["csv"]), newline="") as fh:
            rows = [r for r in csv.reader(fh) if any(c.strip() for c in r)]
        header = [h.strip() for h in rows[0]]
        tcols = [header.index(t) for t in data["targets"]]
        icols = [header.index(c) for c in data["inputs"]] if "inputs" in data else \
            [c for c in range(len(header)) if c not in tcols]
        xs = [[num(r[c]) for c in icols] for r in rows[1:]]
        ys = [[num(r[c]) for c in tcols] for r in rows[1:]]
    else:
        xs = [[num(v) for v in r] for r in data["inputs"]]
        ys = [[num(v) for v in r] for r in data["targets"]]
    return inst, xs, ys


def main():
    path = sys.argv[1]
    cap = int(sys.argv[2]) if len(sys.argv) > 2 else 3_000_000
    inst, xs, ys = load(path)
    net = inst["network"]
    n_in = int(net["inputs"])
    layers = [(int(l["units"]), l["activation"]) for l in net["layers"]]
    p = inst["parameters"]
    wdom = domain_values(p["weights"] if "weights" in p else p)
    bdom = domain_values(p["biases"] if "biases" in p else p)
    fixed = {}
    for f in inst.get("fixed", []):
        key = (int(f["layer"]), int(f["unit"]), -1 if f.get("bias") else int(f["input"]))
        fixed[key] = num(f["value"])
    refs = []
    fan = n_in
    for l, (units, _) in enumerate(layers, start=1):
        for i in range(units):
            for j in range(-1, fan):
                refs.append((l, i, j))
        fan = units
    free = [r for r in refs if r not in fixed]
    choices = [bdom if r[2] == -1 else wdom for r in free]
    total = 1
    for c in choices:
        total *= len(c)
    if total > cap:
        raise SystemExit(f"{total} vectors is more than the cap {cap}")
    ltype = inst["loss"]["type"]
    agg = inst["loss"].get("aggregate", "max" if ltype == "max_abs" else "sum")
    gamma = num(inst["threshold"])
    best = None
    best_vec = None
    for vec in itertools.product(*choices):
        val = dict(fixed)
        val.update(zip(free, vec))
        per = []
        for x, y in zip(xs, ys):
            h = x
            for l, (units, a) in enumerate(layers, start=1):
                h = [act(a, val[(l, i, -1)] + sum(val[(l, i, j)] * h[j] for j in range(len(h)))) for i in range(units)]
            r = [h[o] - y[o] for o in range(len(y))]
            if ltype == "squared":
                per.append(sum(v * v for v in r))
            elif ltype == "absolute":
                per.append(sum(abs(v) for v in r))
            elif ltype == "max_abs":
                per.append(max(abs(v) for v in r))
            elif ltype == "zero_one":
                per.append(F(0) if h[0] * y[0] > 0 else F(1))
            elif ltype == "hinge":
                per.append(max(F(0), 1 - y[0] * h[0]))
        loss = max(per) if agg == "max" else (sum(per) / len(per) if agg == "mean" else sum(per))
        if best is None or loss < best:
            best, best_vec = loss, vec
    print(f"vectors {total}")
    print(f"optimum {best}")
    print(f"answer {'sat' if best <= gamma else 'unsat'} (threshold {gamma})")
    print("argmin " + " ".join(f"{r}={v}" for r, v in zip(free, best_vec)))


if __name__ == "__main__":
    main()
