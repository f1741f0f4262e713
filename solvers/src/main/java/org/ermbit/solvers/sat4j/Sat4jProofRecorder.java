package org.ermbit.solvers.sat4j;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.ermbit.solvers.backend.BinaryDratSteps;
import org.sat4j.core.LiteralsUtils;
import org.sat4j.minisat.constraints.cnf.BinaryClause;
import org.sat4j.minisat.constraints.cnf.HTClause;
import org.sat4j.minisat.constraints.cnf.WLClause;
import org.sat4j.specs.IConstr;
import org.sat4j.specs.ISolverService;
import org.sat4j.specs.SearchListenerAdapter;

/**
 * Records, as a binary DRAT proof in memory, the clauses a Sat4j engine learns ({@code learn},
 * {@code learnUnit}) and deletes ({@code delete}) — the PB resolution engine, or the CDCL solver on a
 * CNF — so that an UNSAT answer can be checked against what Sat4j was given. Recording gives up — the
 * proof is then {@linkplain #dropped() dropped} and the answer stays Sat4j's claim — when the engine
 * learns something other than a clause (a cutting-plane engine learns PB constraints) or when the proof
 * outgrows its memory budget. Attach it with {@code setSearchListener} before solving.
 */
public final class Sat4jProofRecorder extends SearchListenerAdapter<ISolverService> {
    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 1 << 20;

    private final long maxBytes;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private long bytes;
    private int[] literals = new int[64];
    private String dropped;

    /** A recorder that drops the proof once it would take more than {@code maxBytes} bytes. */
    public Sat4jProofRecorder(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The memory budget for proofs when none is configured: a quarter of the heap, at most 1 GiB. */
    public static long defaultBudget() {
        return Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
    }

    @Override
    public void learn(IConstr c) {
        if (!(c instanceof WLClause || c instanceof HTClause || c instanceof BinaryClause)) {
            drop("sat4j learned a " + c.getClass().getSimpleName() + ", not a clause");
            return;
        }
        step(false, c);
    }

    @Override
    public void learnUnit(int p) {
        if (dropped != null) return;
        literals[0] = p;
        append(false, 1);
    }

    @Override
    public void delete(IConstr c) {
        if (c instanceof WLClause || c instanceof HTClause || c instanceof BinaryClause) step(true, c);
    }

    private void step(boolean deletion, IConstr c) {
        if (dropped != null) return;
        int n = c.size();
        if (literals.length < n) literals = new int[Math.max(n, 2 * literals.length)];
        for (int i = 0; i < n; i++) literals[i] = LiteralsUtils.toDimacs(c.get(i));
        append(deletion, n);
    }

    private void append(boolean deletion, int n) {
        int need = BinaryDratSteps.maxBytes(n);
        if (used + need > chunk.length) {
            full.add(used == chunk.length ? chunk : Arrays.copyOf(chunk, used));
            chunk = new byte[Math.max(CHUNK, need)];
            used = 0;
        }
        int end = BinaryDratSteps.write(chunk, used, deletion, n, k -> literals[k]);
        bytes += end - used;
        used = end;
        if (bytes > maxBytes) drop("the proof outgrew its memory budget of " + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes"));
    }

    private void drop(String reason) {
        if (dropped != null) return;
        dropped = reason;
        full.clear();
        chunk = new byte[0];
        used = 0;
    }

    /** Why the proof was given up, if it was. */
    public Optional<String> dropped() {
        return Optional.ofNullable(dropped);
    }

    /** Bytes recorded. */
    public long bytes() {
        return bytes;
    }

    /** The recorded proof as a binary DRAT stream (only when not dropped). */
    public InputStream proof() {
        if (dropped != null) throw new IllegalStateException("proof dropped: " + dropped);
        List<InputStream> parts = new ArrayList<>(full.size() + 1);
        for (byte[] b : full) parts.add(new ByteArrayInputStream(b));
        parts.add(new ByteArrayInputStream(chunk, 0, used));
        return new SequenceInputStream(Collections.enumeration(parts));
    }
}
