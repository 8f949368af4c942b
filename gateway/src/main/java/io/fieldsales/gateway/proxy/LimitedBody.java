package io.fieldsales.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body of unknown length (chunked) streamed to the upstream and counted on the way: past the limit the
 * stream fails, which resets the upstream request, and the client gets 413. Declared lengths are checked before
 * anything is read (platform filter).
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long limit;
    private final AtomicBoolean exceeded;
    private long seen;
    private Handler<Throwable> exceptionHandler;
    private Handler<Void> endHandler;

    LimitedBody(ReadStream<Buffer> source, long limit, AtomicBoolean exceeded) {
        this.source = source;
        this.limit = limit;
        this.exceeded = exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded.get()) {
                return;
            }
            seen += chunk.length();
            if (seen > limit) {
                exceeded.set(true);
                source.pause();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new PayloadTooLargeException(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!exceeded.get()) {
            source.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!exceeded.get()) {
            source.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        this.endHandler = handler;
        source.endHandler(v -> {
            if (!exceeded.get() && endHandler != null) {
                endHandler.handle(null);
            }
        });
        return this;
    }

    /** The client's body went past the limit: not the upstream's fault, never counted by its circuit breaker. */
    static final class PayloadTooLargeException extends RuntimeException {
        PayloadTooLargeException(long limit) {
            super("request body over " + limit + " bytes", null, false, false);
        }
    }
}
