package io.fieldsales.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);

    private final StackOptions options;
    private final StackConsole out;
    private final Infrastructure infrastructure = new Infrastructure();
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final StackPorts ports;
    private final ServiceReadiness readiness;
    private List<ServiceSpec> running = List.of();
    private final Map<String, Path> jars = new java.util.concurrent.ConcurrentHashMap<>();
    private ServiceEnvironment environment;
    private int kafkaPort;
    private int kafkaControllerPort;
    private LocalSecrets secrets;
    private ProcessRecords records;
    private Instant startedAt;
    private Duration readyIn;
    private volatile boolean closed;
    private volatile boolean infrastructureStarted;

    LocalStack(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = new StackConsole(out);
        this.ports = new StackPorts(this.out);
        this.readiness = new ServiceReadiness(this.out, http);
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
        out.println("Fieldsales local stack  (data: " + StackConsole.display(data) + ")");
        try {
            records = DataDirectory.prepare(options, out);
            secrets = LocalSecrets.loadOrCreate(data, options.environment());
        } catch (IOException e) {
            throw new StackStartException("cannot prepare the data directory " + data + ": " + e.getMessage(), e);
        }

        Map<ServiceSpec, Path> present = ServiceModules.present(options, out);
        int pgPort = ports.assign(options.postgresPort());
        int kafkaPort = ports.assign(options.kafkaPort());
        int controllerPort = options.kafkaControllerPort() == 0 ? Ports.freePort() : options.kafkaControllerPort();
        List<ServiceSpec> specs = new ArrayList<>();
        present.keySet().forEach(s -> {
            int management = ports.assign(s.managementPort());
            specs.add(s.withPort(ports.assign(s.port())).withManagementPort(management));
        });
        running = List.copyOf(specs);
        ports.requireFree(pgPort, kafkaPort, controllerPort, running);
        ServiceReadiness.checkInterrupted();

        startInfrastructure(data, pgPort, kafkaPort, controllerPort);
        ServiceReadiness.checkInterrupted();

        launchServices(present);
        readiness.await(services, options.readinessTimeout());
        readyIn = Duration.between(startedAt, Instant.now());
        services.forEach(p -> readiness.watchForCrash(p, () -> closed));
    }

    /** PostgreSQL (a separate process) starts while Kafka (in this JVM, mostly class loading) does. */
    private void startInfrastructure(Path data, int pgPort, int kafkaPort, int controllerPort)
            throws StackStartException, InterruptedException {
        infrastructureStarted = true;
        this.kafkaPort = kafkaPort;
        this.kafkaControllerPort = controllerPort;
        Instant pgStart = Instant.now();
        CompletableFuture<Void> postgres = CompletableFuture.runAsync(() -> {
            try {
                ProcessRecords.stopLeftoverPostgres(data.resolve("postgres"), out.out());
                infrastructure.startPostgres(data.resolve("postgres"), pgPort, running);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
            out.progress("ready", "postgresql", "127.0.0.1:" + pgPort, pgStart);
        });
        Instant t = Instant.now();
        Exception kafkaFailure = null;
        try {
            infrastructure.startKafka(data.resolve("kafka"), kafkaPort, controllerPort);
            out.progress("ready", "kafka", infrastructure.kafkaBootstrap(), t);
        } catch (Exception e) {
            kafkaFailure = e;
        }
        String infrastructureLog = StackConsole.display(options.logDir().resolve("infrastructure.log"));
        try {
            postgres.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause()
                    : e.getCause();
            throw new StackStartException("PostgreSQL did not start on port " + pgPort + ": " + cause.getMessage()
                    + " (see " + infrastructureLog + ")", cause);
        }
        if (kafkaFailure != null) {
            throw new StackStartException("Kafka did not start on port " + kafkaPort + ": "
                    + kafkaFailure.getMessage() + " (see " + infrastructureLog + ")", kafkaFailure);
        }
    }

    private void launchServices(Map<ServiceSpec, Path> present) throws StackStartException {
        String gatewayUrl = running.stream().filter(ServiceSpec::isGateway).findFirst()
                .map(s -> "http://127.0.0.1:" + s.port()).orElse("http://127.0.0.1:8080");
        ServiceEnvironment env = new ServiceEnvironment(infrastructure.postgresPort(),
                infrastructure.kafkaBootstrap(), gatewayUrl, running, secrets);
        environment = env;
        List<ServiceSpec> originals = new ArrayList<>(present.keySet());
        for (int i = 0; i < running.size(); i++) {
            ServiceSpec spec = running.get(i);
            Path jar = present.get(originals.get(i));
            if (jar != null) {
                jars.put(spec.name(), jar);
            }
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
                    + "  (logs: " + StackConsole.display(options.logDir()) + ")");
        }
    }

    /** What a person needs once the stack is ready: where it is, who to log in as, how. */
    void printBanner() {
        new ReadyBanner(out, http).print(new ReadyBanner.Facts(readyIn, memory(), gatewayUrl(), services(),
                platformAdmin(), secrets.platformAdminFromEnvironment(), options));
    }

    /** --demo-data; a failure is reported and the stack keeps running (it is not the stack's fault). */
    void loadDemoData() throws InterruptedException {
        if (gatewayUrl() == null) {
            out.println("  --demo-data needs the gateway, which this repository does not have yet: skipped");
            return;
        }
        try {
            new DemoData(gatewayUrl(), platformAdmin(), options.dataDir(), out.out()).load();
        } catch (IOException | RuntimeException e) {
            out.println("  demo data could not be loaded: " + e.getMessage());
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
        return ports.all();
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

    public Path dataDir() {
        return options.dataDir();
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

    // ---- fault controls (the end-to-end tests play outages with them; each restores what it broke)

    /** Stops the service gracefully (SIGTERM, SIGKILL after 30 s); {@link #startService} starts it again. */
    public void stopService(String name) {
        service(name).stop(SERVICE_STOP_GRACE);
    }

    /** Kills the service with SIGKILL (no shutdown of any kind) and returns once it is gone. */
    public void killService(String name) throws InterruptedException {
        service(name).kill();
    }

    /**
     * Starts a service stopped or killed earlier, with the same ports and environment, and returns once it is ready
     * (its previous log is kept as {@code .log.1}).
     */
    public void startService(String name) throws StackStartException, InterruptedException {
        ServiceProcess old = service(name);
        if (old.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        ServiceSpec spec = old.spec();
        ServiceProcess p;
        try {
            p = ServiceProcess.launch(spec, jars.get(name), ServiceProcess.environment(spec, environment),
                    options.logDir(), options.javaOptions());
            records.record(name, p.handle());
        } catch (IOException e) {
            throw new StackStartException("cannot start " + name + ": " + e.getMessage(), e);
        }
        services.replaceAll(s -> s == old ? p : s);
        readiness.await(List.of(p), options.readinessTimeout());
        readiness.watchForCrash(p, () -> closed);
    }

    /**
     * A Kafka outage: the broker stops (its log kept), so every client's connection drops and new ones are refused
     * until {@link #restoreKafka}.
     */
    public void kafkaOutage() throws IOException {
        infrastructure.stopKafka();
    }

    /** Starts the broker again on the same ports and log, after {@link #kafkaOutage}. */
    public void restoreKafka() throws Exception {
        infrastructure.startKafka(options.dataDir().resolve("kafka"), kafkaPort, kafkaControllerPort);
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in the stack"));
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
                out.println("Stopped (services, Kafka, PostgreSQL); data kept in " + StackConsole.display(options.dataDir()));
            }
        } finally {
            closedLatch.countDown();
        }
    }
}
