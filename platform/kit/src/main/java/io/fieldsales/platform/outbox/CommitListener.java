package io.fieldsales.platform.outbox;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * LISTENs to the {@code outbox} notification a trigger sends at the commit of an outbox insert, and runs
 * {@code onCommit} for each; reconnects once a second forever (the relay's poll covers the gap meanwhile).
 */
final class CommitListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommitListener.class);
    static final String NOTIFY_CHANNEL = "outbox";

    private final PgSubscriber subscriber;

    private CommitListener(PgSubscriber subscriber) {
        this.subscriber = subscriber;
    }

    static CommitListener listen(Vertx vertx, PgConnectOptions database, Duration pollInterval, Runnable onCommit) {
        PgSubscriber s = PgSubscriber.subscriber(vertx, database).reconnectPolicy(retries -> 1000L);
        s.channel(NOTIFY_CHANNEL).handler(payload -> onCommit.run());
        s.connect().onComplete(ar -> {
            if (ar.failed()) {
                LOG.warnf("Outbox relay cannot LISTEN (%s); relying on the %s poll", ar.cause().toString(),
                        pollInterval);
            }
        });
        return new CommitListener(s);
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
