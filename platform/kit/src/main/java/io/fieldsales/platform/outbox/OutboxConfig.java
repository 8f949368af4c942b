package io.fieldsales.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay ({@code fieldsales.outbox.*}). */
@ConfigMapping(prefix = "fieldsales.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay (every replica may: they take turns through a database lock). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per pass (at most the emitter's buffer, 2048). */
    @WithDefault("1000")
    int batchSize();

    /** The safety-net poll; the relay normally wakes on the commit notification within milliseconds. */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** First delay after a failed pass (Kafka down); doubles per failure, with jitter, up to maxBackoff. */
    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT30S")
    Duration maxBackoff();

    /** How long a pass waits for Kafka to acknowledge one event before it gives up and backs off. */
    @WithDefault("PT15S")
    Duration sendTimeout();

    /** How long sent rows are kept (for replay and investigation) before they are pruned. */
    @WithDefault("P7D")
    Duration retention();

    @WithDefault("PT10M")
    Duration pruneInterval();

    /** The CloudEvents source of this service's events. */
    @WithDefault("${quarkus.application.name}")
    String source();
}
