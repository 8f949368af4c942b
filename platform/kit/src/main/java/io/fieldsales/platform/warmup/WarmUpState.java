package io.fieldsales.platform.warmup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which warm-up actions are still pending, and whether the warm-up is over. */
public final class WarmUpState {

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private volatile List<String> names = List.of();
    private volatile boolean finished;
    private volatile Map<String, String> failures = Map.of();
    private volatile long startNanos = System.nanoTime();
    private volatile long elapsedMillis = -1;

    void begin(List<String> actions) {
        startNanos = System.nanoTime();
        names = List.copyOf(actions);
        pending.addAll(actions);
    }

    void done(String action) {
        pending.remove(action);
    }

    void finish(Map<String, String> failed) {
        failures = Map.copyOf(failed);
        elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
        pending.clear();
        finished = true;
    }

    public boolean finished() {
        return finished;
    }

    public Set<String> pending() {
        return Set.copyOf(pending);
    }

    public Map<String, String> failures() {
        return failures;
    }

    public List<String> names() {
        return names;
    }

    public long elapsedMillis() {
        return finished ? elapsedMillis : (System.nanoTime() - startNanos) / 1_000_000;
    }
}
