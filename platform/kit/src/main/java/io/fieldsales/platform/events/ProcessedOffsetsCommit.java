package io.fieldsales.platform.events;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The suite's offset commit strategy ({@code commit-strategy=processed-offsets}, the kit's default for every
 * incoming Kafka channel): commits, per partition, one past the last record processed with every record before it
 * processed too, every {@code auto.commit.interval.ms} (default 1 s), when a partition is revoked (once the records
 * of it already handed out are done), and once more,
 * synchronously and logged, when the channel closes. So a consumer that stops, even with a backlog, commits exactly
 * what it processed and the next start resumes right after it.
 *
 * <p>Why not the connector's {@code throttled} strategy: its periodic commit is a chain of one-shot timers that
 * stops for good once a commit does not complete, and its commit at close reports a failure only at DEBUG. Here the
 * periodic commit is a fixed-rate timer that skips a tick while a commit is running, and the closing commit's outcome
 * is always logged.
 *
 * <p>Only partitions this consumer holds are committed: a record of a partition revoked for good, acknowledged late,
 * commits nothing (the new owner reads it again; {@code processed_event} makes that a no-op).
 */
public class ProcessedOffsetsCommit implements KafkaCommitHandler {

    /** The {@code commit-strategy} value. */
    public static final String STRATEGY = "processed-offsets";

    private static final Logger LOG = Logger.getLogger(ProcessedOffsetsCommit.class);
    private static final Duration IDLE_AT_CLOSE = Duration.ofMillis(500);
    private static final Duration MAX_WAIT_AT_CLOSE = Duration.ofSeconds(2);
    private static final Duration MAX_WAIT_AT_REVOCATION = Duration.ofSeconds(5);
    private static final Duration CLOSING_COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final String group;
    private final KafkaConsumer<?, ?> consumer;
    private final Vertx vertx;
    private final long timer;
    private final Map<TopicPartition, PartitionProgress> partitions = new HashMap<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final AtomicBoolean committing = new AtomicBoolean();
    private volatile boolean closing;

