package org.ermbit.reductions.slp;

import java.util.Random;

/** Seeded random SLPs for tests. */
public final class RandomSlps {
    private RandomSlps() {
    }

    /** A random program of {@code length} instructions; operands are uniform over earlier variables. */
    public static Slp random(Random rnd, int length, int mulPercent) {
        Slp.Builder b = new Slp.Builder();
        for (int k = 1; k <= length; k++) {
            int r = rnd.nextInt(100);
            SlpOp op = r < mulPercent ? SlpOp.MUL : (r % 2 == 0 ? SlpOp.ADD : SlpOp.SUB);
            b.append(op, rnd.nextInt(k), rnd.nextInt(k));
        }
        return b.build();
    }
}
