package io.fieldsales.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A safety net under route templates: an HTTP meter's {@code uri} tag never holds an id or a query string. Quarkus
 * REST already tags server requests with the resource method's template; raw Vert.x routes and HTTP clients (the
 * gateway's proxy hop) tag the path they saw, so a path segment that carries a digit and is 8+ characters long, or
 * any UUID, becomes {@code {id}}, and the query is dropped.
 */
@Singleton
public class BoundedUriTags {

    private static final Pattern ID_SEGMENT = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[^/]*\\d)[^/{}]{8,}|\\d+");

    @Produces
    @Singleton
    MeterFilter boundedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.")) {
                    return id;
                }
                String uri = id.getTag("uri");
                if (uri == null) {
                    return id;
                }
                String bounded = bounded(uri);
                if (bounded.equals(uri)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                id.getTagsAsIterable().forEach(t -> tags.add(t.getKey().equals("uri") ? Tag.of("uri", bounded) : t));
                return id.replaceTags(tags);
            }
        };
    }

    static String bounded(String uri) {
        int q = uri.indexOf('?');
        String path = q >= 0 ? uri.substring(0, q) : uri;
        String[] segments = path.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(ID_SEGMENT.matcher(segments[i]).matches() ? "{id}" : segments[i]);
        }
        return out.toString();
    }
}
