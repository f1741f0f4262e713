package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.WitnessWriter;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.Witness;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutation fuzzing of the NP-route input files (docs/TESTING.md, "Fuzz tests"): the
 * shipped example instances (inline and CSV data, fixed/grid/rational and separate domains, leaky
 * ReLU, hardtanh, fixed parameters), witnesses and CSV data files are mutated — JSON tree edits,
 * token edits, odd numbers and types, truncation, control characters, invalid UTF-8, deep nesting,
 * very long values, gzip — and run through {@code verify}, {@code info}, {@code export} and, for
 * tiny instances, {@code solve}/{@code optimize}.
 *
 * <p>The oracle (docs/CLI.md, Conventions): an allowed exit code; exit 2 is exactly one line
 * {@code ermbit: FILE: …} naming one of the input files, with no stack trace and no answer on
 * stdout (and for export no output file); exit 1 is an internal error and always a failure (but
 * {@code verify}'s {@code s REFUTED}). Commands agree with each other: an instance that {@code info}
 * refuses is refused with the same line by {@code verify} and {@code export}; one that it accepts is
 * exported or refused as "not supported"; a solve witness verifies; solve's SAT/UNSAT agrees with
 * optimize's optimum. Changes that keep the meaning (whitespace, BOM, CRLF, key order, \\u escapes,
 * numbers respelt as fractions, gzip, CSV quoting, column order) give the same output as the base.
 *
 * <p>Every mutant has a seed printed with its failure; {@code -Dermbit.fuzz.seed=N} runs that one
 * mutant alone, {@code -Dermbit.fuzz.scale=K} runs K times as many. Failing mutants are kept in
 * {@code cli/target/fuzz-failures/SEED/}.
 */
class FuzzInstanceInputTest {

    static final Path EXAMPLES = Path.of("../instances/examples");
    /** Instances of the shipped examples (all on the NP route). */
    static final List<String> BASES = List.of("xor-2-2-1", "bias-domain-2-2-1", "breast-cancer-12", "decimals-fractions", "iris-12",
            "leaky-1-1-1-mean", "rational-1-1-1", "wine-12", "xor-linear-csv");
    /** The ones small enough to solve and optimize within a couple of seconds. */
    static final List<String> TINY = List.of("xor-2-2-1", "bias-domain-2-2-1", "decimals-fractions", "leaky-1-1-1-mean", "rational-1-1-1",
            "xor-linear-csv");
    static final List<String> CSV_BASES = List.of("wine-12", "xor-linear-csv");
    static final String[] EXPORT_FORMATS = {"opb", "cnf", "smtlib", "lp"};

    static final long SCALE = Long.getLong("ermbit.fuzz.scale", 1);
    static final Long ONLY = Long.getLong("ermbit.fuzz.seed");

    /** Group seeds: the seed of mutant i of a group is its base + i, so the seed names its group. */
    static final long INSTANCES = 1_000_000;
    static final long WITNESSES = 2_000_000;
    static final long CSVS = 3_000_000;
    static final long NEUTRAL = 4_000_000;
    static final long SOLVE = 5_000_000;

    /** Examples that runs of mutants compare with: the file texts and the witnesses made for them. */
    static final Map<String, String> INSTANCE_TEXT = new LinkedHashMap<>();
    static final Map<String, String> WITNESS_TEXT = new LinkedHashMap<>();
    static final Map<String, String> CSV_NAME = new LinkedHashMap<>();
    static final Map<String, String> CSV_TEXT = new LinkedHashMap<>();

    @BeforeAll
    static void readBases() throws IOException {
        for (String b : BASES) {
            Path p = EXAMPLES.resolve(b + ".json");
            INSTANCE_TEXT.put(b, Files.readString(p));
            JsonNode data = FuzzMutator.MAPPER.readTree(INSTANCE_TEXT.get(b)).get("data");
            if (data.has("csv")) {
                CSV_NAME.put(b, data.get("csv").asText());
                CSV_TEXT.put(b, Files.readString(EXAMPLES.resolve(data.get("csv").asText())));
            }
            Path shipped = EXAMPLES.resolve(b + ".witness.json");
            WITNESS_TEXT.put(b, Files.exists(shipped) ? Files.readString(shipped) : witnessFor(InstanceReader.read(p), b.hashCode()));
        }
    }

    /** A witness of the instance's shape with every free parameter drawn from (the first values of) its domain. */
    static String witnessFor(ErmInstance inst, long seed) {
        Random r = new Random(seed);
        Map<org.ermbit.core.model.ParameterRef, Rational> fixed = inst.fixedValues();
        NetworkParameters p = NetworkParameters.build(inst.architecture(), ref -> {
            Rational f = fixed.get(ref);
            if (f != null) return f;
            Domain d = inst.domains().of(ref);
            List<Rational> vs = d.values(d.size().min(BigInteger.valueOf(4096)).intValueExact());
            return vs.get(r.nextInt(vs.size()));
        });
        return WitnessWriter.toJson(new Witness(inst.name(), p, java.util.Optional.empty()));
    }

