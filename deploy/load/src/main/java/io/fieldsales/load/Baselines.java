package io.fieldsales.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
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
        PgPool pool = PgPool.pool(vertx, connect, new PoolOptions().setMaxSize(CONCURRENCY));
        try {
            PreparedQuery<RowSet<Row>> query = pool.preparedQuery(GET_BY_ID_SQL);
            List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
            // warm-up: connections opened, statements prepared
            runLoops(query, tenantId, uuids, System.nanoTime() + TimeUnit.SECONDS.toNanos(1), new long[1 << 20],
                    new AtomicLong(), new AtomicLong());
            long[] latencies = new long[1 << 22];
            AtomicLong count = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            runLoops(query, tenantId, uuids, start + duration.toNanos(), latencies, count, errors);
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = (int) Math.min(count.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            return new Figures(count.get(), errors.get(), count.get() / seconds, pct(sorted, 0.50), pct(sorted, 0.95),
                    pct(sorted, 0.99));
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
        java.net.URI uri = java.net.URI.create(baseUrl);
        io.vertx.core.http.HttpClient client = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                .setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort()).setKeepAlive(true),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(CONCURRENCY));
        String bearer = "Bearer " + token;
        long pauseMillis = cap > 0 ? Math.max(1, (long) (CONCURRENCY * 1000 / cap)) : 0;
        try {
            HttpGet warmUp = new HttpGet(vertx, client, path, bearer, ids, 0, new long[1 << 16]);
            warmUp.run(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(cap > 0 ? 0 : 1000));
            HttpGet get = new HttpGet(vertx, client, path, bearer, ids, pauseMillis, new long[1 << 22]);
            long start = System.nanoTime();
            get.run(start + duration.toNanos());
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = (int) Math.min(get.count.get(), get.latencies.length);
            long[] sorted = Arrays.copyOf(get.latencies, n);
            Arrays.sort(sorted);
            return new Figures(get.count.get(), get.errors.get(), get.count.get() / seconds, pct(sorted, 0.50),
                    pct(sorted, 0.95), pct(sorted, 0.99));
        } finally {
            client.close();
            vertx.close();
        }
    }

    /** The loops of one {@link #httpLoop} phase. */
    private record HttpGet(Vertx vertx, io.vertx.core.http.HttpClient client, String path, String bearer,
            List<String> ids, long pauseMillis, long[] latencies, AtomicLong count, AtomicLong errors) {

        HttpGet(Vertx vertx, io.vertx.core.http.HttpClient client, String path, String bearer, List<String> ids,
                long pauseMillis, long[] latencies) {
            this(vertx, client, path, bearer, ids, pauseMillis, latencies, new AtomicLong(), new AtomicLong());
        }

        void run(long deadline) {
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            // capped: the loops start one after another, so that together they send at the cap from the start
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
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        }

        private void next(long deadline, CompletableFuture<Void> done) {
            long t0 = System.nanoTime();
            if (t0 >= deadline) {
                done.complete(null);
                return;
            }
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            client.request(io.vertx.core.http.HttpMethod.GET, path + id)
                    .compose(req -> req.putHeader("Authorization", bearer).send())
                    .compose(resp -> resp.body().map(body -> resp.statusCode()))
                    .onComplete(ar -> {
                        if (ar.succeeded() && ar.result() == 200) {
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

    private static void runLoops(PreparedQuery<RowSet<Row>> query, UUID tenantId, List<UUID> ids, long deadline,
            long[] latencies, AtomicLong count, AtomicLong errors) {
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops.add(done);
            next(query, tenantId, ids, deadline, latencies, count, errors, done);
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
    }

    private static void next(PreparedQuery<RowSet<Row>> query, UUID tenantId, List<UUID> ids, long deadline,
            long[] latencies, AtomicLong count, AtomicLong errors, CompletableFuture<Void> done) {
        long t0 = System.nanoTime();
        if (t0 >= deadline) {
            done.complete(null);
            return;
        }
        UUID id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        query.execute(Tuple.of(tenantId, id)).onComplete(ar -> {
            if (ar.succeeded() && ar.result().size() == 1) {
                long i = count.getAndIncrement();
                if (i < latencies.length) {
                    latencies[(int) i] = System.nanoTime() - t0;
                }
            } else {
                errors.incrementAndGet();
            }
            next(query, tenantId, ids, deadline, latencies, count, errors, done);
        });
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
