package io.fieldsales.platform.warmup;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Runs every {@link WarmUp} at start ({@code rounds} rounds of {@code copies} concurrent copies each), retrying
 * failures, and remembers which are still pending for {@link WarmUpReadiness}.
 */
@ApplicationScoped
public class WarmUpRunner {

    private static final Logger LOG = Logger.getLogger(WarmUpRunner.class);

    @Inject
    WarmUpConfig config;

    @Inject
    @Any
    Instance<WarmUp> contributions;

    @Inject
    Vertx vertx;

    private final WarmUpState state = new WarmUpState();

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            state.finish(Map.of());
            return;
        }
        List<WarmUp> actions = new ArrayList<>();
        contributions.forEach(actions::add);
        run(actions).subscribe().with(failures -> {
            if (failures.isEmpty()) {
                LOG.infof("Warmed up in %d ms: %s", state.elapsedMillis(), state.names());
            } else {
                LOG.warnf("Warm-up gave up after %d ms; ready anyway. Failed: %s", state.elapsedMillis(), failures);
            }
        });
    }

    /** Runs the actions (all at once, each its rounds in turn); emits the failures of those that gave up. */
    Uni<Map<String, String>> run(List<WarmUp> actions) {
        long deadline = System.nanoTime() + config.maxDuration().toNanos();
        Map<String, String> failures = new ConcurrentHashMap<>();
        state.begin(actions.stream().map(WarmUp::name).toList());
        if (actions.isEmpty()) {
            state.finish(failures);
            return Uni.createFrom().item(failures);
        }
        List<Uni<Void>> all = new ArrayList<>();
        for (WarmUp action : actions) {
            all.add(rounds(action, deadline)
                    .onFailure().invoke(f -> failures.put(action.name(), String.valueOf(f)))
                    .onFailure().recoverWithNull()
                    .invoke(() -> state.done(action.name())));
        }
        return Uni.join().all(all).andCollectFailures().map(ignored -> {
            state.finish(failures);
            return Map.copyOf(failures);
        });
    }

    private Uni<Void> rounds(WarmUp action, long deadline) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int r = 0; r < Math.max(1, config.rounds()); r++) {
            chain = chain.chain(() -> untilSuccess(action, deadline));
        }
        return chain;
    }

    private Uni<Void> untilSuccess(WarmUp action, long deadline) {
        return Uni.createFrom().deferred(() -> once(action))
                .onFailure(f -> System.nanoTime() < deadline).retry()
                .withBackOff(config.retryDelay(), config.retryDelay()).expireAt(deadlineEpochMillis(deadline));
    }

    private static long deadlineEpochMillis(long deadlineNanos) {
        return System.currentTimeMillis() + Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    private Uni<Void> once(WarmUp action) {
        List<Uni<Void>> parallel = new ArrayList<>();
        for (int i = 0; i < Math.max(1, action.copies()); i++) {
            parallel.add(onNewContext(action));
        }
        return Uni.join().all(parallel).andFailFast().replaceWithVoid();
    }

    /** Runs the action on a new duplicated Vert.x context, as a request would (Hibernate Reactive needs one). */
    private Uni<Void> onNewContext(WarmUp action) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                try {
                    action.run().subscribe().with(emitter::complete, emitter::fail);
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
        });
    }

    /** Where the warm-up stands (read by readiness). */
    public WarmUpState state() {
        return state;
    }
}