    // ------------------------------------------------------------------ the groups

    @Test
    void mutatedInstances(@TempDir Path tmp) {
        runGroup(INSTANCES, 240, tmp, this::instanceMutant);
    }

    @Test
    void mutatedWitnesses(@TempDir Path tmp) {
        runGroup(WITNESSES, 150, tmp, this::witnessMutant);
    }

    @Test
    void mutatedCsvFiles(@TempDir Path tmp) {
        runGroup(CSVS, 150, tmp, this::csvMutant);
    }

    @Test
    void meaningPreservingChangesKeepTheAnswer(@TempDir Path tmp) {
        runGroup(NEUTRAL, 80, tmp, this::neutralMutant);
    }

    @Test
    void mutatedTinyInstancesSolveAndOptimizeConsistently(@TempDir Path tmp) {
        runGroup(SOLVE, 30, tmp, this::solveMutant);
    }

    interface MutantRun {
        /** Runs mutant {@code seed} in {@code dir}, adding a line to {@code fails} for each broken expectation. */
        void run(long seed, Random r, Path dir, List<String> fails) throws IOException;
    }

    void runGroup(long base, int count, Path tmp, MutantRun run) {
        List<String> fails = new ArrayList<>();
        long n = count * SCALE;
        // a replayed seed runs alone, also one past this run's count (found with a larger ermbit.fuzz.scale)
        long from = 0;
        if (ONLY != null) {
            boolean mine = ONLY / 1_000_000 == base / 1_000_000;
            from = mine ? ONLY - base : 0;
            n = mine ? from + 1 : 0;
        }
        for (long i = from; i < n; i++) {
            long seed = base + i;
            Path dir = tmp.resolve(Long.toString(seed));
            List<String> f = new ArrayList<>();
            try {
                Files.createDirectories(dir);
                run.run(seed, new Random(seed), dir, f);
            } catch (IOException | RuntimeException e) {
                f.add("the harness failed: " + e);
            }
            if (!f.isEmpty()) {
                fails.add("seed " + seed + " (replay: -Dermbit.fuzz.seed=" + seed + "):\n    " + String.join("\n    ", f));
                keep(dir, seed);
            }
        }
        if (!fails.isEmpty()) fail(fails.size() + " of " + n + " mutants broke the input contract:\n" + String.join("\n", fails));
    }

