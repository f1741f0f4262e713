package org.ermbit.reductions.cnf;

/** A DRAT proof that cannot be read; the message is the one-line reason (with the line or byte offset). */
final class MalformedProofException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedProofException(String reason) {
        super(reason, null, false, false);
    }
}
