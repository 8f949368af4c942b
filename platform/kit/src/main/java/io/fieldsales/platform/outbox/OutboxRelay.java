package io.fieldsales.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, in order per aggregate, and marks them sent.
 *
 * <ul>
 *   <li>Wakes on the commit of an outbox insert (a trigger runs {@code pg_notify('outbox')}, delivered at commit,
 *       which this relay LISTENs to), with a slow poll as the safety net.</li>
 *   <li>Safe with several replicas: a pass runs inside a transaction holding a transaction-level advisory lock,
 *       so one relay publishes at a time and a row is marked sent in the same transaction that published it.</li>
 *   <li>Order: rows are read in commit-sequence order; one aggregate's rows are sent one after the other, each
 *       after the previous one's acknowledgement; a failed row stops its aggregate's rows for this pass.
 *       Different aggregates' sends run at once, started {@value #AGGREGATES_PER_TURN} per event-loop turn so that
 *       a large batch never holds the loop.</li>
 *   <li>Kafka down: writes keep committing; passes fail and back off exponentially with jitter until it is back.</li>
 *   <li>Sent rows are pruned after the retention; backlog size and oldest pending age are gauges.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "outbox";
    /** Aggregates whose first send starts in one event-loop turn (see {@link EventLoopSlices}). */
    static final int AGGREGATES_PER_TURN = 32;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxTable table;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong backoffUntil = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeMillis = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private volatile boolean stopped;
    private volatile CommitListener commits;
    private URI source;
    private final List<Long> timers = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        source = URI.create(config.source());
        Gauge.builder("fieldsales.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka").register(metrics);
        Gauge.builder("fieldsales.outbox.oldest.pending.age.seconds", oldestPendingAgeMillis, a -> a.get() / 1000.0)
                .description("Age of the oldest unpublished outbox row").register(metrics);
        Gauge.builder("fieldsales.outbox.published", published, AtomicLong::get)
                .description("Outbox rows this instance published").register(metrics);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        commits = CommitListener.listen(vertx, PgConnectOptions.fromUri(databaseUrl).setUser(databaseUser)
                .setPassword(databasePassword), config.pollInterval(), this::wake);
        timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), id -> {
            wake();
            refreshBacklogGauges();
        }));
        timers.add(vertx.setPeriodic(config.pruneInterval().toMillis(), id -> prune()));
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
        CommitListener c = commits;
        if (c != null) {
            c.close();
        }
        // Graceful shutdown: the pass under way finishes (its rows sent and marked sent) before the pool and the
        // producer close, so no batch is left published but unmarked (re-sent at the next start). Bounded by a send
        // timeout; this observer runs on the shutdown thread, never on an event loop.
        long deadline = System.nanoTime() + config.sendTimeout().plusSeconds(5).toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20));
        }
        if (running.get()) {
            LOG.warn("Outbox relay pass still running at shutdown; its rows are published again at the next start");
        }
    }

    /** Asks for a pass; passes never overlap within an instance, and a wake-up during a pass runs one more. */
    public void wake() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            wakeAgain.set(true);
            return;
        }
        long waitMillis = backoffUntil.get() - System.currentTimeMillis();
        if (waitMillis > 0) {
            running.set(false);
            return; // the backoff timer wakes us
        }
        wakeAgain.set(false);
        publishBatch().subscribe().with(count -> {
            consecutiveFailures.set(0);
            running.set(false);
            if (count >= config.batchSize() || wakeAgain.getAndSet(false)) {
                wake();
            }
        }, failure -> {
            int failures = consecutiveFailures.incrementAndGet();
            long delay = backoffMillis(failures);
            backoffUntil.set(System.currentTimeMillis() + delay);
            running.set(false);
            LOG.warnf("Outbox relay pass failed (%d in a row), next try in %d ms: %s", failures, delay,
                    failure.toString());
            vertx.setTimer(delay, id -> wake());
        });
    }

    /**
     * One pass: under the relay lock, publishes up to a batch of pending rows and marks those Kafka acknowledged.
     * Emits the number of rows published, or fails if any row could not be published (after marking the others).
     */
    public Uni<Integer> publishBatch() {
        return table.underRelayLock(config.batchSize(), this::publishPending, PassResult.EMPTY)
                .chain(result -> {
                    published.addAndGet(result.sent());
                    if (result.failure() != null) {
                        return Uni.createFrom().failure(result.failure());
                    }
                    return Uni.createFrom().item(result.sent());
                });
    }

    private Uni<PassResult> publishPending(SqlConnection conn, List<OutboxRow> rows) {
        Map<String, List<OutboxRow>> byAggregate = new LinkedHashMap<>();
        for (OutboxRow row : rows) {
            byAggregate.computeIfAbsent(row.aggregateType() + '/' + row.aggregateId(), k -> new ArrayList<>())
                    .add(row);
        }
        Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
        return EventLoopSlices.startAll(context, List.copyOf(byAggregate.values()), AGGREGATES_PER_TURN,
                this::publishInOrder).chain(results -> record(conn, results));
    }

    /** Sends one aggregate's rows one after the other; stops at the first failure so nothing overtakes it. */
    private Uni<AggregateResult> publishInOrder(List<OutboxRow> rows) {
        Uni<AggregateResult> chain = Uni.createFrom().item(new AggregateResult());
        for (OutboxRow row : rows) {
            chain = chain.chain(result -> result.failed != null
                    ? Uni.createFrom().item(result)
                    : emitter.sendMessage(CloudEventMessages.toMessage(row, source))
                            .ifNoItem().after(config.sendTimeout()).fail()
                            .map(ignored -> result.sent(row.id()))
                            .onFailure().recoverWithItem(failure -> result.fail(row.id(), failure)));
        }
        return chain;
    }

    private Uni<PassResult> record(SqlConnection conn, List<AggregateResult> results) {
        List<UUID> sent = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        Throwable failure = null;
        for (AggregateResult r : results) {
            sent.addAll(r.sentIds);
            if (r.failed != null) {
                failed.add(r.failed);
                failure = failure == null ? r.failure : failure;
            }
        }
        Throwable firstFailure = failure;
        return table.markSent(conn, sent)
                .chain(() -> table.markFailed(conn, failed, String.valueOf(firstFailure)))
                .map(v -> new PassResult(sent.size(), firstFailure));
    }

    private void refreshBacklogGauges() {
        table.backlog().subscribe().with(backlog -> {
            pending.set(backlog.pending());
            oldestPendingAgeMillis.set(backlog.oldestAgeMillis());
        }, failure -> LOG.debugf("Cannot read the outbox backlog: %s", failure.toString()));
    }

    /** Deletes sent rows older than the retention, a bounded batch at a time. */
    public Uni<Integer> prune() {
        return table.pruneSentBefore(config.retention())
                .onFailure().invoke(f -> LOG.warnf("Outbox prune failed: %s", f.toString()))
                .onFailure().recoverWithItem(0);
    }

    private long backoffMillis(int failures) {
        return new RelayBackoff(config.initialBackoff(), config.maxBackoff()).millisAfter(failures);
    }

    /** Rows this instance has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    private record PassResult(int sent, Throwable failure) {
        static final PassResult EMPTY = new PassResult(0, null);
    }

    private static final class AggregateResult {
        final List<UUID> sentIds = new ArrayList<>();
        UUID failed;
        Throwable failure;

        AggregateResult sent(UUID id) {
            sentIds.add(id);
            return this;
        }

        AggregateResult fail(UUID id, Throwable t) {
            failed = id;
            failure = t;
            return this;
        }
    }
}
