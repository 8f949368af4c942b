package io.fieldsales.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import sun.misc.Signal;

/**
 * The whole suite on one machine: the embedded PostgreSQL and Kafka of {@code platform/embedded}, then every service
 * of {@link ServiceCatalog} present in the repository as its own JVM (production profile, configured by its
 * environment). {@code deploy/local/run} runs {@link #main}; {@code LocalStackIT} runs {@link #start} and
 * {@link #close}, the same code.
 *
 * <p>Stopping (Ctrl-C, SIGTERM, SIGHUP or {@link #close}) stops the services first (SIGTERM, a graceful Quarkus
 * shutdown; SIGKILL after 30 s), then Kafka, then PostgreSQL (a checkpoint), and frees every port. A stack killed too
 * hard to clean up (kill -9) is cleaned up by the next start: the processes it started are recorded in the data
 * directory.
 */
public final class LocalStack implements AutoCloseable {

    private static final String DATA_MARKER = ".fieldsales-local-stack";
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);

    private final StackOptions options;
    private final PrintStream out;
    private final Infrastructure infrastructure = new Infrastructure();
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final Set<Integer> ports = new LinkedHashSet<>();
    private List<ServiceSpec> running = List.of();
    private LocalSecrets secrets;
    private ProcessRecords records;
    private Instant startedAt;
    private Duration readyIn;
    private volatile boolean closed;
    private volatile boolean infrastructureStarted;

    LocalStack(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Starts the stack and returns once every service is ready; on failure, whatever started is stopped. */
    public static LocalStack start(StackOptions options, PrintStream out)
            throws StackStartException, InterruptedException {
        LocalStack stack = new LocalStack(options, out);
        try {
            stack.startAll();
            return stack;
        } catch (StackStartException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public static void main(String[] args) {
        Path repoRoot = Path.of(System.getProperty("fieldsales.local.repo-root", ".")).toAbsolutePath().normalize();
        StackOptions options;
        try {
            options = StackOptions.fromCommandLine(args, repoRoot, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(options, System.out);
        Thread main = Thread.currentThread();
        AtomicInteger signals = new AtomicInteger();
        for (String name : List.of("INT", "TERM", "HUP")) {
            Signal.handle(new Signal(name), signal -> {
                if (signals.incrementAndGet() == 1) {
                    main.interrupt();
                } else {
                    System.out.println("\nStopping faster: killing the services.");
                    stack.killServices();
                }
            });
        }
        // Any other way out of the JVM still stops the stack in order.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        int exitCode = 0;
        try {
            stack.startAll();
            if (options.demoData()) {
                stack.loadDemoData();
            }
            stack.printBanner();
            stack.closedLatch.await();
        } catch (InterruptedException e) {
            System.out.println();
        } catch (StackStartException e) {
            System.err.println();
            System.err.println("The stack did not start: " + e.getMessage());
            exitCode = 1;
        } catch (Exception e) {
            System.err.println();
            System.err.println("The stack failed: " + e);
            e.printStackTrace();
            exitCode = 1;
        } finally {
            stack.close();
        }
        System.exit(exitCode);
    }

    void startAll() throws StackStartException, InterruptedException {
        startedAt = Instant.now();
        Path data = options.dataDir();
        out.println("Fieldsales local stack  (data: " + display(data) + ")");
        try {
            prepareDataDirectory(data);
            configureInfrastructureLogging(options.logDir());
            secrets = LocalSecrets.loadOrCreate(data, options.environment());
        } catch (IOException e) {
            throw new StackStartException("cannot prepare the data directory " + data + ": " + e.getMessage(), e);
        }

        Map<ServiceSpec, Path> present = presentServices();
        int pgPort = assign(options.postgresPort());
        int kafkaPort = assign(options.kafkaPort());
        int controllerPort = options.kafkaControllerPort() == 0 ? Ports.freePort() : options.kafkaControllerPort();
        List<ServiceSpec> specs = new ArrayList<>();
        present.keySet().forEach(s -> {
            int management = assign(s.managementPort());
            specs.add(s.withPort(assign(s.port())).withManagementPort(management));
        });
        running = List.copyOf(specs);
        requirePortsFree(pgPort, kafkaPort, controllerPort);
        checkInterrupted();

        // PostgreSQL (a separate process) starts while Kafka (in this JVM, mostly class loading) does.
        infrastructureStarted = true;
        Instant pgStart = Instant.now();
        CompletableFuture<Void> postgres = CompletableFuture.runAsync(() -> {
            try {
                ProcessRecords.stopLeftoverPostgres(data.resolve("postgres"), out);
                infrastructure.startPostgres(data.resolve("postgres"), pgPort, running);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
            progress("ready", "postgresql", "127.0.0.1:" + pgPort, pgStart);
        });
        Instant t = Instant.now();
        Exception kafkaFailure = null;
        try {
            infrastructure.startKafka(data.resolve("kafka"), kafkaPort, controllerPort);
            progress("ready", "kafka", infrastructure.kafkaBootstrap(), t);
        } catch (Exception e) {
            kafkaFailure = e;
        }
        try {
            postgres.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause()
                    : e.getCause();
            throw new StackStartException("PostgreSQL did not start on port " + pgPort + ": " + cause.getMessage()
                    + " (see " + display(options.logDir().resolve("infrastructure.log")) + ")", cause);
        }
        if (kafkaFailure != null) {
            throw new StackStartException("Kafka did not start on port " + kafkaPort + ": "
                    + kafkaFailure.getMessage() + " (see " + display(options.logDir().resolve("infrastructure.log"))
                    + ")", kafkaFailure);
        }
        checkInterrupted();

        launchServices(present);
        awaitReadiness();
        readyIn = Duration.between(startedAt, Instant.now());
        services.forEach(this::watchForCrash);
    }

    private void prepareDataDirectory(Path data) throws IOException, StackStartException {
        Files.createDirectories(data);
        records = new ProcessRecords(data);
        records.stopLeftovers(out);
        if (options.fresh()) {
            ProcessRecords.stopLeftoverPostgres(data.resolve("postgres"), out);
            boolean ours = Files.exists(data.resolve(DATA_MARKER));
            try (var entries = Files.list(data)) {
                if (!ours && entries.findAny().isPresent()) {
                    throw new StackStartException("--fresh would wipe " + data + ", which the local stack did not "
                            + "create (no " + DATA_MARKER + " in it); wipe or choose it yourself");
                }
            }
            out.println("  wiping    " + display(data));
            deleteContents(data);
        }
        Files.writeString(data.resolve(DATA_MARKER), "Data directory of deploy/local/run; --fresh wipes it.\n");
        Files.createDirectories(options.logDir());
    }

    /** The services whose module exists, with their jar; warns about the others. */
    private Map<ServiceSpec, Path> presentServices() throws StackStartException {
        Map<ServiceSpec, Path> present = new LinkedHashMap<>();
        List<String> unbuilt = new ArrayList<>();
        for (ServiceSpec s : options.services()) {
            if (!s.command().isEmpty()) {
                present.put(s, null);
                continue;
            }
            Optional<Path> module = options.moduleRoots().stream().map(r -> r.resolve(s.moduleDir()))
                    .filter(m -> Files.exists(m.resolve("pom.xml"))).findFirst();
            if (module.isEmpty()) {
                progress("skipped", s.name(), "not in this repository", null);
                continue;
            }
            Optional<Path> jar = options.moduleRoots().stream()
                    .map(r -> r.resolve(s.moduleDir()).resolve("target/quarkus-app/quarkus-run.jar"))
                    .filter(Files::exists).findFirst();
            if (jar.isEmpty()) {
                unbuilt.add(s.name());
            } else {
                present.put(s, jar.get());
            }
        }
        if (!unbuilt.isEmpty()) {
            throw new StackStartException(String.join(", ", unbuilt) + " not built (no target/quarkus-app/"
                    + "quarkus-run.jar): deploy/local/run builds them, or ./mvnw -q -DskipTests package -pl "
                    + String.join(",", unbuilt) + " -am");
        }
        return present;
    }

    private int assign(int port) {
        int p = port == 0 ? Ports.freePort() : port;
        ports.add(p);
        return p;
    }

    private void requirePortsFree(int pgPort, int kafkaPort, int controllerPort)
            throws StackStartException, InterruptedException {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(pgPort, "postgresql (FIELDSALES_LOCAL_POSTGRES_PORT)");
        wanted.put(kafkaPort, "kafka (FIELDSALES_LOCAL_KAFKA_PORT)");
        wanted.put(controllerPort, "kafka controller (FIELDSALES_LOCAL_KAFKA_PORT + 1)");
        running.forEach(s -> wanted.put(s.port(), s.name() + " (FIELDSALES_LOCAL_PORT_"
                + StackOptions.envName(s.name()) + ")"));
        running.forEach(s -> wanted.put(s.managementPort(), s.name() + " management (FIELDSALES_LOCAL_MANAGEMENT_PORT_"
                + StackOptions.envName(s.name()) + ")"));
        ports.add(controllerPort);
        List<String> busy = new ArrayList<>();
        awaitPortsHeldOnlyByConnections(wanted.keySet());
        wanted.forEach((port, what) -> {
            if (!Ports.isFree(port)) {
                busy.add("port " + port + " for " + what + " is in use"
                        + Ports.holder(port).map(h -> " by " + h).orElse(""));
            }
        });
        if (!busy.isEmpty()) {
            throw new StackStartException(String.join("; ", busy) + ". Is another stack running? Stop it "
                    + "(Ctrl-C in its terminal) or choose other ports with the variables named above.");
        }
    }

    /**
     * A port held only by a connection (no listener: a closed connection's TIME_WAIT, or an outgoing connection that
     * got it as its source port) frees itself within a minute: wait for it rather than fail.
     */
    private void awaitPortsHeldOnlyByConnections(Set<Integer> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(75);
        for (int port : wanted) {
            boolean told = false;
            while (!Ports.isFree(port) && !Ports.hasListener(port) && Instant.now().isBefore(deadline)) {
                if (!told) {
                    out.println("  waiting   port " + port + " is held by a closing connection (TIME_WAIT); "
                            + "it frees itself within a minute");
                    told = true;
                }
                Thread.sleep(500);
            }
        }
    }

    private void launchServices(Map<ServiceSpec, Path> present) throws StackStartException {
        String gatewayUrl = running.stream().filter(ServiceSpec::isGateway).findFirst()
                .map(s -> "http://127.0.0.1:" + s.port()).orElse("http://127.0.0.1:8080");
        ServiceEnvironment env = new ServiceEnvironment(infrastructure.postgresPort(),
                infrastructure.kafkaBootstrap(), gatewayUrl, running, secrets);
        List<ServiceSpec> originals = new ArrayList<>(present.keySet());
        for (int i = 0; i < running.size(); i++) {
            ServiceSpec spec = running.get(i);
            try {
                ServiceProcess p = ServiceProcess.launch(spec, present.get(originals.get(i)),
                        ServiceProcess.environment(spec, env), options.logDir(), options.javaOptions());
                services.add(p);
                records.record(spec.name(), p.handle());
            } catch (IOException e) {
                throw new StackStartException("cannot start " + spec.name() + ": " + e.getMessage(), e);
            }
        }
        if (!running.isEmpty()) {
            out.println("  starting  " + running.stream().map(ServiceSpec::name).collect(Collectors.joining(", "))
                    + "  (logs: " + display(options.logDir()) + ")");
        }
    }

    private void awaitReadiness() throws StackStartException, InterruptedException {
        Instant deadline = Instant.now().plus(options.readinessTimeout());
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            checkInterrupted();
            for (ServiceProcess p : List.copyOf(waiting)) {
                if (p.checkReady(http)) {
                    progress("ready", p.name(), p.url(), Instant.now().minus(p.startupTime()));
                    waiting.remove(p);
                } else if (!p.isAlive()) {
                    throw new StackStartException(p.crashReport("while starting"));
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder sb = new StringBuilder("not ready within " + options.readinessTimeout().toSeconds()
                        + " s: " + waiting.stream().map(ServiceProcess::name).collect(Collectors.joining(", "))
                        + " (FIELDSALES_LOCAL_READY_TIMEOUT raises the limit).");
                for (ServiceProcess p : waiting) {
                    sb.append(System.lineSeparator()).append("Last lines of ").append(p.log()).append(':');
                    p.tail(15).forEach(l -> sb.append(System.lineSeparator()).append("    | ").append(l));
                }
                throw new StackStartException(sb.toString());
            }
            Thread.sleep(200);
        }
    }

    private void watchForCrash(ServiceProcess p) {
        p.process().onExit().thenRun(() -> {
            if (!closed && !p.isStopping()) {
                out.println();
                out.println("!! " + p.crashReport("while running")
                        + "   The rest of the stack keeps running; Ctrl-C and deploy/local/run to restart it.");
            }
        });
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("stop requested");
        }
    }

    /** What a person needs once the stack is ready: where it is, who to log in as, how. */
    void printBanner() {
        StackMemory memory = memory();
        String gw = gatewayUrl();
        Credentials admin = platformAdmin();
        out.println();
        out.printf(Locale.ROOT, "Fieldsales is ready in %.1f s, using %s of memory (%s).%n",
                readyIn.toMillis() / 1000.0, ResidentMemory.mib(memory.total()), memory.breakdown());
        out.println();
        if (gw == null) {
            out.println("  No gateway in this repository: the services answer on their own ports.");
        } else {
            line("Gateway", gw + "   (API: " + gw + "/api/v1/..., keys: " + gw + "/.well-known/jwks.json)");
        }
        for (ServiceProcess p : services) {
            if (!p.spec().isGateway()) {
                line(p.name(), p.url());
            }
        }
        out.println();
        out.println("  Management (health, metrics, OpenAPI; never on the API ports):");
        for (ServiceProcess p : services) {
            String m = p.managementUrl();
            line(p.name(), m + "/q/health/ready   " + m + "/q/metrics"
                    + (probe(m + "/q/openapi") ? "   " + m + "/q/openapi" : ""));
        }
        line("Logs", display(options.logDir()) + "/<service>.log");
        out.println();
        line("Platform admin", "username: " + admin.username());
        line("", "password: " + admin.password());
        line("", "(" + (secrets.platformAdminFromEnvironment()
                ? "from FIELDSALES_BOOTSTRAP_ADMIN_USERNAME/_PASSWORD"
                : "generated on first start, kept in " + display(options.dataDir().resolve(LocalSecrets.FILE)))
                + ")");
        Optional<Credentials> demoAdmin = DemoData.savedAdmin(options.dataDir());
        demoAdmin.ifPresent(d -> line("Demo tenant", "\"" + d.tenant() + "\": admin / " + d.password()
                + "; every user and password in " + display(options.dataDir().resolve(DemoData.USERS_FILE))));
        if (gw != null) {
            printCurlExample(gw, admin, demoAdmin);
        }
        out.println();
        out.println("Ctrl-C stops everything (services, then Kafka, then PostgreSQL); the data stays in "
                + display(options.dataDir()) + " (--fresh wipes it).");
    }

    private void printCurlExample(String gw, Credentials admin, Optional<Credentials> demoAdmin) {
        out.println();
        out.println("  Try it:");
        if (demoAdmin.isPresent()) {
            Credentials d = demoAdmin.get();
            out.println("    TOKEN=$(curl -s " + gw + "/api/v1/auth/login -H 'Content-Type: application/json' \\");
            out.println("      -d '{\"tenant\":\"" + d.tenant() + "\",\"username\":\"" + d.username()
                    + "\",\"password\":\"" + d.password() + "\"}' | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
            out.println("    curl -s '" + gw + "/api/v1/customers?limit=5' -H \"Authorization: Bearer $TOKEN\"");
        } else {
            out.println("    TOKEN=$(curl -s " + gw + "/api/v1/auth/login -H 'Content-Type: application/json' \\");
            out.println("      -d '{\"username\":\"" + admin.username() + "\",\"password\":\"" + admin.password()
                    + "\"}' | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
            out.println("    curl -s " + gw + "/api/v1/auth/me -H \"Authorization: Bearer $TOKEN\"");
            out.println("    (deploy/local/run --demo-data loads a demo tenant with users and customers)");
        }
    }

    /** --demo-data; a failure is reported and the stack keeps running (it is not the stack's fault). */
    void loadDemoData() throws InterruptedException {
        if (gatewayUrl() == null) {
            out.println("  --demo-data needs the gateway, which this repository does not have yet: skipped");
            return;
        }
        try {
            new DemoData(gatewayUrl(), platformAdmin(), options.dataDir(), out).load();
        } catch (IOException | RuntimeException e) {
            out.println("  demo data could not be loaded: " + e.getMessage());
        }
    }

    private void line(String label, String value) {
        out.printf("  %-17s %s%n", label, value);
    }

    private boolean probe(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The memory of every process of the stack now: each service, this JVM (Kafka), PostgreSQL. */
    public StackMemory memory() {
        Map<String, Long> parts = new LinkedHashMap<>();
        services.forEach(p -> parts.put(p.name(), ResidentMemory.pss(p.handle())));
        parts.put("kafka+launcher", ResidentMemory.pss(ProcessHandle.current()));
        infrastructure.postgresProcess().ifPresent(pg -> parts.put("postgresql", ResidentMemory.pssOfTree(pg)));
        return new StackMemory(parts);
    }

    /** Every process of the stack that runs now: the services (and their children) and PostgreSQL's. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        for (ServiceProcess p : services) {
            all.add(p.handle());
            p.handle().descendants().forEach(all::add);
        }
        infrastructure.postgresProcess().ifPresent(pg -> {
            all.add(pg);
            pg.descendants().forEach(all::add);
        });
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    /** Every port the stack listens on (or was to listen on). */
    public Set<Integer> ports() {
        return Set.copyOf(ports);
    }

    public String gatewayUrl() {
        return running.stream().filter(ServiceSpec::isGateway).findFirst()
                .map(s -> "http://127.0.0.1:" + s.port()).orElse(null);
    }

    public Credentials platformAdmin() {
        return secrets.platformAdmin();
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    public Duration readyIn() {
        return readyIn;
    }

    public String kafkaBootstrap() {
        return infrastructure.kafkaBootstrap();
    }

    public int postgresPort() {
        return infrastructure.postgresPort();
    }

    void killServices() {
        services.forEach(p -> p.handle().destroyForcibly());
    }

    /** Stops the services, then Kafka, then PostgreSQL. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            if (!services.isEmpty()) {
                out.println("Stopping  " + services.stream().map(ServiceProcess::name)
                        .collect(Collectors.joining(", ")));
                CompletableFuture.allOf(services.stream()
                        .map(p -> CompletableFuture.runAsync(() -> p.stop(SERVICE_STOP_GRACE)))
                        .toArray(CompletableFuture[]::new)).join();
            }
            try {
                infrastructure.stopKafka();
            } catch (Exception e) {
                out.println("  Kafka did not stop cleanly: " + e);
            }
            try {
                infrastructure.stopPostgres();
            } catch (Exception e) {
                out.println("  PostgreSQL did not stop cleanly: " + e);
            }
            if (records != null) {
                try {
                    records.clear();
                } catch (IOException ignored) {
                    // the next start checks the processes again anyway
                }
            }
            if (infrastructureStarted) {
                out.println("Stopped (services, Kafka, PostgreSQL); data kept in " + display(options.dataDir()));
            }
        } finally {
            closedLatch.countDown();
        }
    }

    private void progress(String what, String name, String where, Instant since) {
        String time = since == null ? ""
                : String.format(Locale.ROOT, "%6.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  %-9s %-17s %-24s %s%n", what, name, where, time);
    }

    /** A path relative to the working directory when it is below it (shorter, copy-pasteable). */
    private static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /** Kafka's and PostgreSQL's own logs go to a file; the console shows the stack's progress only. */
    private static void configureInfrastructureLogging(Path logDir) {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", logDir.resolve("infrastructure.log").toString());
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.io.fieldsales", "info");
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        }
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (!d.equals(dir)) {
                    Files.delete(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
