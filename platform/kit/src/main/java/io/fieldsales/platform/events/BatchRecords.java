package io.fieldsales.platform.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * For consumers in batch mode ({@code KafkaRecordBatch}): the Kafka record behind each message of a batch, and the
 * poison ones sent to the channel's dead-letter topic one after another, each with its reason, before the batch is
 * acknowledged.
 */
public final class BatchRecords {

    private BatchRecords() {
    }

    /** The Kafka record behind one message of a batch (topic, partition, offset, headers). */
    @SuppressWarnings("unchecked")
    public static <K, V> ConsumerRecord<K, V> record(KafkaRecord<K, V> message) {
        return (ConsumerRecord<K, V>) message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow()
                .getRecord();
    }

    /**
     * Nacks each item's message with its reason, one after another (with {@code failure-strategy=dead-letter-queue}:
     * each goes to the DLQ with the reason in its {@code dead-letter-reason} header).
     */
    public static <T> Uni<Void> nackEach(List<T> items, Function<T, Message<?>> message,
            Function<T, Throwable> reason) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> Uni.createFrom().completionStage(() -> message.apply(item)
                    .nack(reason.apply(item))));
        }
        return chain;
    }
}
