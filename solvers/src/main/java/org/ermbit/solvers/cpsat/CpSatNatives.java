package org.ermbit.solvers.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.init.OrToolsVersion;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import org.ermbit.core.spi.Availability;

/**
 * Loads OR-Tools' native library once per JVM, on first request (never in a static initialiser), and
 * checks it with a one-variable solve. The outcome, with the reason on failure, is cached.
 */
final class CpSatNatives {
    private static Availability loaded;

    private CpSatNatives() {
    }

    /** Loads the natives if not yet tried; available with the OR-Tools version, or the reason it failed. */
    static synchronized Availability load() {
        if (loaded == null) loaded = tryLoad();
        return loaded;
    }

    /**
     * A solver with {@code workers} workers that leaves SIGINT to the JVM. CP-SAT installs its own SIGINT
     * handler during a solve by default ({@code catch_sigint_signal}); a Ctrl-C then aborted the whole
     * JVM ({@code std::bad_function_call}, exit 134) instead of ermbit's orderly stop (exit 130).
     */
    static CpSolver newSolver(int workers) {
        CpSolver s = new CpSolver();
        s.getParameters().setNumWorkers(workers).setCatchSigintSignal(false);
        return s;
    }

    private static Availability tryLoad() {
        try {
            Loader.loadNativeLibraries();
        } catch (Throwable e) { // UnsatisfiedLinkError, RuntimeException from the extraction, NoClassDefFoundError
            return Availability.missing("OR-Tools native library did not load: " + e);
        }
        try {
            CpModel m = new CpModel();
            m.addEquality(m.newIntVar(0, 3, "x"), 2);
            CpSolver s = newSolver(1);
            CpSolverStatus st = s.solve(m);
            if (st != CpSolverStatus.OPTIMAL) return Availability.missing("CP-SAT self-test answered " + st);
            return Availability.ok(OrToolsVersion.getVersionString());
        } catch (Throwable e) {
            return Availability.missing("CP-SAT did not start: " + e);
        }
    }
}
