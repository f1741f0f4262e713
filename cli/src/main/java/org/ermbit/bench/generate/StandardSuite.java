package org.ermbit.bench.generate;

import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Activation;
import org.ermbit.core.number.Rational;

/**
 * The small standard suite measured in docs/BENCHMARKS.md ({@code ermbit generate suite}): a few
 * instances of every family, sized so that a 60 s limit separates the solvers on two cores.
 */
public final class StandardSuite {
    private StandardSuite() {
    }

    /** Every instance of the suite, in a fixed order. */
    public static List<Generated> instances() {
        List<Generated> out = new ArrayList<>();
        Activation relu = new Activation.Relu();
        for (long s = 1; s <= 3; s++) out.add(TeacherGenerator.generate(new TeacherGenerator.Spec("planted", 2, 2, relu, DomainTags.integers(3), 8, 3, 0, s)));
        for (long s = 1; s <= 2; s++) out.add(TeacherGenerator.generate(new TeacherGenerator.Spec("planted", 3, 2, relu, DomainTags.integers(3), 10, 3, 0, s)));
        out.add(TeacherGenerator.generate(new TeacherGenerator.Spec("planted", 2, 3, relu, DomainTags.integers(4), 12, 3, 0, 1)));
        // session 6: harder teachers (the issue #3 size 2-4-1, 3-bit, 20 points, and one unit more)
        for (long s = 1; s <= 3; s++) out.add(TeacherGenerator.generate(new TeacherGenerator.Spec("planted", 2, 4, relu, DomainTags.integers(3), 20, 3, 0, s)));
        for (long s = 1; s <= 2; s++) out.add(TeacherGenerator.generate(new TeacherGenerator.Spec("planted", 2, 5, relu, DomainTags.integers(3), 20, 3, 0, s)));
        for (long s = 1; s <= 2; s++) out.add(TeacherGenerator.generate(new TeacherGenerator.Spec("noisy", 2, 1, relu, DomainTags.integers(3), 8, 3, 2, s)));
        out.add(ParityGenerator.generate(2, 2, DomainTags.integers(3)));
        out.add(ParityGenerator.generate(2, 1, DomainTags.integers(3)));
        out.add(ParityGenerator.generate(3, 3, DomainTags.integers(3)));
        out.add(RealDataGenerator.generate(new RealDataGenerator.Spec("iris", 12, 4, 1, 0, DomainTags.ternary(), 1)));
        out.add(RealDataGenerator.generate(new RealDataGenerator.Spec("wine", 12, 3, 0, 0, DomainTags.ternary(), 1)));
        out.add(RealDataGenerator.generate(new RealDataGenerator.Spec("breast_cancer", 12, 3, 0, 0, DomainTags.ternary(), 1)));
        for (long s = 1; s <= 3; s++) out.add(ThreeSatGenerator.generate(10, 43, s));
        for (long s = 1; s <= 3; s++) out.add(ThreeSatGenerator.generate(20, 91, s));
        Activation square = new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE));
        for (long s = 1; s <= 2; s++) out.add(TeacherGenerator.generate(new TeacherGenerator.Spec("polynomial", 1, 1, square, DomainTags.ternary(), 4, 2, 0, s)));
        out.add(TeacherGenerator.generate(new TeacherGenerator.Spec("polynomial", 2, 2, square, DomainTags.ternary(), 6, 2, 0, 1)));
        return out;
    }
}
