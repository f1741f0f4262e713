package org.ermbit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ermbit.core.format.AtomicFiles;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.InstanceWriter;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;

/** Shared helpers of the reduce/check subcommands: instance names, size lines, the reader's caps. */
final class ReducedInstances {
    private ReducedInstances() {
    }

    /** "NAME-of-FILE" from the input file's name without its extension (and without .gz / .xz before it). */
    static String nameFor(Path input, String reduction) {
        String f = input.getFileName().toString().replaceFirst("\\.(gz|xz)$", "");
        int dot = f.lastIndexOf('.');
        return reduction + "-of-" + PrintableText.oneLine(dot > 0 ? f.substring(0, dot) : f); // a name has no line breaks (FORMAT.md)
    }

    /** Layers, units and parameters of an instance. */
    static String sizeLine(ErmInstance inst) {
        int units = 0;
        for (int l = 1; l <= inst.architecture().depth(); l++) units += inst.architecture().layer(l).units();
        return inst.architecture().depth() + " layers, " + units + " units, " + parameterCount(inst)
                + " parameters (" + inst.fixed().size() + " fixed)";
    }

    /**
     * Writes {@code inst} to {@code output} as ermbit/1, refusing (exit 2, nothing written) an
     * instance that {@link InstanceReader} would reject for its size.
     */
    static void write(ErmInstance inst, Path input, Path output) {
        OutputFiles.checkWritable(output, "--output");
        requireWritable(inst, input);
        byte[] json = InstanceWriter.toJson(inst).getBytes(StandardCharsets.UTF_8);
        if (json.length > InstanceReader.MAX_FILE_BYTES) {
            throw new UsageException("not supported: the reduced instance of " + input + " would be a file of " + json.length
                    + " bytes, past the ermbit/1 cap of " + InstanceReader.MAX_FILE_BYTES + " bytes");
        }
        try {
            AtomicFiles.write(output, json);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + IoFailures.reason(e));
        }
    }

    /** Refuses (exit 2) an instance that {@link InstanceReader} would reject for its layers, units or parameters. */
    static void requireWritable(ErmInstance inst, Path input) {
        Architecture a = inst.architecture();
        int[] units = new int[a.depth()];
        for (int l = 1; l <= a.depth(); l++) units[l - 1] = a.layer(l).units();
        InstanceReader.networkSizeProblem(a.inputs(), units).ifPresent(problem -> {
            throw new UsageException("not supported: the reduced instance of " + input + " would have " + a.depth() + " layers and "
                    + parameterCount(inst) + " parameters: " + problem + " (ermbit/1 caps)");
        });
    }

    /** The refusal (exit 2) of a reduced instance that was found past the ermbit/1 caps while it was being built. */
    static UsageException pastTheCaps(Path input, org.ermbit.reductions.gadget.NetworkTooLarge e) {
        return new UsageException("not supported: the reduced instance of " + input + " would have " + e.getMessage() + " (ermbit/1 caps)");
    }

    /** Weights and biases, counted in a long. */
    static long parameterCount(ErmInstance inst) {
        long c = 0;
        for (int l = 1; l <= inst.architecture().depth(); l++) {
            c += (long) inst.architecture().layer(l).units() * (inst.architecture().fanIn(l) + 1L);
        }
        return c;
    }
}
