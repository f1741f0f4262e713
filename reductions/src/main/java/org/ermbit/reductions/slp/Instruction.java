package org.ermbit.reductions.slp;

/** One SLP instruction {@code v_k = v_left ∘ v_right}; its own index k is its position in the program. */
public record Instruction(SlpOp op, int left, int right) {
    public Instruction {
        if (op == null) throw new IllegalArgumentException("operator is null");
        if (left < 0 || right < 0) throw new IllegalArgumentException("operand index must be ≥ 0");
    }

    @Override
    public String toString() {
        return left + " " + op.symbol() + " " + right;
    }
}
