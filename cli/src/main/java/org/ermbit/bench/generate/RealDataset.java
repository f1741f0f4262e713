package org.ermbit.bench.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;

/**
 * One of the bundled scikit-learn data sets (Debian python3-sklearn CSVs, see the resource
 * {@code data/PROVENANCE.md}): rows of exact rational features and an integer class label. The
 * file's first line is {@code n_samples,n_features,class names…}.
 */
public record RealDataset(String name, List<String> classNames, List<List<Rational>> features, List<Integer> labels) {

    /** The data set names accepted by {@link #load}. */
    public static final List<String> NAMES = List.of("iris", "wine", "breast_cancer");

    /** Loads {@code iris}, {@code wine} or {@code breast_cancer} from the classpath. */
    public static RealDataset load(String name) {
        String file = switch (name) {
            case "iris" -> "iris.csv";
            case "wine" -> "wine_data.csv";
            case "breast_cancer" -> "breast_cancer.csv";
            default -> throw new IllegalArgumentException("unknown data set '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
        String text;
        try (InputStream in = RealDataset.class.getResourceAsStream("/org/ermbit/bench/data/" + file)) {
            if (in == null) throw new IllegalStateException("bundled data set " + file + " is missing from the classpath");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.strip().split("\r?\n");
        String[] head = lines[0].split(",");
        int rows = Integer.parseInt(head[0].strip());
        int cols = Integer.parseInt(head[1].strip());
        List<String> classes = Arrays.stream(head, 2, head.length).map(String::strip).toList();
        List<List<Rational>> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            if (f.length != cols + 1) throw new IllegalStateException(file + " line " + (i + 1) + ": expected " + (cols + 1) + " fields");
            List<Rational> x = new ArrayList<>();
            for (int j = 0; j < cols; j++) x.add(RationalParser.parse(f[j].strip()));
            xs.add(x);
            ys.add(Integer.parseInt(f[cols].strip()));
        }
        if (xs.size() != rows) throw new IllegalStateException(file + ": header says " + rows + " rows, found " + xs.size());
        return new RealDataset(name, classes, xs, ys);
    }

    public int size() {
        return features.size();
    }

    public int featureCount() {
        return features.get(0).size();
    }
}
