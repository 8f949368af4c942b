package io.fieldsales.platform.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

/**
 * Keeps personal data out of span attributes: a query string may carry an email or a phone number (searches,
 * duplicate checks), so the HTTP instrumentations' {@code url.query} is replaced and {@code url.full} loses its
 * query before any exporter sees the span. Headers and bodies are never recorded; SQL statements are recorded with
 * their {@code $n} placeholders, never their values.
 */
@Singleton
public class SpanRedaction implements SpanProcessor {

    static final String REDACTED = "redacted";
    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> HTTP_URL = AttributeKey.stringKey("http.url");
    private static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (span.getAttribute(URL_QUERY) != null) {
            span.setAttribute(URL_QUERY, REDACTED);
        }
        withoutQuery(span, URL_FULL);
        withoutQuery(span, HTTP_URL);
        withoutQuery(span, HTTP_TARGET);
    }

    private static void withoutQuery(ReadWriteSpan span, AttributeKey<String> key) {
        String value = span.getAttribute(key);
        int q = value == null ? -1 : value.indexOf('?');
        if (q >= 0) {
            span.setAttribute(key, value.substring(0, q));
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
