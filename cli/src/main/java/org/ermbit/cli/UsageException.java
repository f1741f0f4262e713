package org.ermbit.cli;

/** A bad command-line argument found after parsing; reported as one line with exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
