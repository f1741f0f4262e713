package org.ermbit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes seeded uniform random 3-CNF files (DIMACS) for tests that need large or slow inputs. */
final class RandomCnfFile {
    private RandomCnfFile() {
    }

    /** {@code clauses} clauses of three literals over {@code vars} variables, drawn with {@code seed}. */
    static Path write(Path file, int vars, int clauses, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("p cnf " + vars + " " + clauses + "\n");
            for (int c = 0; c < clauses; c++) {
                for (int k = 0; k < 3; k++) w.write((rnd.nextBoolean() ? "-" : "") + (1 + rnd.nextInt(vars)) + " ");
                w.write("0\n");
            }
        }
        return file;
    }
}
