package org.ermbit.reductions.gadget;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.ermbit.core.eval.ForwardPass;
import org.ermbit.core.model.Activation;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.slp.Evaluation;
import org.ermbit.reductions.slp.RandomSlps;
import org.ermbit.reductions.slp.Slp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SlpToNetworkTest {

    static final List<Activation.Polynomial> SIGMAS = List.of(
            SquareGadgetTest.poly(0, 0, 1), SquareGadgetTest.poly(0, 0, 0, 1),
            SquareGadgetTest.poly(0, 1, 1), SquareGadgetTest.poly(0, -1, 0, 0, 2));

    static Rational output(CompiledNetwork net) {
        return ForwardPass.run(net.architecture(), net.parameters(), List.of(Rational.ZERO)).output().get(0);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void compiledNetworkEqualsSlpValue(long seed) {
        Random rnd = new Random(seed);
        int checked = 0;
        while (checked < 40) {
            Slp s = RandomSlps.random(rnd, 1 + rnd.nextInt(8), 45);
            Evaluation e = s.evaluate(40); // keep values small
            if (!(e instanceof Evaluation.Value v)) continue;
            for (Activation.Polynomial sigma : SIGMAS) {
                CompiledNetwork net = SlpToNetwork.compile(s, sigma);
                assertEquals(Rational.of(v.value()), output(net), "sigma " + sigma.coefficients() + "\n" + s.instructions());
                assertTrue(net.fixedParameters().size() == net.architecture().parameterCount());
            }
            checked++;
        }
    }

    @Test
    void sizeIsLinearForAChainOfSquarings() {
        // v1 = 2, then 20 squarings: 20 product layers of one square gadget each (σ = t²: 1 unit)
        Slp.Builder b = new Slp.Builder();
        int x = b.add(0, 0);
        for (int i = 0; i < 20; i++) x = b.mul(x, x);
        CompiledNetwork net = SlpToNetwork.compile(b.build(), SIGMAS.get(0));
        assertEquals(20, net.hiddenLayers());
        assertEquals(20, net.hiddenUnits());
        assertEquals(Rational.of(BigInteger.TWO.pow(1 << 20)), output(net));
    }

    @Test
    void carriesValuesAcrossLayersWithIdentityGadgets() {
        // v1 = 2, v2 = 4, v3 = 16, v4 = 256, v5 = v4 * v1 = 512 (v1 must be carried up 3 layers)
        Slp.Builder b = new Slp.Builder();
        int two = b.add(0, 0);
        int x = b.mul(two, two);
        x = b.mul(x, x);
        x = b.mul(x, x);
        b.mul(x, two);
        CompiledNetwork net = SlpToNetwork.compile(b.build(), SIGMAS.get(1));
        assertEquals(Rational.of(512), output(net));
        assertEquals(4, net.hiddenLayers());
    }

    @Test
    void aValueCarriedUpTwiceReusesItsFirstLift() {
        // σ = t² (one σ unit per square). v1 = 2 (constant), v2 = v1² (layer 1: 1 unit), v3 = v2² (layer 2: 1 unit),
        // v4 = v3·v2: v2 is carried to layer 2 (identity gadget: 2 units), the product sits in layer 3 (2 units);
        // v5 = v4·v2: v2's copy in layer 2 is carried on to layer 3 (2 more units), the product sits in layer 4 (2 units).
        Slp.Builder b = new Slp.Builder();
        int v1 = b.add(0, 0);
        int v2 = b.mul(v1, v1);
        int v3 = b.mul(v2, v2);
        int v4 = b.mul(v3, v2);
        b.mul(v4, v2);
        CompiledNetwork net = SlpToNetwork.compile(b.build(), SquareGadgetTest.poly(0, 0, 1));
        assertEquals(5, net.architecture().depth());
        int[] units = new int[5];
        for (int l = 1; l <= 5; l++) units[l - 1] = net.architecture().layer(l).units();
        assertArrayEquals(new int[] {1, 3, 4, 2, 1}, units);
        assertEquals(Rational.of(256), output(net)); // 4 · 16 · 4 = 256
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42})
    void generalValueBoundSpecialisesToTheSquareBound(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 50; i++) {
            Slp s = RandomSlps.random(rnd, 1 + rnd.nextInt(12), 60);
            assertEquals(SlpToNetwork.squareNetworkValueBits(s), SlpToNetwork.networkValueBits(s, SquareGadgetTest.poly(0, 0, 1)));
        }
        // hand: v1 = 2, v2 = 4, B = 3; σ = t²: 2B + 5 = 11. σ = t³ (shifts ±1/2, D = 2): |z| ≤ 2^4 + 1/2 → bound 17
        // (5 bits); |σ(z)| ≤ 17³ = 4913 (13 bits), denominator 2³ = 8 (4 bits): 13 + 2·4 = 21
        Slp.Builder b = new Slp.Builder();
        int two = b.add(0, 0);
        b.mul(two, two);
        assertEquals(11, SlpToNetwork.squareNetworkValueBits(b.build()));
        assertEquals(21, SlpToNetwork.networkValueBits(b.build(), SquareGadgetTest.poly(0, 0, 0, 1)));
        // 2 squared 70 times has 2^70 + 1 bits: no bound fits a long
        Slp.Builder t = new Slp.Builder();
        int x = t.add(0, 0);
        for (int j = 0; j < 70; j++) x = t.mul(x, x);
        assertEquals(Long.MAX_VALUE, SlpToNetwork.squareNetworkValueBits(t.build()));
        assertEquals(Long.MAX_VALUE, SlpToNetwork.networkValueBits(t.build(), SquareGadgetTest.poly(0, 0, 0, 1)));
    }
}
