package io.fieldsales.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.Problem;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.errors.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key} for POST requests that clients retry (mobile apps on flaky networks), scoped to tenant
 * and user:
 * <ul>
 *   <li>same key + same body within the retention (24 h) replays the stored response
 *       (with {@code Idempotent-Replayed: true});</li>
 *   <li>same key + a different body is 422 {@code idempotency_key_reused};</li>
 *   <li>concurrent requests with one key run the operation once: the others wait briefly for its result, or get
 *       409 {@code request_in_progress} with {@code Retry-After}.</li>
 * </ul>
 * The operation and the stored result commit in one transaction, so a crash never leaves a result without its
 * effect or the reverse. Client errors (4xx) are stored and replayed like successes; server errors release the key
 * so the retry runs again.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.CONTENT_TYPE);
    private static final long POLL_MILLIS = 100;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentActor actor;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "fieldsales.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    /** How long a duplicate waits for the first request's result before answering 409. */
    @ConfigProperty(name = "fieldsales.idempotency.wait", defaultValue = "PT3S")
    Duration wait;

    /**
     * The server key of request fingerprints (HMAC): the same on every replica; production takes it from
     * FIELDSALES_IDEMPOTENCY_KEY and has no default.
     */
    @ConfigProperty(name = "fieldsales.idempotency.fingerprint-key")
    String fingerprintKey;

    /** An in-progress key older than this is taken over (its request died with its instance). */
    @ConfigProperty(name = "fieldsales.idempotency.lease", defaultValue = "PT1M")
    Duration lease;

    void schedulePrune(@Observes StartupEvent event) {
        vertx.setPeriodic(Duration.ofMinutes(30).toMillis(), id -> pool
                .query("delete from idempotency_key where expires_at < now()").execute()
                .subscribe().with(r -> { }, f -> LOG.debugf("Idempotency prune failed: %s", f.toString())));
    }

    /**
     * Runs {@code operation} at most once per key.
     *
     * @param key         the client's Idempotency-Key header, or null to just run the operation
     * @param operation   names the endpoint, e.g. {@code "POST /api/v1/customers"}; part of the fingerprint
     * @param requestBody the parsed request body; its JSON is the rest of the fingerprint
     * @param action      the operation; it runs inside a transaction that also records its response
     */
    public Uni<Response> execute(String key, String operation, Object requestBody, Supplier<Uni<Response>> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY_FORMAT.matcher(key).matches()) {
            return Uni.createFrom().failure(new ProblemException(ErrorCode.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters"));
        }
        UUID tenant = actor.tenantOrNull();
        String scope = tenant == null ? "platform" : tenant.toString();
        String user = actor.userId();
        String fingerprint = fingerprint(operation, requestBody);
        Tuple id = Tuple.of(scope, user, key);
        return claim(scope, user, key, fingerprint).chain(claimed -> claimed
                ? runAndRecord(id, action)
                : awaitStored(id, fingerprint, System.nanoTime() + wait.toNanos()));
    }

    /**
     * Erasure: deletes the stored responses of the tenant's keys that mention any of {@code values} (the ids of the
     * erased records) in their body or headers, in the caller's Hibernate Reactive transaction (the one that
     * erases them), so no replay can hand out what was erased. A retry with such a key runs its operation again.
     * Returns how many stored responses were deleted.
     */
    public Uni<Integer> forgetResponsesMentioning(UUID tenantId, Collection<String> values) {
        List<String> needles = values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
        if (needles.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(FORGET)
                .setParameter(1, tenantId.toString())
                .setParameter(2, needles.toArray(String[]::new))
                .executeUpdate());
    }

    static final String FORGET = "delete from idempotency_key where scope = ?1 and exists (select 1 from"
            + " unnest(cast(?2 as text[])) as v(needle) where strpos(coalesce(response_body, ''), v.needle) > 0"
            + " or strpos(coalesce(response_headers::text, ''), v.needle) > 0)";

    private Uni<Boolean> claim(String scope, String user, String key, String fingerprint) {
        return pool.preparedQuery("insert into idempotency_key (scope, user_id, idem_key, request_hash, expires_at)"
                        + " values ($1, $2, $3, $4, now() + make_interval(secs => $5))"
                        + " on conflict (scope, user_id, idem_key) do update set request_hash = excluded.request_hash,"
                        + " state = 'in_progress', response_status = null, response_headers = null,"
                        + " response_body = null, created_at = now(), expires_at = excluded.expires_at"
                        + " where idempotency_key.expires_at < now() or (idempotency_key.state = 'in_progress'"
                        + " and idempotency_key.created_at < now() - make_interval(secs => $6))")
                .execute(Tuple.of(scope, user, key, fingerprint, (double) retention.toSeconds(),
                        (double) lease.toSeconds()))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<Response> runAndRecord(Tuple id, Supplier<Uni<Response>> action) {
        return Panache.withTransaction(() -> action.get().call(response -> storeInTransaction(id, response)))
                .onFailure().call(failure -> {
                    if (failure instanceof ProblemException p && p.status() < 500) {
                        Response problem = Problems.response(p, null);
                        return storeWithPool(id, problem);
                    }
                    return pool.preparedQuery("delete from idempotency_key where scope = $1 and user_id = $2"
                            + " and idem_key = $3").execute(id).replaceWithVoid();
                });
    }

    private Uni<Void> storeInTransaction(Tuple id, Response response) {
        Stored stored = stored(response);
        return Panache.getSession().chain(session -> session.createNativeQuery("update idempotency_key set"
                        + " state = 'completed', response_status = ?1, response_headers = cast(cast(?2 as text) as jsonb),"
                        + " response_body = ?3 where scope = ?4 and user_id = ?5 and idem_key = ?6")
                .setParameter(1, stored.status)
                .setParameter(2, stored.headersJson)
                .setParameter(3, stored.body)
                .setParameter(4, id.getString(0))
                .setParameter(5, id.getString(1))
                .setParameter(6, id.getString(2))
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> storeWithPool(Tuple id, Response response) {
        Stored stored = stored(response);
        return pool.preparedQuery("update idempotency_key set state = 'completed', response_status = $1,"
                        + " response_headers = cast(cast($2 as text) as jsonb), response_body = $3"
                        + " where scope = $4 and user_id = $5 and idem_key = $6")
                .execute(Tuple.of(stored.status, stored.headersJson, stored.body, id.getString(0), id.getString(1),
                        id.getString(2)))
                .replaceWithVoid();
    }

    private Uni<Response> awaitStored(Tuple id, String fingerprint, long deadline) {
        return pool.preparedQuery("select request_hash, state, response_status, response_headers::text, response_body"
                        + " from idempotency_key where scope = $1 and user_id = $2 and idem_key = $3")
                .execute(id)
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        // The first request failed on our side and released the key: the client should retry.
                        return Uni.createFrom().failure(inProgress());
                    }
                    Row row = rows.iterator().next();
                    if (!fingerprint.equals(row.getString(0))) {
                        return Uni.createFrom().failure(new ProblemException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used with a different request"));
                    }
                    if ("completed".equals(row.getString(1))) {
                        return Uni.createFrom().item(replay(row));
                    }
                    if (System.nanoTime() > deadline) {
                        return Uni.createFrom().failure(inProgress());
                    }
                    return delay().chain(() -> awaitStored(id, fingerprint, deadline));
                });
    }

    private Uni<Void> delay() {
        return Uni.createFrom().emitter(e -> vertx.setTimer(POLL_MILLIS, t -> e.complete(null)));
    }

    private static ProblemException inProgress() {
        return new ProblemException(ErrorCode.REQUEST_IN_PROGRESS,
                "A request with this Idempotency-Key is still being processed; retry shortly")
                .withHeader("Retry-After", "1");
    }

    private Response replay(Row row) {
        Response.ResponseBuilder r = Response.status(row.getInteger(2)).header(REPLAYED_HEADER, "true");
        Map<String, String> headers = readHeaders(row.getString(3));
        headers.forEach(r::header);
        String body = row.getString(4);
        if (body != null) {
            r.entity(body).type(headers.getOrDefault(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON));
        }
        return r.build();
    }

    private Map<String, String> readHeaders(String raw) {
        try {
            return raw == null ? Map.of() : json.readValue(raw, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private Stored stored(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (response.getEntity() != null && !headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
            headers.put(HttpHeaders.CONTENT_TYPE, response.getEntity() instanceof Problem
                    ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON);
        }
        try {
            String body = response.getEntity() == null ? null : storedBody(response.getEntity());
            return new Stored(response.getStatus(), json.writeValueAsString(headers), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response is not serializable", e);
        }
    }

    private String fingerprint(String operation, Object body) {
        return RequestFingerprint.of(fingerprintKey.getBytes(StandardCharsets.UTF_8), operation,
                json.valueToTree(body));
    }

    /** The response body as stored: JSON without its secret fields (a replay never hands a secret out again). */
    private String storedBody(Object entity) throws JsonProcessingException {
        String body = entity instanceof String s ? s : json.writeValueAsString(entity);
        if (!body.startsWith("{") && !body.startsWith("[")) {
            return body;
        }
        JsonNode tree = json.readTree(body);
        return RequestFingerprint.hasSecrets(tree) ? json.writeValueAsString(RequestFingerprint.withoutSecrets(tree))
                : body;
    }

    private record Stored(int status, String headersJson, String body) {
    }
}
