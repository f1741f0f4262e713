package org.ermbit.reductions.encode;

/** The instance lies outside what the NP encoder handles; the message starts with "not supported: ". */
public final class UnsupportedInstanceException extends RuntimeException {
    public UnsupportedInstanceException(String message) {
        super(message);
    }
}