    /** Creates one handler per channel (and per copy of a channel with {@code concurrency}). */
    @ApplicationScoped
    @Unremovable
    @Identifier(STRATEGY)
    public static class Factory implements KafkaCommitHandler.Factory {

        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            String group = String.valueOf(consumer.configuration().get(ConsumerConfig.GROUP_ID_CONFIG));
            int interval = config.config().getOptionalValue(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG,
                    Integer.class).orElse(1000);
            return new ProcessedOffsetsCommit(group, vertx, consumer, Duration.ofMillis(interval));
        }
    }

    ProcessedOffsetsCommit(String group, Vertx vertx, KafkaConsumer<?, ?> consumer, Duration interval) {
        this.group = group;
        this.consumer = consumer;
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(interval.toMillis(), tick -> commitDone());
    }

    @Override
    public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
        TopicPartition partition = new TopicPartition(record.getTopic(), record.getPartition());
        synchronized (this) {
            partitions.computeIfAbsent(partition, p -> new PartitionProgress()).received(record.getOffset());
        }
        return Uni.createFrom().item(record);
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        TopicPartition partition = new TopicPartition(record.getTopic(), record.getPartition());
        synchronized (this) {
            PartitionProgress progress = partitions.get(partition);
            if (progress != null) {
                progress.acknowledged(record.getOffset());
            }
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * Called on the polling thread, inside {@code poll}. The progress of a partition given back (an eager rebalance
     * revokes everything, then assigns) is kept; that of a partition gone elsewhere is dropped.
     */
    @Override
    public void partitionsAssigned(Collection<TopicPartition> newlyAssigned) {
        synchronized (this) {
            assigned.addAll(newlyAssigned);
            partitions.keySet().removeIf(partition -> !assigned.contains(partition));
        }
    }

    /**
     * Called on the polling thread, inside {@code poll}: lets the records of these partitions already handed out
     * finish (as long as acknowledgements keep coming, at most 5 s; the rebalance waits, heartbeats go on), then
     * commits them synchronously, so the next owner starts right after what this consumer did.
     */
    @Override
    public void partitionsRevoked(Collection<TopicPartition> revoked) {
        if (!closing) {
            awaitAcknowledgements(revoked, MAX_WAIT_AT_REVOCATION);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets;
        synchronized (this) {
            offsets = toCommit(revoked);
            offsets.forEach((partition, offset) -> partitions.get(partition).committed(offset.offset()));
            assigned.removeAll(revoked);
        }
        if (!offsets.isEmpty()) {
            try {
                consumer.unwrap().commitSync(offsets);
                LOG.infof("%s: committed %s for revoked partitions", group, describe(offsets));
            } catch (RuntimeException e) {
                LOG.warnf("%s: could not commit %s for revoked partitions (read again by their next owner): %s",
                        group, describe(offsets), e.toString());
            }
        }
    }

    @Override
    public void terminate(boolean graceful) {
        closing = true;
        vertx.cancelTimer(timer);
        if (graceful) {
            awaitAcknowledgements(null, MAX_WAIT_AT_CLOSE);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets;
        int pending;
        String progress;
        synchronized (this) {
            offsets = toCommit(assigned);
            pending = partitions.values().stream().mapToInt(PartitionProgress::pending).sum();
            Map<String, String> sorted = new TreeMap<>();
            partitions.forEach((partition, p) -> sorted.put(partition.toString(), p.toString()));
            progress = sorted.toString();
        }
        if (!offsets.isEmpty()) {
            try {
                consumer.commit(offsets).await().atMost(CLOSING_COMMIT_TIMEOUT);
                committed(offsets);
                LOG.infof("%s: committed %s on close", group, describe(offsets));
            } catch (RuntimeException e) {
                LOG.warnf("%s: could not commit %s on close (read again at the next start): %s", group,
                        describe(offsets), e.toString());
            }
        }
        if (pending > 0) {
            LOG.infof("%s: %d received record(s) not processed: read again at the next start (%s)", group, pending,
                    progress);
        }
    }

    /** The periodic commit; skipped while the previous one still runs. */
    private void commitDone() {
        if (!committing.compareAndSet(false, true)) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets;
        synchronized (this) {
            offsets = toCommit(assigned);
        }
        if (offsets.isEmpty()) {
            committing.set(false);
            return;
        }
        consumer.commit(offsets).subscribe().with(ok -> {
            committed(offsets);
            committing.set(false);
        }, failure -> {
            LOG.warnf("%s: could not commit %s (retried at the next tick): %s", group, describe(offsets),
                    failure.toString());
            committing.set(false);
        });
    }

    /** Waits while acknowledgements still arrive: at most {@code max}, and no longer than 500 ms without one. */
    private void awaitAcknowledgements(Collection<TopicPartition> of, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long lastProgress = System.nanoTime();
        int last = pendingCount(of);
        while (last > 0 && System.nanoTime() < deadline && System.nanoTime() - lastProgress < IDLE_AT_CLOSE.toNanos()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int now = pendingCount(of);
            if (now != last) {
                last = now;
                lastProgress = System.nanoTime();
            }
        }
    }

    /** Received records not done yet, of these partitions (null: of all). */
    private synchronized int pendingCount(Collection<TopicPartition> of) {
        return partitions.entrySet().stream().filter(e -> of == null || of.contains(e.getKey()))
                .mapToInt(e -> e.getValue().pending()).sum();
    }

    /** Must hold the lock. */
    private Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> of) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : of) {
            PartitionProgress progress = partitions.get(partition);
            long offset = progress == null ? -1 : progress.toCommit();
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        }
        return offsets;
    }

    private synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionProgress progress = partitions.get(partition);
            if (progress != null) {
                progress.committed(offset.offset());
            }
        });
    }

    private static String describe(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<String, Long> sorted = new TreeMap<>();
        offsets.forEach((partition, offset) -> sorted.put(partition.toString(), offset.offset()));
        return sorted.toString();
    }
}
