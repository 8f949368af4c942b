package io.fieldsales.platform.testing;

import org.awaitility.Awaitility;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Assertions over the spans a service finished, as captured by an {@link InMemorySpanExporter} the test module
 * produces as a CDI bean ({@code @Produces @Singleton InMemorySpanExporter}); Quarkus exports every finished span
 * to it (batched: wait with {@link #await}).
 */
public final class TestSpans {

    private TestSpans() {
    }

    /** Waits until a finished span matches, and returns it. */
    public static SpanData await(InMemorySpanExporter spans, String what, Predicate<SpanData> matching) {
        List<SpanData> found = new ArrayList<>();
        Awaitility.await().alias(what).atMost(Duration.ofSeconds(30)).until(() -> {
            spans.getFinishedSpanItems().stream().filter(matching).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    public static Predicate<SpanData> inTrace(String traceId) {
        return s -> s.getTraceId().equals(traceId);
    }

    public static Predicate<SpanData> ofKind(SpanKind kind) {
        return s -> s.getKind() == kind;
    }

    /** A database client span (the reactive SQL client's instrumentation). */
    public static Predicate<SpanData> database() {
        return s -> s.getKind() == SpanKind.CLIENT && s.getAttributes().asMap().keySet().stream()
                .anyMatch(k -> k.getKey().startsWith("db."));
    }

    /**
     * Every attribute (of spans, their events and links) whose value contains one of the marked values,
     * case-insensitively, as "span name: key=value" lines; empty when none leaks.
     */
    public static List<String> attributesCarrying(Collection<SpanData> spans, Collection<String> marked) {
        List<String> leaks = new ArrayList<>();
        for (SpanData span : spans) {
            scan(span.getName(), span.getAttributes(), marked, leaks);
            span.getEvents().forEach(e -> scan(span.getName() + "/" + e.getName(), e.getAttributes(), marked, leaks));
            span.getLinks().forEach(l -> scan(span.getName() + "/link", l.getAttributes(), marked, leaks));
            for (String m : marked) {
                if (span.getName().toLowerCase(Locale.ROOT).contains(m.toLowerCase(Locale.ROOT))) {
                    leaks.add("span name " + span.getName());
                }
            }
        }
        return leaks;
    }

    private static void scan(String where, Attributes attributes, Collection<String> marked, List<String> leaks) {
        attributes.forEach((key, value) -> {
            String text = String.valueOf(value).toLowerCase(Locale.ROOT);
            for (String m : marked) {
                if (text.contains(m.toLowerCase(Locale.ROOT))) {
                    leaks.add(where + ": " + key.getKey() + "=" + value);
                }
            }
        });
    }
}
