package org.ermbit.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parameter names: equality by value, and hash codes that spread a wide layer's weights. */
class ParameterRefTest {

    @Test
    void equalityIsByLayerUnitAndInput() {
        assertEquals(ParameterRef.weight(1, 2, 3), new ParameterRef(1, 2, 3));
        assertEquals(ParameterRef.weight(1, 2, 3).hashCode(), new ParameterRef(1, 2, 3).hashCode());
        assertNotEquals(ParameterRef.weight(1, 2, 3), ParameterRef.weight(1, 3, 2));
        assertNotEquals(ParameterRef.bias(1, 0), ParameterRef.weight(1, 0, 0));
        assertEquals("w[1][2][3]", ParameterRef.weight(1, 2, 3).toString());
        assertEquals("b[2][0]", ParameterRef.bias(2, 0).toString());
    }

    /**
     * A 300-300 layer: 90,300 weights and biases. The record's default hash (31·(31·layer + unit) +
     * input) takes only about 9,600 distinct values here; the mixed hash gives (nearly) all distinct ones.
     */
    @Test
    void aWideLayerHasNearlyDistinctHashCodes() {
        Set<Integer> hashes = new HashSet<>();
        int refs = 0;
        for (int u = 0; u < 300; u++) {
            for (int i = ParameterRef.BIAS; i < 300; i++) {
                hashes.add(new ParameterRef(1, u, i).hashCode());
                refs++;
            }
        }
        assertEquals(90_300, refs);
        assertTrue(hashes.size() >= refs - 10, hashes.size() + " distinct hash codes for " + refs + " parameters");
    }
}
