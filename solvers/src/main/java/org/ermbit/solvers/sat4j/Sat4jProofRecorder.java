package org.ermbit.solvers.sat4j;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.ermbit.solvers.backend.BinaryDratSteps;
import org.ermbit.solvers.backend.ScratchFiles;
import org.sat4j.core.LiteralsUtils;
import org.sat4j.minisat.constraints.cnf.BinaryClause;
import org.sat4j.minisat.constraints.cnf.HTClause;
import org.sat4j.minisat.constraints.cnf.WLClause;
import org.sat4j.specs.IConstr;
import org.sat4j.specs.ISolverService;
import org.sat4j.specs.SearchListenerAdapter;

/**
 * Records, as a binary DRAT proof, the clauses a Sat4j engine learns ({@code learn}, {@code learnUnit})
 * and deletes ({@code delete}) — the PB resolution engine, or the CDCL solver on a CNF — so that an
 * UNSAT answer can be checked against what Sat4j was given. The proof is kept in memory up to its
 * memory budget; beyond it, when a spill directory is given, everything goes to a temporary file there
 * (deleted by {@link #close()}) up to the disk budget. Recording gives up — the proof is then
 * {@linkplain #dropped() dropped} and the answer stays Sat4j's claim — when the engine learns something
 * other than a clause (a cutting-plane engine learns PB constraints), when the proof outgrows its
 * budgets, or when the file cannot be written. Attach it with {@code setSearchListener} before solving.
 */
public final class Sat4jProofRecorder extends SearchListenerAdapter<ISolverService> implements AutoCloseable {
    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 1 << 20;

    private final long maxBytes;
    /** Where the proof goes beyond {@code maxBytes}, or null (then it is dropped there). */
    private final Path spillDirectory;
    private final long maxDiskBytes;
    /** The spill file and its stream, once the proof has outgrown memory. */
    private Path file;
    private OutputStream out;
    /** The budget on disk, fixed when the file is created (at most half the free space there). */
    private long diskLimit;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private long bytes;
    private int[] literals = new int[64];
    private String dropped;

    /** A recorder that keeps the proof in memory and drops it once it would take more than {@code maxBytes} bytes. */
    public Sat4jProofRecorder(long maxBytes) {
        this(maxBytes, null, 0);
    }

    /**
     * A recorder that keeps up to {@code maxBytes} bytes of proof in memory and then moves it to a
     * temporary file in {@code spillDirectory}, dropping it once the file would exceed
     * {@code maxDiskBytes} or half the space that was free there when the file was made.
     */
    public Sat4jProofRecorder(long maxBytes, Path spillDirectory, long maxDiskBytes) {
        this.maxBytes = maxBytes;
        this.spillDirectory = spillDirectory;
        this.maxDiskBytes = maxDiskBytes;
    }

    /** The disk budget for proofs that outgrow memory when none is configured: 16 GiB (and half the free space). */
    public static long defaultDiskBudget() {
        return 16L << 30;
    }

    /** The directory proofs spill to when none is configured: {@code java.io.tmpdir}. */
    public static Path defaultSpillDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
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
            if (out != null) { // the buffer is written out and reused
                write(chunk, used);
                if (dropped != null) return;
                if (chunk.length < need) chunk = new byte[Math.max(CHUNK, need)];
            } else {
                full.add(used == chunk.length ? chunk : Arrays.copyOf(chunk, used));
                chunk = new byte[Math.max(CHUNK, need)];
            }
            used = 0;
        }
        int end = BinaryDratSteps.write(chunk, used, deletion, n, k -> literals[k]);
        bytes += end - used;
        used = end;
        if (out == null && bytes > maxBytes) {
            if (spillDirectory == null || maxDiskBytes <= 0) {
                drop("the proof outgrew its memory budget of " + size(maxBytes));
            } else {
                spill();
            }
        } else if (out != null && bytes > diskLimit) {
            drop("the proof outgrew its budget of " + size(maxBytes) + " in memory and " + size(diskLimit) + " on disk ("
                    + spillDirectory + ")");
        }
    }

    /** Moves the proof so far to a new temporary file, where the rest goes too. */
    private void spill() {
        try {
            diskLimit = Math.min(maxDiskBytes, Files.getFileStore(spillDirectory).getUsableSpace() / 2);
            file = ScratchFiles.createFile(spillDirectory, "sat4j-proof", ".drat");
            out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK);
        } catch (IOException | RuntimeException e) {
            drop("could not write the proof to " + spillDirectory + ": " + e.getMessage());
            return;
        }
        for (byte[] b : full) {
            write(b, b.length);
            if (dropped != null) return;
        }
        full.clear();
        if (bytes > diskLimit) {
            drop("the proof outgrew its budget of " + size(maxBytes) + " in memory and " + size(diskLimit) + " on disk ("
                    + spillDirectory + ")");
        }
    }

    private void write(byte[] b, int length) {
        try {
            out.write(b, 0, length);
        } catch (IOException e) {
            drop("could not write the proof to " + spillDirectory + ": " + e.getMessage());
        }
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    private void drop(String reason) {
        if (dropped != null) return;
        dropped = reason;
        full.clear();
        chunk = new byte[0];
        used = 0;
        deleteFile();
    }

    private void deleteFile() {
        if (file == null) return;
        try {
            out.close();
        } catch (IOException e) {
            // the file goes anyway
        }
        ScratchFiles.deleteQuietly(file); // or at exit, by ScratchFiles' shutdown hook
        out = null;
        file = null;
    }

    /** Whether the proof has moved to a file (it outgrew memory). */
    public boolean spilled() {
        return file != null;
    }

    /** Deletes the spill file, if any; the proof cannot be read afterwards. */
    @Override
    public void close() {
        if (dropped == null) drop("the recorder was closed");
    }

    /** Why the proof was given up, if it was. */
    public Optional<String> dropped() {
        return Optional.ofNullable(dropped);
    }

    /** Bytes recorded. */
    public long bytes() {
        return bytes;
    }

    /**
     * The recorded proof as a binary DRAT stream (only when not dropped; from the file and memory when it
     * spilled).
     *
     * @throws UncheckedIOException when the spill file cannot be read back
     */
    public InputStream proof() {
        if (dropped != null) throw new IllegalStateException("proof dropped: " + dropped);
        List<InputStream> parts = new ArrayList<>(full.size() + 2);
        if (out != null) {
            try {
                out.flush();
                parts.add(new BufferedInputStream(Files.newInputStream(file), CHUNK));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back the proof in " + file, e);
            }
        }
        for (byte[] b : full) parts.add(new ByteArrayInputStream(b));
        parts.add(new ByteArrayInputStream(chunk, 0, used));
        return new SequenceInputStream(Collections.enumeration(parts));
    }
}
