package org.ermbit.solvers.external;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** CBC's binary solution file: layout, byte order, exact conversion, and what is not such a file. */
class SavedSolutionTest {

    /** rows, columns, objective, row activities, row duals, column activities, reduced costs. */
    private static byte[] file(ByteOrder order, int rows, double[] columns) {
        ByteBuffer b = ByteBuffer.allocate(16 + 16 * rows + 16 * columns.length).order(order);
        b.putInt(rows).putInt(columns.length).putDouble(7.0);
        for (int i = 0; i < 2 * rows; i++) b.putDouble(-99.0);
        for (double c : columns) b.putDouble(c);
        for (double c : columns) b.putDouble(-98.0);
        return b.array();
    }

    @Test
    void columnActivitiesAreReadExactlyInEitherByteOrder() {
        // 2^40 + 3 and 0.1 (whose double is 0.1000000000000000055511151231257827021181583404541015625)
        double[] cols = {1099511627779.0, 0.1, -2.0};
        BigDecimal[] expected = {new BigDecimal("1099511627779"), new BigDecimal("0.1000000000000000055511151231257827021181583404541015625"),
            new BigDecimal("-2")};
        assertArrayEquals(expected, SavedSolution.columns(file(ByteOrder.LITTLE_ENDIAN, 2, cols), 2, 3));
        assertArrayEquals(expected, SavedSolution.columns(file(ByteOrder.BIG_ENDIAN, 2, cols), 2, 3));
    }

    @Test
    void anythingElseIsNotUsed() {
        double[] cols = {1.0, 2.0};
        assertNull(SavedSolution.columns(null, 1, 2));
        assertNull(SavedSolution.columns(new byte[0], 1, 2));
        assertNull(SavedSolution.columns(file(ByteOrder.LITTLE_ENDIAN, 1, cols), 2, 2), "other counts");
        byte[] f = file(ByteOrder.LITTLE_ENDIAN, 1, cols);
        byte[] cut = java.util.Arrays.copyOf(f, f.length - 1);
        assertNull(SavedSolution.columns(cut, 1, 2), "truncated");
        assertNull(SavedSolution.columns(file(ByteOrder.LITTLE_ENDIAN, 1, new double[] {1.0, Double.NaN}), 1, 2));
        assertNull(SavedSolution.columns(file(ByteOrder.LITTLE_ENDIAN, 1, new double[] {Double.POSITIVE_INFINITY, 1.0}), 1, 2));
    }
}
