package io.fieldsales.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Starts many asynchronous operations a slice per event-loop turn, so that starting them never holds the loop.
 *
 * <p>The relay starts one send per aggregate of its batch (up to a thousand). Starting a send is synchronous work
 * on the event loop (the CloudEvent metadata, the producer span, the Kafka record and its headers): milliseconds
 * for a whole batch once the JIT has compiled it, but seconds on a cold JVM, during which every request on that loop
 * waits. Started a slice at a time, with the next slice queued behind whatever else the loop has to do, the sends
 * still all run at once (nothing waits for an acknowledgement before the next slice starts).
 */
final class EventLoopSlices {

    private EventLoopSlices() {
    }

    /**
     * Applies {@code start} to every item, {@code perTurn} items per turn of {@code context}'s event loop (the first
     * slice at once, on the caller's thread), and emits the results in the items' order once all have completed.
     * If any failed, fails with one of the failures, once all have completed.
     */
    static <T, R> Uni<List<R>> startAll(Context context, List<T> items, int perTurn, Function<T, Uni<R>> start) {
        if (perTurn < 1) {
            throw new IllegalArgumentException("perTurn must be at least 1, got " + perTurn);
        }
        return Uni.createFrom().deferred(() -> {
            List<CompletableFuture<R>> started = new ArrayList<>(items.size());
            CompletableFuture<Void> allStarted = new CompletableFuture<>();
            startSlice(context, items, perTurn, start, started, allStarted);
            return Uni.createFrom().completionStage(allStarted
                    .thenCompose(v -> CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)))
                    .thenApply(v -> started.stream().map(CompletableFuture::join).toList()));
        });
    }

    private static <T, R> void startSlice(Context context, List<T> items, int perTurn, Function<T, Uni<R>> start,
            List<CompletableFuture<R>> started, CompletableFuture<Void> allStarted) {
        int to = Math.min(started.size() + perTurn, items.size());
        try {
            for (int i = started.size(); i < to; i++) {
                started.add(start.apply(items.get(i)).subscribeAsCompletionStage());
            }
        } catch (RuntimeException e) {
            allStarted.completeExceptionally(e);
            return;
        }
        if (to < items.size()) {
            context.runOnContext(v -> startSlice(context, items, perTurn, start, started, allStarted));
        } else {
            allStarted.complete(null);
        }
    }
}
