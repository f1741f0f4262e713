package org.ermbit.solvers.external;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * CBC's binary solution file ({@code -saveSolution F}): the row and column counts as C ints, the
 * objective, then the row activities, row duals, column activities and reduced costs as C doubles,
 * in the byte order of the machine that wrote it. Only the column activities are read, each
 * converted to the exact decimal value of its double; this is how ermbit gets CBC's values beyond the
 * 8 significant digits of its text solution.
 */
final class SavedSolution {
    private SavedSolution() {
    }

    /**
     * The column activities in CBC's column order, or null when {@code file} is null, is not such a
     * file for {@code rows} rows and {@code columns} columns in either byte order, or holds a value
     * that is not finite.
     */
    static BigDecimal[] columns(byte[] file, int rows, int columns) {
        if (file == null || file.length != 8 + 8 * (1 + 2L * rows + 2L * columns)) return null;
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            ByteBuffer b = ByteBuffer.wrap(file).order(order);
            if (b.getInt(0) != rows || b.getInt(4) != columns) continue;
            BigDecimal[] out = new BigDecimal[columns];
            int at = 16 + 16 * rows;
            for (int j = 0; j < columns; j++) {
                double v = b.getDouble(at + 8 * j);
                if (!Double.isFinite(v)) return null;
                out[j] = new BigDecimal(v); // exact: every finite double is a finite binary fraction
            }
            return out;
        }
        return null;
    }
}
