package io.fieldsales.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anchors GET by id is compared with: customer-service's own prepared select (the statement of
 * {@code CustomerReads.byId}) run on the same PostgreSQL, (1) by a plain Vert.x reactive PostgreSQL client loop (the
 * TechEmpower "raw" anchor; 16 requests in flight, like the HTTP phases' connections) and (2) by {@code pgbench -M
 * prepared} when it is installed. Beside them, (3) the HTTP GET itself through a plain Vert.x HTTP client loop
 * (wrk's model: 16 keep-alive connections, a request in flight on each), whose client spends a fraction of
 * Gatling's CPU per request, so that on two shared cores the service, not the load generator, sets the figure.
 */
final class Baselines {

    /** The columns and predicate of {@code CustomerReads.byId} (customer-service), kept in step by hand. */
    static final String GET_BY_ID_SQL = "select id, tenant_id, name, email, phone, email_canonical, email_local,"
            + " phone_canonical, phone_national, external_ref, address_lines, address_city, address_postal_code,"
            + " address_country, tags, status, merged_into, version, created_at, created_by, updated_at, updated_by,"
            + " deleted_at, deleted_by from customer where tenant_id = $1 and id = $2";
    static final int CONCURRENCY = 16;

    private Baselines() {
    }

    /** The raw Vert.x loop for {@code duration}; empty figures if it cannot connect. */
    static Figures rawVertx(LoadTarget target, UUID tenantId, List<String> ids, Duration duration) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        PgConnectOptions connect = new PgConnectOptions().setHost(target.pgHost()).setPort(target.pgPort())
                .setDatabase("customers").setUser(target.pgSuperuser()).setCachePreparedStatements(true)
                .setPipeliningLimit(1);
        if (target.pgSuperuserPassword() != null) {
            connect.setPassword(target.pgSuperuserPassword());
        }
        PgPool pool = PgPool.pool(vertx, connect, new io.vertx.sqlclient.PoolOptions().setMaxSize(CONCURRENCY));
        try {
            PreparedQuery<RowSet<Row>> query = pool.preparedQuery(GET_BY_ID_SQL);
            List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
            Supplier<Future<Boolean>> select = () -> query.execute(Tuple.of(tenantId,
                    uuids.get(ThreadLocalRandom.current().nextInt(uuids.size())))).map(rows -> rows.size() == 1);
            // warm-up: connections opened, statements prepared
            new ClosedLoop(vertx, select, 0, 1 << 20).run(Duration.ofSeconds(1));
            return new ClosedLoop(vertx, select, 0, 1 << 22).run(duration);
        } finally {
            pool.close();
            vertx.close();
        }
    }

    /**
     * GET {@code path + id} of random seeded ids on {@code baseUrl} with the bearer token, 16 in flight, for
     * {@code duration}; at most {@code cap} requests a second when {@code cap > 0} (smoke mode). A request counts
     * when it answers 200.
     */
    static Figures httpLoop(String baseUrl, String path, String token, List<String> ids, Duration duration,
            double cap) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        URI uri = URI.create(baseUrl);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(CONCURRENCY));
        String bearer = "Bearer " + token;
        Supplier<Future<Boolean>> get = () -> client.request(HttpMethod.GET,
                        path + ids.get(ThreadLocalRandom.current().nextInt(ids.size())))
                .compose(req -> req.putHeader("Authorization", bearer).send())
                .compose(resp -> resp.body().map(body -> resp.statusCode() == 200));
        long pauseMillis = cap > 0 ? Math.max(1, (long) (CONCURRENCY * 1000 / cap)) : 0;
        try {
            new ClosedLoop(vertx, get, 0, 1 << 16).run(Duration.ofMillis(cap > 0 ? 0 : 1000));
            return new ClosedLoop(vertx, get, pauseMillis, 1 << 22).run(duration);
        } finally {
            client.close();
            vertx.close();
        }
    }

    /**
     * {@value #CONCURRENCY} loops, each with one call in flight, the next sent when the one before answers (after
     * {@code pauseMillis} when capped; the capped loops start one after another, so that together they send at the
     * cap from the start). A call counts when its future yields true; latencies are kept up to the array's length.
     */
    private record ClosedLoop(Vertx vertx, Supplier<Future<Boolean>> call, long pauseMillis, long[] latencies,
            AtomicLong count, AtomicLong errors) {

        ClosedLoop(Vertx vertx, Supplier<Future<Boolean>> call, long pauseMillis, int latencyCapacity) {
            this(vertx, call, pauseMillis, new long[latencyCapacity], new AtomicLong(), new AtomicLong());
        }

        Figures run(Duration duration) {
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            long stagger = pauseMillis / CONCURRENCY;
            for (int i = 0; i < CONCURRENCY; i++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                loops.add(done);
                if (stagger == 0) {
                    vertx.runOnContext(v -> next(deadline, done));
                } else {
                    vertx.setTimer(1 + i * stagger, t -> next(deadline, done));
                }
            }
            // the harness's main thread waits for its phase; the loops themselves run on the Vert.x event loop
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = (int) Math.min(count.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            return new Figures(count.get(), errors.get(), count.get() / seconds, pct(sorted, 0.50), pct(sorted, 0.95),
                    pct(sorted, 0.99));
        }

        private void next(long deadline, CompletableFuture<Void> done) {
            long t0 = System.nanoTime();
            if (t0 >= deadline) {
                done.complete(null);
                return;
            }
            call.get().onComplete(ar -> {
                if (ar.succeeded() && ar.result()) {
                    long i = count.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[(int) i] = System.nanoTime() - t0;
                    }
                } else {
                    errors.incrementAndGet();
                }
                if (pauseMillis > 0) {
                    vertx.setTimer(pauseMillis, t -> next(deadline, done));
                } else {
                    next(deadline, done);
                }
            });
        }
    }

    private static double pct(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(q * sortedNanos.length) - 1)] / 1e6;
    }

    /** pgbench on the PATH, or null. */
    static Path pgbench() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "pgbench");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** pgbench -M prepared of the same select, 16 clients; null when pgbench is missing or fails. */
    static Figures pgbench(LoadTarget target, UUID tenantId, List<String> ids, Duration duration, Path workDir)
            throws IOException, InterruptedException {
        Path pgbench = pgbench();
        if (pgbench == null) {
            return null;
        }
        Files.createDirectories(workDir);
        // -D variables become the statement's parameters in prepared mode: one seeded id (every row is cached anyway)
        Path script = workDir.resolve("get-by-id.sql");
        Files.writeString(script, GET_BY_ID_SQL.replace("$1", ":tenant").replace("$2", ":id") + ";\n");
        ProcessBuilder pb = new ProcessBuilder(pgbench.toString(), "-n", "-M", "prepared", "-f", script.toString(),
                "-D", "tenant=" + tenantId, "-D", "id=" + ids.get(0), "-c", Integer.toString(CONCURRENCY), "-j", "2", "-T", Long.toString(Math.max(1, duration.toSeconds())),
                "-h", target.pgHost(), "-p", Integer.toString(target.pgPort()), "-U", target.pgSuperuser(),
                "customers").redirectErrorStream(true);
        if (target.pgSuperuserPassword() != null) {
            pb.environment().put("PGPASSWORD", target.pgSuperuserPassword());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            System.out.println("pgbench failed: " + out);
            return null;
        }
        Files.writeString(workDir.resolve("pgbench.out"), out);
        long tx = (long) group(out, "number of transactions actually processed: (\\d+)");
        long failed = (long) Math.max(0, groupOr(out, "number of failed transactions: (\\d+)", 0));
        double tps = group(out, "tps = ([0-9.]+)");
        double avg = group(out, "latency average = ([0-9.]+) ms");
        // pgbench prints the mean latency only: it stands in the p50 column, marked in the table
        return new Figures(tx, failed, tps, avg, Double.NaN, Double.NaN);
    }

    private static double group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("pgbench output without " + regex + ": " + text);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double groupOr(String text, String regex, double fallback) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : fallback;
    }
}
