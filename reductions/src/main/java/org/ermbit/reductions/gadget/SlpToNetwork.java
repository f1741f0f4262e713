package org.ermbit.reductions.gadget;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.slp.Instruction;
import org.ermbit.reductions.slp.MagnitudeBound;
import org.ermbit.reductions.slp.Slp;
import org.ermbit.reductions.slp.SlpOp;

/**
 * Compiles an SLP into a {@link CompiledNetwork} whose exact output equals the SLP's value.
 *
 * <p>Every SLP variable is held as an affine form Σ c_u·h_u + c over the units of one layer (or a
 * pure constant). ± is linear and costs nothing. Each × becomes a gadget in the next layer:
 * a² = S(a) and ab = (S(a+b) − S(a−b))/4, where S is the {@link SquareGadget} (d − 1 σ units for
 * σ of degree d). Operands living in different layers are first carried up with the identity gadget
 * a = (S(a+1) − S(a−1))/4 (memoised per variable and layer). Layers are assigned as soon as
 * possible (a product sits one layer above its deeper operand); instructions the output does not
 * depend on are skipped. Size: at most 2(d − 1) units per multiplication plus 2(d − 1) per carried
 * value per layer crossed; the final identity layer reads the output form.
 */
public final class SlpToNetwork {

    /** An affine form over the units of {@code layer} (layer −1: a constant, usable in any layer). */
    private record Form(int layer, Map<Integer, Rational> coef, Rational constant) {
        static Form constant(Rational c) {
            return new Form(-1, Map.of(), c);
        }

        Form plus(Form o, Rational sign) {
            if (layer != o.layer && layer >= 0 && o.layer >= 0) throw new AssertionError("mixing layers");
            Map<Integer, Rational> m = new LinkedHashMap<>(coef);
            o.coef.forEach((u, c) -> m.merge(u, c.multiply(sign), Rational::add));
            m.values().removeIf(Rational::isZero);
            return new Form(Math.max(layer, o.layer), m, constant.add(o.constant.multiply(sign)));
        }

        Form scale(Rational k) {
            Map<Integer, Rational> m = new LinkedHashMap<>();
            coef.forEach((u, c) -> m.put(u, c.multiply(k)));
            m.values().removeIf(Rational::isZero);
            return new Form(layer, m, constant.multiply(k));
        }
    }

    /** A σ unit under construction: its pre-activation is a form over the previous layer. */
    private record Unit(Form input) {
    }

    private final SquareGadget square;
    private final List<List<Unit>> layers = new ArrayList<>(); // layers.get(l − 1) = hidden layer l

    private SlpToNetwork(SquareGadget square) {
        this.square = square;
    }

    /**
     * A rigorous bound on {@link org.ermbit.core.number.Rational#bitLength()} of every value of the forward
     * pass of {@code compile(slp, σ = t²)} on input 0, from the program alone. With σ = t² the square
     * gadget is t² = σ(t), so every σ unit's pre-activation is a + b, a − b or a (a, b values of
     * program variables, or the constant 1 of the identity gadget), and every other value is a
     * program value. With V ≥ 1 bounding every |v_k| (B = bit-length bound of V):
     * |pre-activation| ≤ 2V + 1 &lt; 2^(B+2) and |σ| &lt; 2^(2B+4), i.e. at most 2B + 4 bits, plus one for
     * the integer denominator in Rational.bitLength. Unlike interval arithmetic on the network it does
     * not compound: the cancellation in ((a+b)² − (a−b)²)/4 = ab is known exactly.
     * {@link Long#MAX_VALUE} when the bound does not fit a long.
     */
    public static long squareNetworkValueBits(Slp slp) {
        long b = Math.max(1, slp.maxTightBitLengthBound());
        if (b > (Long.MAX_VALUE - 5) / 2) return Long.MAX_VALUE;
        return 2 * b + 5;
    }

