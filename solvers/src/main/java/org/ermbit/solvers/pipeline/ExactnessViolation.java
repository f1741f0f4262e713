package org.ermbit.solvers.pipeline;

/**
 * A backend or the encoder produced an answer the exact checks reject: a model that violates the
 * IR, a decoded witness the verifier refutes, an activation pattern that differs from the recomputed
 * one, or an UNSAT contradicted by a verified witness. Always an internal error (exit 1), never an
 * answer; the message names the backend.
 */
public final class ExactnessViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExactnessViolation(String message) {
        super(message);
    }
}
