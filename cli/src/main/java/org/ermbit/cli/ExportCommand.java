package org.ermbit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ermbit.core.format.AtomicFiles;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.UnsupportedInstanceException;
import org.ermbit.reductions.export.ErmExport;
import org.ermbit.reductions.export.ErmExporter;
import org.ermbit.reductions.export.ExportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ermbit export INSTANCE --format smtlib|opb|cnf|lp -o FILE}: writes the encoded instance
 * (loss ≤ threshold, or with {@code --optimize} "minimise the loss") in a format external solvers
 * read (DESIGN §9; docs/EXPORT.md). Exit 0 when the file is written; exit 2 with one line for bad
 * input and for instances the format cannot hold exactly ("not supported: …"); nothing is written then.
 */
@Command(name = "export", description = "Write the encoded instance for external solvers (SMT-LIB 2, OPB, DIMACS CNF/WCNF, CPLEX LP).")
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "An ermbit/1 instance file.")
    Path instance;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", description = "smtlib, opb, cnf or lp.")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The file to write ('-' for standard output).")
    String output;

    @Option(names = "--optimize", description = "Minimise the loss (objective) instead of asking for loss <= threshold. "
            + "cnf then writes WCNF; smtlib uses Z3's (minimize ...) extension.")
    boolean optimize;

    @Option(names = "--no-symmetry-breaking", description = "Do not order interchangeable hidden units.")
    boolean noSymmetryBreaking;

    @Option(names = "--linear", description = "smtlib only: lower products to bits and write QF_LIA instead of QF_NIA.")
    boolean linear;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExportFormat fmt;
        try {
            fmt = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        if (linear && fmt != ExportFormat.SMTLIB) throw new UsageException("--linear applies to --format smtlib only");
        if (!output.equals("-")) OutputFiles.checkWritable(Path.of(output), "--output");
        ErmInstance inst = Instances.read(instance);
        ErmExport exp;
        try {
            exp = ErmExporter.export(inst, fmt, optimize, new EncoderOptions(!noSymmetryBreaking), linear);
        } catch (UnsupportedInstanceException e) {
            throw new UsageException(instance + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("not supported")) {
                throw new UsageException(instance + ": " + e.getMessage());
            }
            throw e;
        }
        if (output.equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(exp.text());
            out.flush();
        } else {
            Path file = Path.of(output);
            try {
                AtomicFiles.write(file, exp.text().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UsageException(output + ": cannot write: " + IoFailures.reason(e));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("c wrote " + fmt.cliName() + (optimize && fmt == ExportFormat.CNF ? " (WCNF)" : "") + " to " + PrintableText.oneLine(output)
                    + ": " + (exp.fileSize().isEmpty() ? "" : exp.fileSize() + " in the file, from ") + Encoding.summary(exp.writtenModel()));
            out.flush();
        }
        return 0;
    }
}
