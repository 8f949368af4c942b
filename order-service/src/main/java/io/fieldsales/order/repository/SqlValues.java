package io.fieldsales.order.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/** Converts the values native queries return, whose Java types depend on the driver, to ours. */
public final class SqlValues {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SqlValues() {
    }

    public static UUID uuid(Object v) {
        return v == null ? null : v instanceof UUID u ? u : UUID.fromString(v.toString());
    }

    public static String text(Object v) {
        return v == null ? null : v.toString();
    }

    public static BigDecimal decimal(Object v) {
        return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    public static long number(Object v) {
        return ((Number) v).longValue();
    }

    public static boolean bool(Object v) {
        return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }

    public static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        return OffsetDateTime.parse(v.toString()).toInstant();
    }

    /** A text[] read as {@code array_to_json(col)::text}. */
    public static List<String> strings(Object json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json.toString(), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON array of strings", e);
        }
    }

    /** JSON for a jsonb or text[] parameter (bound as text, cast in SQL). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(Object json, Class<T> type) {
        try {
            return JSON.readValue(json.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName(), e);
        }
    }

    public static <T> T read(Object json, TypeReference<T> type) {
        try {
            return JSON.readValue(json.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON", e);
        }
    }

    /** Timestamps travel as ISO text and are cast in SQL. */
    public static String ts(Instant i) {
        return i == null ? null : i.toString();
    }
}
