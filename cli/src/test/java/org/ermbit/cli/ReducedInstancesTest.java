package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/**
 * What {@code reduce} prints about and refuses in the instances it writes: sizes counted by hand, and
 * the ermbit/1 reader's caps (InstanceReader: 1,000 layers) at their inclusive end.
 */
class ReducedInstancesTest {

    /** {@code depth} identity layers of one unit on one input: 2 parameters per layer. */
    private static ErmInstance chain(int depth) {
        Architecture a = new Architecture(1, Collections.nCopies(depth, new LayerSpec(1, new Activation.Identity())));
        return new ErmInstance("chain", Optional.empty(), a,
                ParameterDomains.uniform(new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-1), BigInteger.ONE)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(Rational.ONE)), List.of(List.of(Rational.ONE))), Optional.empty());
    }

    @Test
    void sizeLineCountsLayersUnitsAndParameters() {
        assertEquals("3 layers, 3 units, 6 parameters (0 fixed)", ReducedInstances.sizeLine(chain(3)));
        assertEquals("reduction-of-f", ReducedInstances.nameFor(Path.of("dir", "f.cnf"), "reduction"));
        assertEquals("reduction-of-.cnf", ReducedInstances.nameFor(Path.of(".cnf"), "reduction"));
        assertEquals("reduction-of-a.b", ReducedInstances.nameFor(Path.of("a.b.cnf"), "reduction"));
        assertEquals("reduction-of-uf20-01", ReducedInstances.nameFor(Path.of("uf20-01.cnf.xz"), "reduction"));
        assertEquals("reduction-of-f", ReducedInstances.nameFor(Path.of("f.cnf.gz"), "reduction"));
        assertEquals("reduction-of-f.bz2", ReducedInstances.nameFor(Path.of("f.bz2.cnf"), "reduction"));
    }

    @Test
    void layerCapIsInclusive() {
        ReducedInstances.requireWritable(chain(1000), Path.of("f.cnf"));
        UsageException e = assertThrows(UsageException.class, () -> ReducedInstances.requireWritable(chain(1001), Path.of("f.cnf")));
        assertEquals("not supported: the reduced instance of f.cnf would have 1001 layers and 2002 parameters: more than 1000 layers"
                + " (ermbit/1 caps)", e.getMessage());
    }
}