    /** Copies a failing mutant's files to cli/target/fuzz-failures/SEED for a look. */
    static void keep(Path dir, long seed) {
        try {
            Path to = Path.of("target/fuzz-failures/" + seed);
            Files.createDirectories(to);
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    if (Files.isRegularFile(p)) Files.copy(p, to.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            // only a convenience
        }
    }

    /** The base's files, unmutated, in {@code dir}. */
    record Case(String base, Path instance, Path witness, Path csv) {
        List<Path> inputs() {
            return csv == null ? List.of(instance, witness) : List.of(instance, witness, csv);
        }
    }

    static Case write(String base, Path dir) throws IOException {
        Path inst = dir.resolve("instance.json");
        Path wit = dir.resolve("witness.json");
        Files.writeString(inst, INSTANCE_TEXT.get(base));
        Files.writeString(wit, WITNESS_TEXT.get(base));
        Path csv = null;
        if (CSV_NAME.containsKey(base)) {
            csv = dir.resolve(CSV_NAME.get(base));
            Files.writeString(csv, CSV_TEXT.get(base));
        }
        return new Case(base, inst, wit, csv);
    }

    // ------------------------------------------------------------------ mutants

    void instanceMutant(long seed, Random r, Path dir, List<String> fails) throws IOException {
        String base = BASES.get(r.nextInt(BASES.size()));
        Case c = write(base, dir);
        FuzzMutator m = new FuzzMutator(r);
        String text = INSTANCE_TEXT.get(base);
        int kind = r.nextInt(8);
        if (kind == 0) {
            // numbers at rational positions (data, threshold, fixed values, alpha) changed to other small exact numbers
            for (int k = 1 + r.nextInt(3); k > 0; k--) text = m.treeReplaceWhere(text, s -> INSTANCE_RATIONAL.test(s.path()), m::smallNumber);
            Files.writeString(c.instance(), text);
        } else if (kind == 1) {
            // other losses, activations, domains, fixed parameters, widths: mostly still valid instances
            for (int k = 1 + r.nextInt(2); k > 0; k--) text = m.semanticInstance(text);
            Files.writeString(c.instance(), text);
        } else {
            Files.write(c.instance(), m.mutateJson(text));
        }
        String what = base + ".json: " + m.describe();
        checkInstanceCommands(c, what, EXPORT_FORMATS[r.nextInt(EXPORT_FORMATS.length)], fails);
    }

    void witnessMutant(long seed, Random r, Path dir, List<String> fails) throws IOException {
        String base = r.nextInt(3) > 0 ? "xor-2-2-1" : BASES.get(r.nextInt(BASES.size()));
        Case c = write(base, dir);
        FuzzMutator m = new FuzzMutator(r);
        String text = WITNESS_TEXT.get(base);
        if (r.nextBoolean()) {
            // values changed to other small exact numbers, in every spelling: many stay valid witnesses with another loss
            for (int k = 1 + r.nextInt(3); k > 0; k--) text = m.treeReplaceWhere(text, s -> WITNESS_RATIONAL.test(s.path()), m::smallNumber);
            Files.writeString(c.witness(), text);
        } else {
            Files.write(c.witness(), m.mutateJson(text));
        }
        String what = base + " witness: " + m.describe();
        CliRun v = run(fails, what, "verify", c, c.instance().toString(), c.witness().toString());
        checkAgainstReference(c, v, what, fails);
        // the instance and its data are the unmutated example: only the witness can be blamed
        if (v.exit() == 2 && !blames(v, c.witness())) fails.add(what + ": verify blames another file than the witness: " + v.err().strip());
    }

    void csvMutant(long seed, Random r, Path dir, List<String> fails) throws IOException {
        String base = CSV_BASES.get(r.nextInt(CSV_BASES.size()));
        Case c = write(base, dir);
        FuzzMutator m = new FuzzMutator(r);
        Files.write(c.csv(), m.mutateCsv(CSV_TEXT.get(base)));
        String what = base + " CSV: " + m.describe();
        checkInstanceCommands(c, what, EXPORT_FORMATS[r.nextInt(EXPORT_FORMATS.length)], fails);
    }

    /** info, verify and export of one (mutated) instance and their agreement. */
    void checkInstanceCommands(Case c, String what, String format, List<String> fails) {
        CliRun info = run(fails, what, "info", c, c.instance().toString());
        CliRun verify = run(fails, what, "verify", c, c.instance().toString(), c.witness().toString());
        checkAgainstReference(c, verify, what, fails);
        if (info.exit() == 0) verifyReferenceWitness(c, what, new Random(c.instance().toString().hashCode()), fails);
        if (info.exit() == 2 && !(verify.exit() == 2 && verify.err().equals(info.err()))) {
            fails.add(what + ": info refused the instance (" + info.err().strip() + ") but verify gave exit " + verify.exit() + ": "
                    + first(verify.err() + verify.out()));
        }
        if (info.exit() == 0 && verify.exit() == 2 && blames(verify, c.instance())) {
            fails.add(what + ": info accepted the instance but verify refused it: " + verify.err().strip());
        }
        if (info.exit() == 0 && tooBigToExport(info)) return;
        Path out = c.instance().resolveSibling("out." + format);
        CliRun export = run(fails, what, "export", c, c.instance().toString(), "--format", format, "-o", out.toString());
        if (info.exit() == 2 && !(export.exit() == 2 && export.err().equals(info.err()))) {
            fails.add(what + ": info refused the instance (" + info.err().strip() + ") but export " + format + " gave exit " + export.exit()
                    + ": " + first(export.err() + export.out()));
        }
        if (info.exit() == 0 && export.exit() == 2 && !export.err().contains(": not supported: ")) {
            fails.add(what + ": info accepted the instance but export " + format + " refused it: " + export.err().strip());
        }
    }

    static final Map<String, Integer> STATS = new java.util.TreeMap<>();

    static synchronized void count(String key) {
        STATS.merge(key, 1, Integer::sum);
    }

    @org.junit.jupiter.api.AfterAll
    static void printStats() {
        System.out.println("fuzz statistics: " + STATS);
    }

    /**
     * verify's verdict on an instance and witness it accepted, against {@link FuzzReference} (docs/FORMAT.md
     * read independently): every value in its domain or at its fixed value, the exact loss, loss <= threshold
     * iff VERIFIED. A witness refused as outside its domain must have such a value.
     */
    static void checkAgainstReference(Case c, CliRun verify, String what, List<String> fails) {
        if (verify.exit() < 0 || verify.exit() == 2 && !(blames(verify, c.witness()) && verify.err().contains(": value "))) return;
        FuzzReference.Instance inst;
        java.util.Optional<FuzzReference.Params> p;
        try {
            inst = FuzzReference.instance(c.instance());
            p = FuzzReference.witness(c.witness());
        } catch (IOException | RuntimeException e) {
            count("reference: unsupported");
            if (verify.exit() != 2) fails.add(what + ": verify accepted files the reference cannot read: " + e);
            return;
        }
        if (p.isEmpty()) {
            count("reference: witness value not a number");
            if (verify.exit() != 2) fails.add(what + ": verify accepted a witness value that is not a number of docs/FORMAT.md");
            return;
        }
        if (!FuzzReference.shapeFits(inst, p.get())) {
            fails.add(what + ": verify (exit " + verify.exit() + ") on a witness of the wrong shape");
            return;
        }
        java.util.Optional<String> bad = FuzzReference.domainProblem(inst, p.get());
        if (verify.exit() == 2) {
            count("reference: agreed on a value outside its domain");
            if (bad.isEmpty()) fails.add(what + ": verify refused a value as outside its domain, the reference finds none: " + verify.err().strip());
            return;
        }
        if (bad.isPresent()) {
            fails.add(what + ": verify (exit " + verify.exit() + ") accepted " + bad.get());
            return;
        }
        FuzzReference.Q loss;
        try {
            loss = FuzzReference.loss(inst, p.get());
        } catch (RuntimeException e) {
            count("reference: unsupported");
            return;
        }
        count("reference: loss checked");
        Rational got = value(verify.out(), "c loss ");
        if (got == null || !got.toString().equals(loss.toString())) fails.add(what + ": verify says loss " + got + ", the reference " + loss);
        boolean fits = loss.compareTo(inst.threshold()) <= 0;
        if (fits != (verify.exit() == 0)) fails.add(what + ": verify exit " + verify.exit() + " with loss " + loss + " and threshold " + inst.threshold());
    }

    /**
     * For an instance that ermbit accepted: a witness drawn by the reference from the domains (fixed
     * parameters at their values) must be accepted by verify (exit 0 or 1, never refused), with the
     * reference's loss.
     */
    static void verifyReferenceWitness(Case c, String what, Random r, List<String> fails) {
        String witness;
        try {
            FuzzReference.Instance inst = FuzzReference.instance(c.instance());
            if ((long) inst.units().stream().mapToInt(Integer::intValue).sum() * inst.xs().size() > 100_000) return;
            witness = FuzzReference.randomWitness(inst, r);
        } catch (IOException | RuntimeException e) {
            count("reference: unsupported");
            return;
        }
        Path w = c.instance().resolveSibling("reference.witness.json");
        try {
            Files.writeString(w, witness);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Case rc = new Case(c.base(), c.instance(), w, c.csv());
        CliRun v = run(fails, what + " (reference witness)", "verify", rc, c.instance().toString(), w.toString());
        if (v.exit() == 2 && !v.err().contains("cannot evaluate exactly")) {
            fails.add(what + ": verify refused a witness whose every value lies in its domain: " + v.err().strip() + "\n      witness: " + first(witness));
        }
        checkAgainstReference(rc, v, what + " (reference witness)", fails);
    }

    /**
     * Not a check: the fuzzer's mutants can be valid instances with millions of parameters (a layer of
     * 1,000,000 units), whose encoding is legitimately slow; export has no timeout, so they are not exported.
     */
    static boolean tooBigToExport(CliRun info) {
        long params = infoNumber(info, "parameters: ");
        long points = infoNumber(info, "data points: ");
        return params < 0 || points < 0 || params > 2_000 || params * points > 50_000;
    }

    static long infoNumber(CliRun info, String key) {
        for (String l : info.out().split("\n")) {
            if (l.startsWith(key)) {
                String v = l.substring(key.length()).split(" ")[0];
                try {
                    return Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Files are rewritten with the same names, so the normalised outputs of base and mutant can be compared. */
    void neutralMutant(long seed, Random r, Path dir, List<String> fails) throws IOException {
        String base = BASES.get(r.nextInt(BASES.size()));
        Path baseDir = dir.resolve("base");
        Path mutDir = dir.resolve("mutant");
        Files.createDirectories(baseDir);
        Files.createDirectories(mutDir);
        Case b = write(base, baseDir);
        Case c = write(base, mutDir);
        FuzzMutator m = new FuzzMutator(r);
        int which = r.nextInt(c.csv() == null ? 2 : 3);
        String file;
        Path changed;
        byte[] bytes;
        switch (which) {
            case 0 -> {
                file = "instance";
                changed = c.instance();
                bytes = m.neutralJson(INSTANCE_TEXT.get(base), INSTANCE_RATIONAL);
            }
            case 1 -> {
                file = "witness";
                changed = c.witness();
                bytes = m.neutralJson(WITNESS_TEXT.get(base), WITNESS_RATIONAL);
            }
            default -> {
                file = "CSV";
                changed = c.csv();
                boolean named = FuzzMutator.MAPPER.readTree(INSTANCE_TEXT.get(base)).get("data").has("inputs");
                bytes = m.neutralCsv(CSV_TEXT.get(base), named);
            }
        }
        Files.write(changed, bytes);
        // a named pipe of the same name instead of the file (docs/FORMAT.md: read like a file)
        boolean fifo = r.nextInt(5) == 0;
        String what = base + " " + file + " (meaning kept): " + m.describe() + (fifo ? "; delivered through a named pipe" : "");
        String format = EXPORT_FORMATS[r.nextInt(EXPORT_FORMATS.length)];
        for (String cmd : List.of("verify", "info", "export")) {
            List<String> args = new ArrayList<>(List.of(cmd, "INSTANCE"));
            if (cmd.equals("verify")) args.add("WITNESS");
            if (cmd.equals("export")) args.addAll(List.of("--format", format, "-o", "OUT"));
            CliRun expected = CliRun.of(resolve(args, b));
            String[] resolved = resolve(args, c);
            CliRun got = fifo ? throughFifo(changed, bytes, () -> run(fails, what, cmd, c, java.util.Arrays.copyOfRange(resolved, 1, resolved.length)))
                    : run(fails, what, cmd, c, java.util.Arrays.copyOfRange(resolved, 1, resolved.length));
            String e = expected.exit() + "\n" + normalise(expected.out(), b) + normalise(expected.err(), b);
            String g = got.exit() + "\n" + normalise(got.out(), c) + normalise(got.err(), c);
            if (!e.equals(g)) fails.add(what + ": " + cmd + " differs from the unchanged files:\n      expected " + e.replace("\n", "\n      ")
                    + "\n      got " + g.replace("\n", "\n      "));
            if (cmd.equals("export") && expected.exit() == 0) {
                String eo = Files.readString(b.instance().resolveSibling("out"));
                String go = Files.exists(c.instance().resolveSibling("out")) ? Files.readString(c.instance().resolveSibling("out")) : "(none)";
                if (!eo.equals(go)) fails.add(what + ": the exported " + format + " file differs from the unchanged instance's");
            }
        }
    }

    /** Runs {@code cli} while {@code file} is a named pipe that a thread fills with {@code bytes} once; the file is restored after. */
    static CliRun throughFifo(Path file, byte[] bytes, java.util.function.Supplier<CliRun> cli) throws IOException {
        Files.delete(file);
        try {
            if (new ProcessBuilder("mkfifo", file.toString()).start().waitFor() != 0) throw new IOException("mkfifo failed");
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        Thread writer = new Thread(() -> {
            try (var out = Files.newOutputStream(file)) {
                out.write(bytes);
            } catch (IOException e) {
                // the reader stopped early: its answer is checked, not the writer
            }
        });
        writer.setDaemon(true);
        writer.start();
        try {
            return cli.get();
        } finally {
            // a command that never opened the pipe leaves the writer waiting in open(): opening a FIFO read-write
            // does not block on Linux and releases it; closing it again ends the writer's write with a broken pipe
            if (writer.isAlive()) {
                try (var release = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                    release.getFD();
                }
            }
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.delete(file);
            Files.write(file, bytes);
        }
    }

    static final Predicate<String> INSTANCE_RATIONAL = p -> p.matches(
            "\\$\\.threshold|\\$\\.data\\.(inputs|targets)\\[\\d+]\\[\\d+]|\\$\\.fixed\\[\\d+]\\.value|\\$\\.expected\\.optimum|.*\\.alpha"
                    + "|.*\\.coefficients\\[\\d+]");
    static final Predicate<String> WITNESS_RATIONAL = p -> p.matches("\\$\\.layers\\[\\d+]\\.(weights\\[\\d+]\\[\\d+]|biases\\[\\d+])|\\$\\.loss");

    static String[] resolve(List<String> args, Case c) {
        return args.stream().map(a -> switch (a) {
            case "INSTANCE" -> c.instance().toString();
            case "WITNESS" -> c.witness().toString();
            case "OUT" -> c.instance().resolveSibling("out").toString();
            default -> a;
        }).toArray(String[]::new);
    }

    static String normalise(String s, Case c) {
        return s.replace(c.instance().getParent().toString(), "DIR");
    }

    void solveMutant(long seed, Random r, Path dir, List<String> fails) throws IOException {
        String base = TINY.get(r.nextInt(TINY.size()));
        Case c = write(base, dir);
        FuzzMutator m = new FuzzMutator(r);
        String text = INSTANCE_TEXT.get(base);
        // half of them change a value only, so that many mutants are still valid instances to solve
        int kind = r.nextInt(4);
        byte[] mutated;
        if (kind == 0) {
            mutated = m.mutateJson(text);
        } else if (kind == 1) {
            mutated = FuzzMutator.utf8(r.nextBoolean() ? m.treeReplaceWhere(text, s -> s.get().isValueNode() && !s.path().endsWith("format"), m::numberEdge)
                    : m.treeReplaceWhere(text, s -> s.get().isValueNode(), v -> m.pick(FuzzMutator.JSON_VALUES.subList(0, 45))));
        } else {
            for (int k = 1 + r.nextInt(2); k > 0; k--) text = m.semanticInstance(text);
            mutated = FuzzMutator.utf8(text);
        }
        Files.write(c.instance(), mutated);
        String what = base + ".json: " + m.describe();
        Path w = dir.resolve("found.witness.json");
        CliRun solve = run(fails, what, "solve", c, c.instance().toString(), "--timeout", "2", "--witness", w.toString());
        CliRun opt = run(fails, what, "optimize", c, c.instance().toString(), "--timeout", "2");
        if (solve.exit() == 2 && !(opt.exit() == 2 && opt.err().equals(solve.err()))) {
            fails.add(what + ": solve refused the instance (" + solve.err().strip() + ") but optimize gave exit " + opt.exit());
        }
        if (solve.exit() == 2 && Files.exists(w)) fails.add(what + ": solve refused the instance but wrote a witness");
        if (solve.exit() == 10) {
            CliRun v = run(fails, what, "verify", c, c.instance().toString(), w.toString());
            if (v.exit() != 0) fails.add(what + ": solve's witness does not verify: exit " + v.exit() + " " + first(v.out() + v.err()));
        }
        if (solve.exit() != 10 && solve.exit() != 20) return;
        checkSolveAgainstBruteForce(c, w, solve, opt, what, fails);
        CliRun info = run(fails, what, "info", c, c.instance().toString());
        Rational gamma = value(info.out(), "threshold: ");
        Rational best = opt.exit() == 30 ? value(opt.out(), "c optimum ") : opt.exit() == 10 ? value(opt.out(), "c loss ") : null;
        if (gamma == null || best == null) return;
        boolean fits = best.compareTo(gamma) <= 0;
        if (solve.exit() == 20 && fits) fails.add(what + ": solve says UNSAT but optimize found loss " + best + " <= threshold " + gamma);
        if (solve.exit() == 10 && opt.exit() == 30 && !fits) {
            fails.add(what + ": solve says SAT but optimize proved optimum " + best + " > threshold " + gamma);
        }
    }

    /**
     * The reference's exact minimum over the whole finite domain (enumerated when at most 20,000
     * vectors): solve's SAT/UNSAT must agree with it, solve's witness must reach the threshold by the
     * reference's loss, and optimize's proved optimum must equal it.
     */
    static void checkSolveAgainstBruteForce(Case c, Path witness, CliRun solve, CliRun opt, String what, List<String> fails) {
        FuzzReference.Instance inst;
        java.util.Optional<FuzzReference.Q> min;
        try {
            inst = FuzzReference.instance(c.instance());
            min = FuzzReference.minimumLoss(inst, 20_000);
        } catch (IOException | RuntimeException e) {
            count("reference: unsupported");
            return;
        }
        if (solve.exit() == 10) {
            checkAgainstReference(new Case(c.base(), c.instance(), witness, c.csv()),
                    CliRun.of("verify", c.instance().toString(), witness.toString()), what + " (solve's witness)", fails);
        }
        if (min.isEmpty()) {
            count("brute force: too many vectors");
            return;
        }
        count("brute force: checked");
        boolean sat = min.get().compareTo(inst.threshold()) <= 0;
        for (String format : List.of("opb", "cnf")) {
            // the exported decision question, solved by Sat4j's own readers, against the enumeration
            Path out = c.instance().resolveSibling("decision." + format);
            CliRun e = run(fails, what, "export", c, c.instance().toString(), "--format", format, "-o", out.toString());
            if (e.exit() != 0) continue;
            Boolean fileSat = sat4j(out, format);
            if (fileSat == null) {
                count("export: sat4j undecided");
            } else {
                count("export: " + format + " decided by sat4j");
                if (fileSat != sat) fails.add(what + ": the exported " + format + " is " + (fileSat ? "satisfiable" : "unsatisfiable")
                        + ", but the least loss " + min.get() + (sat ? " <= " : " > ") + "threshold " + inst.threshold());
            }
        }
        if (solve.exit() == 10 && !sat) fails.add(what + ": solve says SAT, but the least loss is " + min.get() + " > threshold " + inst.threshold());
        if (solve.exit() == 20 && sat) fails.add(what + ": solve says UNSAT, but loss " + min.get() + " <= threshold " + inst.threshold() + " is reachable");
        if (opt.exit() == 30) {
            Rational optimum = value(opt.out(), "c optimum ");
            if (optimum == null || !optimum.toString().equals(min.get().toString())) {
                fails.add(what + ": optimize proved optimum " + optimum + ", the least loss by enumeration is " + min.get());
            }
        }
        if (opt.exit() == 10) {
            Rational best = value(opt.out(), "c loss ");
            if (best == null || new FuzzReference.Q(best.numerator(), best.denominator()).compareTo(min.get()) < 0) {
                fails.add(what + ": optimize reports loss " + best + " below the least loss " + min.get());
            }
        }
    }

    /** Whether Sat4j finds the OPB or DIMACS file satisfiable (null: not decided within 10 s). */
    static Boolean sat4j(Path file, String format) {
        try {
            org.sat4j.specs.ISolver solver;
            if (format.equals("opb")) {
                // Not ermbit's: Sat4j 2.3.6 reads degrees past 64 bits wrongly ("-1 x1 >= 100000000000000000000 ;" is
                // satisfiable to it). So its model is checked against the file here, and its "unsatisfiable" is
                // believed only when every number in the file has at most 62 bits.
                String text = Files.readString(file);
                boolean small = java.util.Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("*"))
                        .flatMap(l -> java.util.Arrays.stream(l.split("[^0-9]+"))).allMatch(t -> t.length() <= 18);
                org.sat4j.pb.PBSolverHandle pb = new org.sat4j.pb.PBSolverHandle(new org.sat4j.pb.PseudoOptDecorator(org.sat4j.pb.SolverFactory.newDefault()));
                pb.setTimeout(10);
                try {
                    new org.sat4j.pb.reader.OPBReader2012(pb).parseInstance(file.toString());
                } catch (org.sat4j.specs.ContradictionException e) {
                    return small ? false : null;
                }
                if (!pb.isSatisfiable()) return small ? false : null;
                if (!opbModelSatisfies(text, pb.model())) {
                    count("export: sat4j's model violates the opb file (numbers past 64 bits)");
                    return null;
                }
                return true;
            } else {
                // Not a bug: the exporter writes a constraint that lowering proved false as the empty clause "0", which
                // DIMACS allows (the formula is then unsatisfiable); Sat4j's reader does not count it and refuses the file.
                if (java.util.Arrays.asList(Files.readString(file).split("\n")).contains("0")) return false;
                solver = org.sat4j.minisat.SolverFactory.newDefault();
                solver.setTimeout(10);
                new org.sat4j.reader.DimacsReader(solver).parseInstance(file.toString());
            }
            return solver.isSatisfiable();
        } catch (org.sat4j.specs.ContradictionException e) {
            return false;
        } catch (org.sat4j.specs.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("Sat4j cannot read the exported " + format + " file: " + e, e);
        }
    }

    /** Whether the model (DIMACS-style literals) satisfies every row "c1 x1 +c2 x2 … >= k ;" or "= k ;" of the OPB text, exactly. */
    static boolean opbModelSatisfies(String opb, int[] model) {
        Set<Integer> on = new java.util.HashSet<>();
        for (int v : model) if (v > 0) on.add(v);
        for (String line : opb.split("\n")) {
            if (line.startsWith("*") || line.isBlank() || line.startsWith("min:")) continue;
            String[] t = line.replace(";", " ").trim().split("\\s+");
            BigInteger lhs = BigInteger.ZERO;
            int i = 0;
            while (!t[i].equals(">=") && !t[i].equals("=")) {
                if (on.contains(Integer.parseInt(t[i + 1].substring(1)))) lhs = lhs.add(new BigInteger(t[i].replace("+", "")));
                i += 2;
            }
            int c = lhs.compareTo(new BigInteger(t[i + 1].replace("+", "")));
            if (t[i].equals(">=") ? c < 0 : c != 0) return false;
        }
        return true;
    }

    /** The exact number after {@code key} at the start of a line ("p/q" or "p", up to the first blank), parsed here by hand. */
    static Rational value(String out, String key) {
        for (String l : out.split("\n")) {
            if (!l.startsWith(key)) continue;
            String v = l.substring(key.length()).split(" ")[0];
            String[] pq = v.split("/");
            try {
                return Rational.of(new BigInteger(pq[0]), pq.length == 2 ? new BigInteger(pq[1]) : BigInteger.ONE);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the oracle

    static final Map<String, Set<Integer>> EXITS = Map.of(
            "verify", Set.of(0, 1, 2), "info", Set.of(0, 2), "export", Set.of(0, 2), "solve", Set.of(0, 10, 20, 2), "optimize", Set.of(0, 10, 30, 2));

    /** Runs one command and checks it against the contract of docs/CLI.md; adds a line per violation. */
    static CliRun run(List<String> fails, String what, String cmd, Case c, String... rest) {
        String[] args = new String[rest.length + 1];
        args[0] = cmd;
        System.arraycopy(rest, 0, args, 1, rest.length);
        Path exportOut = null;
        for (int i = 0; i + 1 < rest.length; i++) if (rest[i].equals("-o")) exportOut = Path.of(rest[i + 1]);
        CliRun r;
        try {
            r = CliRun.of(args);
        } catch (RuntimeException | Error e) {
            fails.add(what + ": " + cmd + " threw " + e);
            return new CliRun(-1, "", "");
        }
        String ctx = what + ": " + cmd + " (exit " + r.exit() + ")";
        count(cmd + " exit " + r.exit());
        if (!EXITS.get(cmd).contains(r.exit())) fails.add(ctx + ": exit code not allowed; " + first(r.err() + r.out()));
        if (r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("at org.")) {
            fails.add(ctx + ": stack trace or exception name on stderr: " + first(r.err()));
        }
        // Error messages quote input text shortened (JsonInput.describe: 40 characters, values: 60; JSON syntax errors: 200):
        // one line stays readable however long the offending value is. File names here are < 100 characters.
        if (r.err().length() > 1_500) fails.add(ctx + ": " + r.err().length() + " characters on stderr: " + first(r.err()));
        boolean plain = !cmd.equals("solve") && !cmd.equals("optimize");
        if (r.exit() == 2) {
            List<String> lines = r.errLines();
            if (lines.size() != 1) fails.add(ctx + ": " + lines.size() + " lines on stderr: " + first(r.err()));
            else if (!lines.get(0).startsWith("ermbit: ")) fails.add(ctx + ": the error line does not start with 'ermbit: ': " + first(r.err()));
            boolean named = false;
            for (Path p : c.inputs()) named |= blames(r, p);
            named |= referencedCsv(c).map(p -> blames(r, p)).orElse(false);
            if (!named) fails.add(ctx + ": the error line names none of the input files: " + first(r.err()));
            // docs/CLI.md: invalid JSON is located by "line L, column C"; messages are ermbit's, not the JSON library's
            if (r.err().contains(": invalid JSON: ") && !r.err().matches("(?s)ermbit: [^\n]*: line \\d+, column \\d+: invalid JSON: .*")) {
                fails.add(ctx + ": invalid JSON without its line and column: " + first(r.err()));
            }
            for (String internal : List.of("`StreamReadFeature", "`JsonReadFeature", "StreamReadConstraints", "com.fasterxml", "[Source:", "REDACTED")) {
                if (r.err().contains(internal)) fails.add(ctx + ": the error line names parser internals (" + internal + "): " + first(r.err()));
            }
            if (plain && !r.out().isEmpty()) fails.add(ctx + ": stdout is not empty: " + first(r.out()));
            for (String l : r.out().split("\n")) {
                if (l.startsWith("s ") || l.startsWith("o ") || l.contains("VERIFIED")) fails.add(ctx + ": an answer on stdout: " + l);
            }
            if (exportOut != null && Files.exists(exportOut)) fails.add(ctx + ": export refused the input but wrote " + exportOut);
        } else if (r.exit() == 1 && !cmd.equals("verify")) {
            fails.add(ctx + ": internal error: " + first(r.err()));
        } else if (r.exit() >= 0) {
            if (plain && !r.err().isEmpty()) fails.add(ctx + ": stderr is not empty: " + first(r.err()));
            if (r.err().contains("internal error")) fails.add(ctx + ": internal error: " + first(r.err()));
            String expect = switch (cmd) {
                case "verify" -> r.exit() == 0 ? "s VERIFIED" : "s REFUTED";
                case "info" -> "instance: ";
                case "export" -> "c wrote ";
                default -> r.exit() == 0 ? "s UNKNOWN" : r.exit() == 10 ? "s SATISFIABLE" : r.exit() == 20 ? "s UNSATISFIABLE" : "s OPTIMUM FOUND";
            };
            if (!r.out().startsWith(expect) && !r.out().contains("\n" + expect)) fails.add(ctx + ": no line '" + expect + "' on stdout: " + first(r.out()));
        }
        return r;
    }

    /** The CSV file a (mutated) instance names in $.data.csv, resolved as docs/FORMAT.md says, if it can be read. */
    static java.util.Optional<Path> referencedCsv(Case c) {
        try {
            JsonNode csv = FuzzMutator.MAPPER.readTree(FuzzReference.text(c.instance())).path("data").path("csv");
            return csv.isTextual() ? java.util.Optional.of(c.instance().toAbsolutePath().getParent().resolve(csv.asText()).normalize())
                    : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the error line names {@code file} as the file at fault ("ermbit: FILE: …"). */
    static boolean blames(CliRun r, Path file) {
        return r.err().startsWith("ermbit: " + file + ":") || r.err().startsWith("ermbit: " + file + "\n");
    }

    static String first(String s) {
        String t = visible(s.strip());
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }

    /** Control characters made visible for failure messages. */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(100_000).forEach(cp -> {
            if (cp < 0x20 && cp != '\n' || cp == 0x7f || cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
