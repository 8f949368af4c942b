package io.fieldsales.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay's sends start a slice per event-loop turn: other work on the loop runs between the slices. */
class EventLoopSlicesTest {

    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void workQueuedOnTheLoopRunsBetweenTheSlicesAndTheResultsKeepTheItemsOrder() {
        Context context = vertx.getOrCreateContext();
        List<String> loop = new CopyOnWriteArrayList<>();
        List<Integer> items = IntStream.range(0, 10).boxed().toList();
        CompletableFuture<List<Integer>> results = new CompletableFuture<>();

        context.runOnContext(v -> {
            EventLoopSlices.startAll(context, items, 3, item -> {
                loop.add("start " + item);
                return Uni.createFrom().item(item * 10);
            }).subscribe().with(results::complete, results::completeExceptionally);
            context.runOnContext(w -> loop.add("other work"));
        });

        assertThat(results.orTimeout(10, TimeUnit.SECONDS).join())
                .containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
        // Slice 1 runs at once; slice 2 was queued before the other work, slice 3 behind it.
        assertThat(loop).containsExactly("start 0", "start 1", "start 2", "start 3", "start 4", "start 5",
                "other work", "start 6", "start 7", "start 8", "start 9");
    }

    @Test
    void everyItemStartsBeforeAnyAcknowledgementAndAFailureFailsTheWhole() {
        Context context = vertx.getOrCreateContext();
        List<CompletableFuture<Integer>> pending = new CopyOnWriteArrayList<>();
        CompletableFuture<List<Integer>> results = new CompletableFuture<>();

        context.runOnContext(v -> EventLoopSlices.startAll(context, List.of(1, 2, 3, 4, 5), 2, item -> {
            CompletableFuture<Integer> ack = new CompletableFuture<>();
            pending.add(ack);
            return Uni.createFrom().completionStage(ack);
        }).subscribe().with(results::complete, results::completeExceptionally));

        await().atMost(Duration.ofSeconds(10)).until(() -> pending.size() == 5);
        assertThat(results).isNotDone();
        pending.get(0).complete(1);
        pending.get(1).completeExceptionally(new IllegalStateException("broker gone"));
        pending.get(2).complete(3);
        pending.get(3).complete(4);
        assertThat(results).isNotDone();
        pending.get(4).complete(5);
        assertThatThrownBy(() -> results.orTimeout(10, TimeUnit.SECONDS).join())
                .hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("broker gone");
    }

    @Test
    void anEmptyBatchCompletesAtOnce() {
        assertThat(EventLoopSlices.<Integer, Integer>startAll(vertx.getOrCreateContext(), List.of(), 32,
                item -> Uni.createFrom().item(item)).await().atMost(Duration.ofSeconds(5))).isEmpty();
    }
}
