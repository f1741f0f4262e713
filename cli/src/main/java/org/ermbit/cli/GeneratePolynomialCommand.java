package org.ermbit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ermbit.bench.generate.TeacherGenerator;
import org.ermbit.core.model.Activation;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ermbit generate polynomial}: planted teachers with a polynomial hidden activation (counting / exhaustive route). */
@Command(name = "polynomial", description = "Planted inputs-hidden-1 teacher with a polynomial hidden activation (default t^2), sat by construction.")
final class GeneratePolynomialCommand implements Callable<Integer> {
    @Mixin GenerateOptions common;
    @Mixin DomainOption domain;
    @Option(names = "--inputs", paramLabel = "N", description = "Inputs. Default: 1.") int inputs = 1;
    @Option(names = "--hidden", paramLabel = "N", description = "Hidden units. Default: 1.") int hidden = 1;
    @Option(names = "--points", paramLabel = "N", description = "Data points. Default: 4.") int points = 4;
    @Option(names = "--range", paramLabel = "R", description = "Inputs are integers in [-R, R]. Default: 2.") int range = 2;
    @Option(names = "--coefficients", split = ",", paramLabel = "C", description = "c0,c1,…,cd of the activation (exact rationals). Default: 0,0,1.")
    List<String> coefficients = new ArrayList<>(List.of("0", "0", "1"));
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        List<Rational> cs = new ArrayList<>();
        for (String c : coefficients) {
            try {
                cs.add(RationalParser.parse(c));
            } catch (NumberFormatException e) {
                throw new UsageException("--coefficients: '" + c + "': " + e.getMessage());
            }
        }
        Activation act = new Activation.Polynomial(cs);
        if (act.degree() < 2) throw new UsageException("--coefficients: the polynomial must have degree >= 2");
        var d = domain.domain(3, true);
        return common.forEachSeed(spec, s -> TeacherGenerator.generate(
                new TeacherGenerator.Spec("polynomial", inputs, hidden, act, d, points, range, 0, s)));
    }
}
