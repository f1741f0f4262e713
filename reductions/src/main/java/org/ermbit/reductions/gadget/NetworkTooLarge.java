package org.ermbit.reductions.gadget;

/**
 * A reduction's network would be past the caps its caller set (for instances: the {@code ermbit/1}
 * caps of {@code InstanceReader}), detected before the network is built in full, so that a valid
 * input too large to reduce costs neither the memory nor the time of building it. The message is the
 * problem, e.g. "more than 1000 layers".
 */
public final class NetworkTooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetworkTooLarge(String problem) {
        super(problem);
    }
}
