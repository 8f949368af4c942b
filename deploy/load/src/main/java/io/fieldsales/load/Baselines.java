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
 * prepared} when it is installed.
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
