package org.millrace.configuration;

import static org.millrace.configuration.ConfigOptions.key;

/** Options for the network data exchange between tasks: how many buffers each channel and gate gets. */
public final class NettyShuffleEnvironmentOptions {

    private NettyShuffleEnvironmentOptions() {}

    public static final ConfigOption<Integer> NETWORK_BUFFERS_PER_CHANNEL =
            key("taskmanager.network.memory.buffers-per-channel")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Buffers reserved for each remote input channel (credit-based flow control)."
                            + " At least 2 keeps the network busy while the task processes a buffer.");

    public static final ConfigOption<Integer> NETWORK_EXTRA_BUFFERS_PER_GATE =
            key("taskmanager.network.memory.floating-buffers-per-gate")
                    .intType()
                    .defaultValue(8)
                    .withDescription("Extra buffers an input gate lends to whichever of its channels is"
                            + " backlogged, which smooths out skew between channels.");
}
