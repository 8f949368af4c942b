package io.fieldsales.platform.kittest;

import io.fieldsales.platform.warmup.WarmUp;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A warm-up action that completes only when WarmUpReadinessTest opens its gate, to watch readiness before/after. */
@ApplicationScoped
public class GatedWarmUp implements WarmUp {

    static final CompletableFuture<Void> GATE = new CompletableFuture<>();
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public String name() {
        return "gated";
    }

    @Override
    public Uni<Void> run() {
        RUNS.incrementAndGet();
        return Uni.createFrom().completionStage(GATE);
    }
}
