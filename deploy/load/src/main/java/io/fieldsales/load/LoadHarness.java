package io.fieldsales.load;

import io.fieldsales.load.simulations.CreateSimulation;
import io.fieldsales.load.simulations.DayMixSimulation;
import io.fieldsales.load.simulations.FindOrCreateStormSimulation;
import io.fieldsales.load.simulations.GetByIdSimulation;
import io.fieldsales.load.simulations.ImportSimulation;
import io.fieldsales.load.simulations.SearchSimulation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the scenarios against a {@link LoadTarget} and prints one table: each scenario with Gatling (open-model
 * injection, HTML reports under the results directory), GET by id and create both "direct to the service" and
 * "through the gateway", GET by id beside the same prepared select through pgbench (when installed) and a raw
 * Vert.x PostgreSQL client loop, CPU seconds per component from /proc. {@code deploy/load/run} calls {@link #main};
 * deploy/local's LoadSmokeIT calls {@link #run} in smoke mode against the shared test stack.
 */
public final class LoadHarness {

    /** The day mix's pass mark per level: p95 under 500 ms with under 0.1 % errors. */
    static final double DAY_MIX_P95_MS = 500;
    static final double DAY_MIX_MAX_ERRORS = 0.001;

    private static final String CLOSED_DIRECT = "direct to customer-service, closed loop (16 in flight)";
    private static final String CLOSED_GATEWAY = "through the gateway, closed loop (16 in flight)";
    private static final String LOOP_DIRECT = "direct to customer-service, Vert.x HTTP client loop (16 in flight)";
    private static final String LOOP_GATEWAY = "through the gateway, Vert.x HTTP client loop (16 in flight)";
    private static final String OPEN_DIRECT = "direct to customer-service, open model";
    private static final String OPEN_GATEWAY = "through the gateway, open model";

    private final LoadTarget target;
    private final LoadOptions options;
    private final PrintStream out;
    private final CpuMeter cpu;
    private final Report report;
    private Fixture fixture;
    private Instant lastPhaseStart = Instant.now();

    private LoadHarness(LoadTarget target, LoadOptions options, PrintStream out) {
        this.target = target;
        this.options = options;
        this.out = out;
        this.cpu = CpuMeter.discover(target);
        this.report = new Report(cpu.names());
    }

    public static Report run(LoadTarget target, LoadOptions options, PrintStream out) throws Exception {
        return new LoadHarness(target, options, out).runAll();
    }

    private Report runAll() throws Exception {
        Instant started = Instant.now();
        Files.createDirectories(options.resultsDir());
        out.printf("Load harness (%s): gateway %s, services %s, PostgreSQL %s:%d; CPU of %s%n",
                options.smoke() ? "smoke" : "full", target.gatewayUrl(), target.serviceUrls(), target.pgHost(),
                target.pgPort(), cpu.names());
        fixture = Fixture.create(target, options.smoke() ? 50 : 1000, options.smoke() ? 2 : 8);
        out.printf("  tenant %s (%s): %d customers seeded, %d reps%n", fixture.tenantSlug, fixture.tenantId,
                fixture.customerIds.size(), fixture.reps.size());
        if (!fixture.orders || !fixture.cash) {
            report.note("the day mix ran without " + (!fixture.orders ? "quotes and orders" : "")
                    + (!fixture.orders && !fixture.cash ? " and " : "") + (!fixture.cash ? "cash collections" : "")
                    + " (service missing or its setup failed)");
        }
        if (fixture.ordersProblem != null) {
            report.note("order-service's setup failed: " + fixture.ordersProblem);
        }
        String customerDirect = target.customerServiceUrl();
        warmUp(customerDirect);
        warmUp(target.gatewayUrl());
        if (options.runs(Scenario.GET_BY_ID)) {
            getById(customerDirect);
        }
        if (options.runs(Scenario.CREATE)) {
            Figures direct = gatling(Scenario.CREATE, "direct to customer-service", CreateSimulation.class,
                    customerDirect, options.rate() / 4.0, null);
            Figures gw = gatling(Scenario.CREATE, "through the gateway", CreateSimulation.class, target.gatewayUrl(),
                    options.rate() / 4.0, null);
            replaceRatio(Scenario.CREATE, "through the gateway", vsDirect(gw, direct));
        }
        if (options.runs(Scenario.FIND_OR_CREATE_STORM)) {
            gatling(Scenario.FIND_OR_CREATE_STORM, "through the gateway", FindOrCreateStormSimulation.class,
                    target.gatewayUrl(), options.rate() / 4.0, null);
        }
        if (options.runs(Scenario.SEARCH)) {
            gatling(Scenario.SEARCH, "through the gateway", SearchSimulation.class, target.gatewayUrl(),
                    options.rate() / 4.0, null);
        }
        if (options.runs(Scenario.EVENT_PATH)) {
            eventPath();
        }
        if (options.runs(Scenario.IMPORT)) {
            importRows();
        }
        if (options.runs(Scenario.DAY_MIX)) {
            dayMix();
        }
        report.note(String.format(Locale.ROOT, "run of %s, %d s, %d cores, load average before/after %s; results in %s",
                started, Duration.between(started, Instant.now()).toSeconds(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), options.resultsDir()));
        String table = report.table();
        out.println();
        out.println(table);
        Files.writeString(options.resultsDir().resolve("latest.md"), table);
        return report;
    }

    /**
     * A few untimed reads and creates on each path first, so the first measured phase does not pay for connection
     * pools opening and the JIT's first compilations (the cold start is not what these phases measure).
     */
    private void warmUp(String baseUrl) throws IOException, InterruptedException {
        Api api = new Api(baseUrl);
        String token = fixture.reps.get(0).token();
        // enough for the JIT's optimizing tier (C2 compiles a method after ~10,000 calls), not only its first one
        int reads = options.smoke() ? 20 : 3_000;
        for (int i = 0; i < reads; i++) {
            api.get("/api/v1/customers/" + fixture.customerIds.get(i % fixture.customerIds.size()), token);
        }
        for (int i = 0; i < reads / 10; i++) {
            api.post("/api/v1/customers", token, fixture.newCustomer(), Map.of());
        }
    }

    private void getById(String directUrl) throws Exception {
        UUID tenant = UUID.fromString(fixture.tenantId);
        Duration d = options.phase();
        Map<String, Double> before = cpu.sample();
        Figures raw = Baselines.rawVertx(target, tenant, fixture.customerIds, d);
        report.add(new Report.Row(Scenario.GET_BY_ID.title(), "raw Vert.x PG client loop (16 in flight)", raw,
                CpuMeter.delta(before, cpu.sample()), "anchor", null));
        Figures pgbench = null;
        before = cpu.sample();
        try {
            pgbench = Baselines.pgbench(target, tenant, fixture.customerIds, d, options.resultsDir().resolve("pgbench"));
        } catch (IOException e) {
            out.println("pgbench did not run: " + e.getMessage());
        }
        if (pgbench != null) {
            report.add(new Report.Row(Scenario.GET_BY_ID.title(), "pgbench -M prepared, 16 clients", pgbench,
                    CpuMeter.delta(before, cpu.sample()), "", "p50 column: pgbench's mean latency"));
        } else {
            report.add(new Report.Row(Scenario.GET_BY_ID.title(), "pgbench", null, null, "",
                    "pgbench not installed or failed: skipped"));
        }
        Figures anchor = pgbench != null ? pgbench : raw;
        String anchorName = pgbench != null ? "pgbench" : "raw";
        // closed loop, 16 in flight like pgbench's clients: the throughput ratios of the issue (capped at the smoke
        // rate in smoke mode, whose stack keeps the gateway's rate limits)
        double cap = options.smoke() ? options.rate() : 0;
        Figures direct = gatling(Scenario.GET_BY_ID, CLOSED_DIRECT, GetByIdSimulation.class, directUrl, cap,
                Baselines.CONCURRENCY, null);
        replaceRatio(Scenario.GET_BY_ID, CLOSED_DIRECT, String.format(Locale.ROOT, "%s of %s, %s of raw",
                ratio(direct.throughput(), anchor.throughput()), anchorName, ratio(direct.throughput(),
                        raw.throughput())));
        Figures gw = gatling(Scenario.GET_BY_ID, CLOSED_GATEWAY, GetByIdSimulation.class, target.gatewayUrl(), cap,
                Baselines.CONCURRENCY, null);
        replaceRatio(Scenario.GET_BY_ID, CLOSED_GATEWAY, vsDirect(gw, direct));
        // the same closed loops with a client that costs little per request (wrk's model): Gatling's own CPU per
        // request (~0.4-0.6 ms) caps the loops above on two shared cores
        Figures directLoop = httpLoop(LOOP_DIRECT, directUrl, cap);
        replaceRatio(Scenario.GET_BY_ID, LOOP_DIRECT, String.format(Locale.ROOT, "%s of %s, %s of raw",
                ratio(directLoop.throughput(), anchor.throughput()), anchorName, ratio(directLoop.throughput(),
                        raw.throughput())));
        Figures gwLoop = httpLoop(LOOP_GATEWAY, target.gatewayUrl(), cap);
        replaceRatio(Scenario.GET_BY_ID, LOOP_GATEWAY, vsDirect(gwLoop, directLoop));
        // open model at a rate both keep up with: the gateway's added latency without queueing in it
        Figures directOpen = gatling(Scenario.GET_BY_ID, OPEN_DIRECT, GetByIdSimulation.class, directUrl,
                options.rate(), 0, null);
        Figures gwOpen = gatling(Scenario.GET_BY_ID, OPEN_GATEWAY, GetByIdSimulation.class, target.gatewayUrl(),
                options.rate(), 0, null);
        replaceRatio(Scenario.GET_BY_ID, OPEN_GATEWAY, vsDirect(gwOpen, directOpen));
    }

    private void eventPath() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        Figures creates = gatling(Scenario.EVENT_PATH, "creates through the gateway (the load)",
                CreateSimulation.class, target.gatewayUrl(), options.rate() / 4.0, null);
        // the last create was sent at the end of the injection; its answer came before Gatling's report was written
        Instant loadEnd = lastPhaseStart.plus(options.phase());
        TrailProbe probe = new TrailProbe(target, UUID.fromString(fixture.tenantId));
        Duration wait = options.smoke() ? Duration.ofSeconds(20) : Duration.ofSeconds(60);
        TrailProbe.Latency outbox = probe.awaitOutbox(since, creates.ok(), wait);
        report.add(new Report.Row(Scenario.EVENT_PATH.title(), "transaction -> Kafka (outbox occurred_at -> sent_at)",
                new Figures(outbox.rows(), Math.max(0, creates.ok() - outbox.rows()), Double.NaN, outbox.p50(),
                        outbox.p95(), outbox.p99()), null, "", "errors: rows not yet sent"));
        TrailProbe.Latency trail = probe.awaitTrail(since, creates.ok(), wait);
        String lag = trail.last() == null ? "-" : String.format(Locale.ROOT, "%.1f s",
                Math.max(0, Duration.between(loadEnd, trail.last()).toMillis() / 1000.0));
        report.add(new Report.Row(Scenario.EVENT_PATH.title(), "commit -> audit trail (occurred_at -> received_at)",
                new Figures(trail.rows(), Math.max(0, creates.ok() - trail.rows()), Double.NaN, trail.p50(),
                        trail.p95(), trail.p99()), null, "", "trail caught up " + lag
                        + " after the load stopped; errors: events not in the trail after " + wait.toSeconds() + " s"));
    }

    private void importRows() throws Exception {
        int rows = options.importRows();
        String file = fixture.ndjson(rows);
        Instant since = Instant.now().minusSeconds(1);
        Figures f = gatling(Scenario.IMPORT, rows + " new rows, one request", ImportSimulation.class,
                target.gatewayUrl(), 1, file);
        Instant end = Instant.now();
        TrailProbe.Latency trail = new TrailProbe(target, UUID.fromString(fixture.tenantId))
                .awaitTrail(since, rows, options.smoke() ? Duration.ofSeconds(20) : Duration.ofSeconds(120));
        String caughtUp = trail.rows() < rows ? "trail has " + trail.rows() + " of " + rows + " events"
                : String.format(Locale.ROOT, "trail caught up %.1f s after the import answered",
                        Math.max(0, Duration.between(end, trail.last()).toMillis() / 1000.0));
        replaceRatio(Scenario.IMPORT, rows + " new rows, one request", String.format(Locale.ROOT,
                "import took %.1f s (p50 column); %s", f.p50() / 1000.0, caughtUp));
        Figures again = gatling(Scenario.IMPORT, "re-import of the same file (all existing)", ImportSimulation.class,
                target.gatewayUrl(), 1, file);
        replaceRatio(Scenario.IMPORT, "re-import of the same file (all existing)", String.format(Locale.ROOT,
                "took %.1f s", again.p50() / 1000.0));
    }

    private void dayMix() throws Exception {
        fixture = fixture.signedInAgain(target); // the reps' and the back office's app tokens, fresh for the phases
        if (!options.smoke()) {
            // untimed: quotes, orders and collections are new paths for order- and cash-service's JIT (a phase on
            // a cold service measures its compiler: 21 s of C2 compilation in order-service's first 45 s)
            int level = options.dayMixLevels().get(0);
            out.printf("%n== %s: warm-up at %s (not in the table)%n", Scenario.DAY_MIX.title(), dayMixLevel(level));
            GatlingRun.run(DayMixSimulation.class, new LoadPlan(fixture, target.gatewayUrl(), level, 0,
                    options.phase(), null), options.resultsDir().resolve("warm-up"), "day-mix warm-up");
        }
        Integer best = null;
        for (int level : options.dayMixLevels()) {
            String measure = dayMixLevel(level);
            Figures f = gatling(Scenario.DAY_MIX, measure, DayMixSimulation.class, target.gatewayUrl(), level, null);
            boolean pass = f.p95() < DAY_MIX_P95_MS && f.errorRatio() < DAY_MIX_MAX_ERRORS && f.requests() > 0;
            replaceRatio(Scenario.DAY_MIX, measure, pass ? "passes (p95 < 500 ms, < 0.1 % errors)" : "fails");
            if (!pass) {
                break;
            }
            best = level;
        }
        report.note(best == null ? "day mix: no level passed p95 < 500 ms with < 0.1 % errors"
                : "day mix: highest passing level " + dayMixLevel(best) + ", i.e. " + best * 3
                        + " shop visits/s (4 requests each)");
    }

    private static String dayMixLevel(int level) {
        return String.format(Locale.ROOT, "%d rep sessions/s (3 visits each) + %.1f sign-ins/s + %.1f back-office"
                + " sessions/s", level, DayMixSimulation.signInRate(level), DayMixSimulation.backOfficeRate(level));
    }

    /** One Gatling run as a row; returns its figures. */
    private Figures gatling(Scenario scenario, String measure, Class<?> simulation, String baseUrl, double rate,
            String importFile) throws IOException {
        return gatling(scenario, measure, simulation, baseUrl, rate, 0, importFile);
    }

    /** One Gatling run as a row, open model at {@code rate} or, with {@code concurrency} above 0, closed loop. */
    private Figures gatling(Scenario scenario, String measure, Class<?> simulation, String baseUrl, double rate,
            int concurrency, String importFile) throws IOException {
        LoadPlan plan = new LoadPlan(fixture, baseUrl, concurrency > 0 ? rate : Math.max(rate, 0.5), concurrency,
                options.phase(), importFile);
        Map<String, Double> before = cpu.sample();
        lastPhaseStart = Instant.now();
        out.printf("%n== %s: %s (%s, %s for %d s)%n", scenario.title(), measure, baseUrl, concurrency > 0
                ? concurrency + " in flight" + (rate > 0 ? String.format(Locale.ROOT, ", at most %.0f/s", rate) : "")
                : String.format(Locale.ROOT, "%.1f/s", plan.rate()), plan.duration().toSeconds());
        GatlingRun.Outcome o = GatlingRun.run(simulation, plan, options.resultsDir(), scenario.id() + ": " + measure);
        Map<String, Double> used = CpuMeter.delta(before, cpu.sample());
        report.add(new Report.Row(scenario.title(), measure, o.figures(), used, null,
                "report " + options.resultsDir().relativize(o.report()).toString()));
        return o.figures();
    }

    /** GET by id through {@link Baselines#httpLoop} as a row. */
    private Figures httpLoop(String measure, String baseUrl, double cap) {
        Map<String, Double> before = cpu.sample();
        lastPhaseStart = Instant.now();
        out.printf("%n== %s: %s (%s, %d s)%n", Scenario.GET_BY_ID.title(), measure, baseUrl,
                options.phase().toSeconds());
        Figures f = Baselines.httpLoop(baseUrl, "/api/v1/customers/", fixture.reps.get(0).token(),
                fixture.customerIds, options.phase(), cap);
        report.add(new Report.Row(Scenario.GET_BY_ID.title(), measure, f, CpuMeter.delta(before, cpu.sample()), null,
                null));
        return f;
    }

    private void replaceRatio(Scenario scenario, String measure, String ratio) {
        List<Report.Row> rows = new ArrayList<>(report.rows());
        for (int i = rows.size() - 1; i >= 0; i--) {
            Report.Row r = rows.get(i);
            if (r.scenario().equals(scenario.title()) && r.measure().equals(measure)) {
                rows.set(i, new Report.Row(r.scenario(), r.measure(), r.figures(), r.cpu(), ratio, r.note()));
                break;
            }
        }
        report.replaceAll(rows);
    }

    private static String vsDirect(Figures gw, Figures direct) {
        return String.format(Locale.ROOT, "%s of direct, %+.1f ms p50, %+.1f ms p99",
                ratio(gw.throughput(), direct.throughput()), gw.p50() - direct.p50(), gw.p99() - direct.p99());
    }

    private static String ratio(double a, double b) {
        return b <= 0 || Double.isNaN(a) || Double.isNaN(b) ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---- command line

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("fieldsales.load.repo-root", ".")).toAbsolutePath().normalize();
        boolean smoke = false;
        String gateway = "http://127.0.0.1:8080";
        Map<String, String> services = new LinkedHashMap<>();
        String pg = "127.0.0.1:55432";
        String pgUser = System.getenv().getOrDefault("LOAD_PG_USER", "postgres");
        String pgPassword = System.getenv("LOAD_PG_PASSWORD");
        String admin = System.getenv("LOAD_ADMIN_USERNAME");
        String adminPassword = System.getenv("LOAD_ADMIN_PASSWORD");
        Integer phase = null;
        Integer rate = null;
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> smoke = true;
                case "--base-url" -> gateway = args[++i];
                case "--service" -> {
                    String[] kv = args[++i].split("=", 2);
                    services.put(kv[0], kv[1]);
                }
                case "--pg" -> pg = args[++i];
                case "--phase" -> phase = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                default -> {
                    if (!Scenario.ids().contains(a)) {
                        System.err.println("Unknown argument " + a + "; scenarios: " + Scenario.ids());
                        System.exit(2);
                    }
                    scenarios.add(a);
                }
            }
        }
        Path secrets = Path.of(System.getenv().getOrDefault("LOAD_SECRETS", "deploy/local/.data/secrets.properties"));
        if ((admin == null || adminPassword == null) && Files.exists(secrets)) {
            java.util.Properties p = new java.util.Properties();
            try (var r = Files.newBufferedReader(secrets)) {
                p.load(r);
            }
            admin = p.getProperty("platform-admin.username");
            adminPassword = p.getProperty("platform-admin.password");
        }
        if (admin == null || adminPassword == null) {
            System.err.println("The platform admin is needed: LOAD_ADMIN_USERNAME and LOAD_ADMIN_PASSWORD, or the"
                    + " local stack's secrets file (LOAD_SECRETS, default deploy/local/.data/secrets.properties)");
            System.exit(2);
        }
        String host = gateway.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
        int port = 8081;
        for (String s : List.of("customer-service", "order-service", "cash-service", "audit-service")) {
            services.putIfAbsent(s, "http://" + host + ":" + port++);
        }
        String[] hp = pg.split(":");
        LoadTarget target = new LoadTarget(gateway, services, hp[0], Integer.parseInt(hp[1]), pgUser, pgPassword,
                admin, adminPassword);
        Path results = root.resolve("deploy/load/results")
                .resolve(java.time.LocalDateTime.now().withNano(0).toString().replace(':', '-'));
        LoadOptions options = (smoke ? LoadOptions.smoke(results) : LoadOptions.full(results)).withScenarios(scenarios);
        if (phase != null) {
            options = options.withPhase(Duration.ofSeconds(phase));
        }
        if (rate != null) {
            options = options.withRate(rate);
        }
        Report r = run(target, options, System.out);
        Files.writeString(root.resolve("deploy/load/results/latest.md"), r.table());
        System.exit(0);
    }
}
