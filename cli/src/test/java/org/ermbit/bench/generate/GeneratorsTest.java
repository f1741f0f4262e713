package org.ermbit.bench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ermbit.bench.ExpectedAnswer;
import org.ermbit.bench.Manifest;
import org.ermbit.bench.ManifestEntry;
import org.ermbit.bench.Mode;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.InstanceWriter;
import org.ermbit.core.model.Activation;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.cnf.Cnf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 17})
    void sameSeedGivesIdenticalFilesAndOtherSeedsDiffer(long seed) {
        var spec = new TeacherGenerator.Spec("planted", 2, 2, new Activation.Relu(), DomainTags.integers(3), 8, 3, 0, seed);
        String a = InstanceWriter.toJson(TeacherGenerator.generate(spec).instance());
        String b = InstanceWriter.toJson(TeacherGenerator.generate(spec).instance());
        assertEquals(a, b);
        var other = new TeacherGenerator.Spec("planted", 2, 2, new Activation.Relu(), DomainTags.integers(3), 8, 3, 0, seed + 1000);
        assertNotEquals(a, InstanceWriter.toJson(TeacherGenerator.generate(other).instance()));
        assertTrue(Arrays.deepEquals(ThreeSatGenerator.randomCnf(20, 91, seed).clauses().toArray(),
                ThreeSatGenerator.randomCnf(20, 91, seed).clauses().toArray()));
    }

    @Test
    void plantedTeacherIsAcceptedAndLabelledSat() {
        Generated g = TeacherGenerator.generate(new TeacherGenerator.Spec("planted", 3, 2, new Activation.Relu(), DomainTags.integers(3), 10, 3, 0, 5));
        assertTrue(Verifier.verify(g.instance(), g.planted().orElseThrow()).accepted());
        assertEquals(new Label(ExpectedAnswer.sat(), "planted"), new Labeler(BigInteger.ZERO).label(g));
    }

    @Test
    void parityTargetsAndPlantedNetworkMatchHandComputedParity() {
        Generated g = ParityGenerator.generate(3, 3, DomainTags.integers(3));
        var data = g.instance().data();
        assertEquals(8, data.size());
        // point m is the binary expansion of m (most significant first); parity by hand: 0,1,1,0,1,0,0,1
        int[] parity = {0, 1, 1, 0, 1, 0, 0, 1};
        for (int m = 0; m < 8; m++) assertEquals(Rational.of(parity[m]), data.targets().get(m).get(0));
        assertEquals(List.of(Rational.ONE, Rational.ONE, Rational.ZERO), data.inputs().get(6));
        assertTrue(Verifier.verify(g.instance(), g.planted().orElseThrow()).accepted());
    }

    @Test
    void xorWithOneHiddenUnitIsLabelledUnsatByBruteForce() {
        // Hand proof that no real weights fit XOR with one ReLU unit: u affine gives u00 + u11 = u01 + u10, and
        // relu(u00) = relu(u11) = R, relu(u01) = relu(u10) = S != R is impossible (R > 0 forces u00 = u11 = R, so
        // u01 + u10 = 2R > 0, hence S > 0 and S = R; R = 0 forces u00 + u11 <= 0, so S = 0 = R).
        Generated g = ParityGenerator.generate(2, 1, DomainTags.integers(3));
        assertTrue(g.planted().isEmpty());
        assertEquals(new Label(ExpectedAnswer.unsat(), "brute-force"), new Labeler(Labeler.DEFAULT_CAP).label(g));
    }

    @Test
    void cnfEnumerationOnHandMadeFormulas() {
        List<int[]> all = new ArrayList<>();
        for (int m = 0; m < 8; m++) all.add(new int[] {(m & 1) == 0 ? 1 : -1, (m & 2) == 0 ? 2 : -2, (m & 4) == 0 ? 3 : -3});
        assertTrue(ThreeSatGenerator.enumerate(new Cnf(3, all)).isEmpty(), "all 8 sign patterns over 3 variables: unsatisfiable");
        // drop the clause (-1 -2 -3): the only model is 1 = 2 = 3 = true
        boolean[] model = ThreeSatGenerator.enumerate(new Cnf(3, all.subList(0, 7))).orElseThrow();
        assertTrue(model[1] && model[2] && model[3]);
    }

    @Test
    void reducedThreeSatLabelComesFromTheCnf() {
        Generated g = ThreeSatGenerator.generate(10, 43, 1);
        Label l = g.independent().orElseThrow();
        assertEquals("cnf-enumeration", l.source());
        assertEquals(ThreeSatGenerator.enumerate(ThreeSatGenerator.randomCnf(10, 43, 1)).isPresent(), l.expected().kind() == ExpectedAnswer.Kind.SAT);
        // 3sat-relu: n+1 inputs, one data point per clause plus the anchor
        assertEquals(11, g.instance().architecture().inputs());
        assertEquals(44, g.instance().data().size());
    }

    @Test
    void bundledDataSetsHaveTheirPublishedShapes() {
        // scikit-learn documentation: iris 150 x 4 (3 classes), wine 178 x 13 (3), breast_cancer 569 x 30 (2)
        RealDataset iris = RealDataset.load("iris");
        assertEquals(150, iris.size());
        assertEquals(4, iris.featureCount());
        assertEquals(3, iris.classNames().size());
        assertEquals(Rational.of(51, 10), iris.features().get(0).get(0)); // first row 5.1,3.5,1.4,0.2
        assertEquals(178, RealDataset.load("wine").size());
        assertEquals(13, RealDataset.load("wine").featureCount());
        assertEquals(569, RealDataset.load("breast_cancer").size());
        assertEquals(30, RealDataset.load("breast_cancer").featureCount());
    }

    @Test
    void suiteWriterRecordsAndReplacesManifestLines(@TempDir Path dir) throws Exception {
        SuiteWriter w = new SuiteWriter(dir, new Labeler(BigInteger.ZERO));
        w.write(ParityGenerator.generate(2, 2, DomainTags.integers(3)));
        w.write(ParityGenerator.generate(2, 2, DomainTags.integers(3)));
        w.write(ThreeSatGenerator.generate(40, 10, 3));
        List<ManifestEntry> entries = Manifest.open(dir).entries();
        assertEquals(2, entries.size());
        assertEquals(new ManifestEntry("3sat/3sat-relu-v40-c10-s3.json", "3sat", Mode.SOLVE, ExpectedAnswer.unknown(), "-"), entries.get(0));
        assertEquals("parity/parity-k2-h2-b3.json parity solve sat planted", entries.get(1).line());
        assertTrue(Files.readString(dir.resolve("parity/parity-k2-h2-b3.json")).contains("\"expected\": \"sat\""));
    }
}
