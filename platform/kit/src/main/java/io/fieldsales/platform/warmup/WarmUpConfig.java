package io.fieldsales.platform.warmup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the warm-up before readiness ({@code fieldsales.warmup.*}). */
@ConfigMapping(prefix = "fieldsales.warmup")
public interface WarmUpConfig {

    /** Whether readiness waits for the warm-up actions at all. */
    @WithDefault("true")
    boolean enabled();

    /** How many rounds of every action run one after the other (the JIT compiles what runs often). */
    @WithDefault("3")
    int rounds();

    /** A failing action is retried this often until it succeeds... */
    @WithDefault("PT0.5S")
    Duration retryDelay();

    /**
     * ...or until this much time has passed since the start; then readiness goes UP anyway (with the failure in its
     * data and a warning in the log), so one broken contribution cannot keep every replica out for good.
     */
    @WithDefault("PT60S")
    Duration maxDuration();

    /** How many database pool connections are opened and used before readiness (at most the pool's size). */
    @WithDefault("${quarkus.datasource.reactive.max-size:20}")
    int databaseConnections();
}
