package org.ermbit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --shard i/n}: of the task list in its canonical order (instances by path, then solvers in the
 * order given), shard i (1-based) takes the tasks at positions p with p mod n = i − 1. The n shards
 * partition the list: every task lands in exactly one shard.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count) throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, got " + index + "/" + count);
    }

    /** The whole list. */
    public static Shard all() {
        return new Shard(1, 1);
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String s) {
        String[] p = s.split("/");
        if (p.length != 2) throw new IllegalArgumentException("shard must be i/n (e.g. 2/8), got '" + s + "'");
        try {
            return new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must be i/n (e.g. 2/8), got '" + s + "'");
        }
    }

    /** This shard's tasks, in order. */
    public <T> List<T> select(List<T> tasks) {
        List<T> out = new ArrayList<>();
        for (int p = 0; p < tasks.size(); p++) if (p % count == index - 1) out.add(tasks.get(p));
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
