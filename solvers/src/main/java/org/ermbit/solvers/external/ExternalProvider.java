package org.ermbit.solvers.external;

import java.util.List;
import java.util.regex.Pattern;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;

/** Shared provider logic: the binary's name, a cached probe, and creation of the solver. */
abstract class ExternalProvider implements SolverProvider {
    private final String binaryName;
    private final List<String> versionArgs;
    private final Pattern versionPattern;
    private volatile Availability probed;

    ExternalProvider(String binaryName, List<String> versionArgs, Pattern versionPattern) {
        this.binaryName = binaryName;
        this.versionArgs = versionArgs;
        this.versionPattern = versionPattern;
    }

    @Override
    public Availability probe() {
        Availability a = probed;
        if (a == null) probed = a = Binaries.probe(binaryName, versionArgs, versionPattern);
        return a;
    }

    @Override
    public Solver create() {
        Availability a = probe();
        if (!a.available()) throw new IllegalStateException(id() + ": " + a.reason());
        return newSolver(a.version(), Binaries.which(binaryName).orElseThrow(
                () -> new IllegalStateException(id() + ": " + binaryName + " disappeared from PATH")));
    }

    abstract Solver newSolver(String version, java.nio.file.Path binary);
}