    /**
     * A rigorous bound on {@link Rational#bitLength()} (numerator plus denominator bits) of every value
     * of the forward pass of {@code compile(slp, sigma)} on input 0, and of 2V (V the program's value;
     * 2V is ∂L/∂θ of the readout instance built on the network), for any σ of degree ≥ 2; for σ = t²
     * it equals {@link #squareNetworkValueBits}.
     *
     * <p>With B bounding the bit length of every program value ({@link Slp#magnitudeBounds()}), every σ
     * unit's pre-activation is z = u + shift_i with u one of a + b, a − b, a ± 1, a (a, b program
     * values), so |u| ≤ 2^(B+1), and z's denominator divides D, the common denominator of the gadget's
     * shifts. |σ(z)| ≤ Σ_k |c_k|·|z|^k and σ(z)'s denominator divides C·D^d (C the common denominator of
     * σ's coefficients, d its degree). Every other value is a program value (an integer). A value p/q
     * whose denominator divides E has |p| ≤ ⌈|p/q|⌉·q, so its bit length is at most
     * bitLength(⌈|p/q|⌉) + 2·bitLength(E). The denominators matter: for σ = t³ the shifts are ±1/2 and
     * σ(z) has denominator 8. {@link Long#MAX_VALUE} when the bound does not fit a long.
     */
    public static long networkValueBits(Slp slp, Activation.Polynomial sigma) {
        SquareGadget g = SquareGadget.of(sigma);
        long b = Math.max(1, slp.maxTightBitLengthBound());
        try {
            return networkValueBits(b, g);
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    private static long networkValueBits(long b, SquareGadget g) {
        Activation.Polynomial sigma = g.sigma();
        BigInteger shiftDenominator = BigInteger.ONE;
        MagnitudeBound largestShift = MagnitudeBound.ZERO;
        for (Rational s : g.shifts()) {
            shiftDenominator = lcm(shiftDenominator, s.denominator());
            largestShift = largestShift.max(MagnitudeBound.of(s));
        }
        MagnitudeBound z = new MagnitudeBound(BigInteger.ONE, Math.addExact(b, 1)).plus(largestShift);
        MagnitudeBound sigmaOfZ = MagnitudeBound.ZERO;
        BigInteger coefficientDenominator = BigInteger.ONE;
        List<Rational> c = sigma.coefficients();
        for (int k = c.size() - 1; k >= 0; k--) {
            sigmaOfZ = sigmaOfZ.times(z).plus(MagnitudeBound.of(c.get(k))); // Horner on absolute values
            coefficientDenominator = lcm(coefficientDenominator, c.get(k).denominator());
        }
        BigInteger sigmaDenominator = coefficientDenominator.multiply(shiftDenominator.pow(sigma.degree()));
        long preActivationBits = Math.addExact(z.bitLengthBound(), 2L * shiftDenominator.bitLength());
        long activationBits = Math.addExact(sigmaOfZ.bitLengthBound(), 2L * sigmaDenominator.bitLength());
        return Math.max(Math.addExact(b, 2), Math.max(preActivationBits, activationBits));
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    /** Compiles {@code slp} for activation {@code sigma} (degree ≥ 2, else "not supported: …"). */
    public static CompiledNetwork compile(Slp slp, Activation.Polynomial sigma) {
        return compile(slp, sigma, sizes -> java.util.Optional.empty());
    }

    /**
     * Compiles {@code slp}, stopping with {@link NetworkTooLarge} as soon as {@code sizeProblem}
     * finds a problem with the layer sizes (units per layer, the output layer last). It is called
     * while the layers grow (every {@value #SIZE_CHECK_INTERVAL} units and at each new layer) with
     * the sizes so far, which only grow, and once before the weight matrices are allocated: a
     * network past a cap is refused without building it.
     */
    public static CompiledNetwork compile(Slp slp, Activation.Polynomial sigma, java.util.function.Function<int[], java.util.Optional<String>> sizeProblem) {
        SlpToNetwork c = new SlpToNetwork(SquareGadget.of(sigma));
        c.sizeProblem = sizeProblem;
        return c.run(slp);
    }

    /** Units added between two calls of the size check while compiling. */
    static final int SIZE_CHECK_INTERVAL = 4096;

    private java.util.function.Function<int[], java.util.Optional<String>> sizeProblem = sizes -> java.util.Optional.empty();
    private int unitsSinceCheck;

    /** The layer sizes so far, with the 1-unit output layer, checked against the caller's caps. */
    private void checkSize() {
        unitsSinceCheck = 0;
        int[] sizes = new int[layers.size() + 1];
        for (int l = 0; l < layers.size(); l++) sizes[l] = layers.get(l).size();
        sizes[layers.size()] = 1;
        sizeProblem.apply(sizes).ifPresent(problem -> {
            throw new NetworkTooLarge(problem);
        });
    }

    private CompiledNetwork run(Slp slp) {
        int n = slp.length();
        boolean[] live = new boolean[n + 1];
        live[n] = true;
        for (int k = n; k >= 1; k--) {
            if (!live[k]) continue;
            Instruction ins = slp.instruction(k);
            live[ins.left()] = true;
            live[ins.right()] = true;
        }
        List<Map<Integer, Form>> forms = new ArrayList<>(); // per variable: layer → form (lifted copies)
        Form[] home = new Form[n + 1];
        for (int k = 0; k <= n; k++) forms.add(new HashMap<>());
        home[0] = Form.constant(Rational.ONE);
        for (int k = 1; k <= n; k++) {
            if (!live[k]) continue;
            Instruction ins = slp.instruction(k);
            int target = Math.max(home[ins.left()].layer(), home[ins.right()].layer());
            if (ins.op() == SlpOp.MUL) {
                target = Math.max(target, 0);
                Form a = at(ins.left(), target, home, forms);
                Form b = at(ins.right(), target, home, forms);
                home[k] = ins.left() == ins.right() ? squareOf(a) : product(a, b);
            } else {
                Form a = at(ins.left(), target, home, forms);
                Form b = at(ins.right(), target, home, forms);
                home[k] = a.plus(b, ins.op() == SlpOp.ADD ? Rational.ONE : Rational.MINUS_ONE);
            }
        }
        Form out = home[n];
        int top = layers.size();
        if (out.layer() >= 0 && out.layer() < top) out = at(n, top, home, forms);
        return assemble(out);
    }

    /** Variable k as a form over layer {@code layer} (constants stay constants), lifting as needed. */
    private Form at(int k, int layer, Form[] home, List<Map<Integer, Form>> forms) {
        Form f = home[k];
        if (f.layer() < 0 || f.layer() == layer) return f;
        if (f.layer() > layer) throw new AssertionError("cannot lower a value");
        Map<Integer, Form> lifted = forms.get(k);
        int from = f.layer();
        for (int l = layer; l > f.layer(); l--) {
            if (lifted.containsKey(l)) {
                from = l;
                f = lifted.get(l);
                break;
            }
        }
        for (int l = from + 1; l <= layer; l++) {
            f = identity(f);
            lifted.put(l, f);
        }
        return f;
    }

    /** Adds the square gadget for form {@code t}; returns t² as a form over the next layer. */
    private Form squareOf(Form t) {
        int layer = Math.max(t.layer(), 0) + 1;
        boolean newLayer = layers.size() < layer;
        while (layers.size() < layer) layers.add(new ArrayList<>());
        List<Unit> units = layers.get(layer - 1);
        Map<Integer, Rational> coef = new LinkedHashMap<>();
        for (int i = 0; i < square.units(); i++) {
            units.add(new Unit(t.plus(Form.constant(square.shifts().get(i)), Rational.ONE)));
            coef.put(units.size() - 1, square.weights().get(i));
        }
        unitsSinceCheck += square.units();
        if (newLayer || unitsSinceCheck >= SIZE_CHECK_INTERVAL) checkSize();
        return new Form(layer, coef, square.constant());
    }

    private static final Rational QUARTER = Rational.of(1, 4);

    private Form product(Form a, Form b) {
        Form sum = squareOf(a.plus(b, Rational.ONE));
        Form diff = squareOf(a.plus(b, Rational.MINUS_ONE));
        return sum.plus(diff, Rational.MINUS_ONE).scale(QUARTER);
    }

    private Form identity(Form a) {
        return product(a, Form.constant(Rational.ONE));
    }

    private CompiledNetwork assemble(Form out) {
        checkSize(); // the final sizes, before any weight matrix is allocated
        List<LayerSpec> specs = new ArrayList<>();
        List<LayerParameters> params = new ArrayList<>();
        int fanIn = 1; // the single, ignored input
        for (List<Unit> units : layers) {
            specs.add(new LayerSpec(units.size(), square.sigma()));
            List<List<Rational>> w = new ArrayList<>();
            List<Rational> b = new ArrayList<>();
            for (Unit u : units) {
                w.add(row(u.input(), fanIn));
                b.add(u.input().constant());
            }
            params.add(new LayerParameters(w, b));
            fanIn = units.size();
        }
        specs.add(new LayerSpec(1, new Activation.Identity()));
        params.add(new LayerParameters(List.of(row(out, fanIn)), List.of(out.constant())));
        return new CompiledNetwork(new Architecture(1, specs), new NetworkParameters(params), square.sigma());
    }

    private static List<Rational> row(Form f, int fanIn) {
        Rational[] r = new Rational[fanIn];
        java.util.Arrays.fill(r, Rational.ZERO);
        f.coef().forEach((u, c) -> r[u] = c);
        return List.of(r);
    }
}
