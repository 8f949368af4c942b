package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack (the code deploy/local/run runs) per failsafe JVM, shared by every {@code *IT} of this module that
 * is annotated {@code @ExtendWith(SuiteStack.class)}: starting the five services takes most of a minute on a 2-core
 * machine, so the end-to-end tests, the load smoke run and the observability checks all use the same one. It runs on
 * free ports (never clashing with a developer's running stack) with a fresh data directory, and is stopped when the
 * test run of this JVM ends; stopping must leave no process running and no port listening, or the run fails.
 *
 * <p>Tests get it with {@link #stack()} in a {@code @BeforeAll} or a test. A test that stops or kills a service, or
 * cuts Kafka, restores it before it ends, so the next test finds the whole stack up.
 */
public final class SuiteStack implements BeforeAllCallback {

    /** The services every shared-stack test needs. */
    public static final List<String> NEEDED =
            List.of("gateway", "customer-service", "order-service", "cash-service", "audit-service");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteStack.class);
    private static volatile LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SuiteStack.class) {
            if (stack != null) {
                return;
            }
            Path repoRoot = Path.of(System.getProperty("fieldsales.local.repo-root", "../..")).toAbsolutePath()
                    .normalize();
            StackOptions options = StackOptions.fromCommandLine(new String[0], repoRoot, System.getenv())
                    .withDataDir(repoRoot.resolve("deploy/local/target/suite-stack-it"))
                    .withFresh(true)
                    .withFreePorts();
            for (String module : NEEDED) {
                assumeTrue(options.moduleRoots().stream()
                                .anyMatch(r -> Files.exists(r.resolve(module).resolve("pom.xml"))),
                        module + " is not in this repository: the end-to-end tests need it");
            }
            PrintStream out = System.out;
            LocalStack started = LocalStack.start(options, out);
            StackMemory memory = started.memory();
            out.printf("local stack (shared by the end-to-end tests): ready in %.1f s, memory %d MiB (%s)%n",
                    started.readyIn().toMillis() / 1000.0, memory.total() / (1024 * 1024), memory.breakdown());
            context.getRoot().getStore(NAMESPACE).put("stack", new Stopper(started));
            stack = started;
        }
    }

    /** The running shared stack; only valid in a test class extended with this class. */
    public static LocalStack stack() {
        LocalStack s = stack;
        if (s == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SuiteStack.class)");
        }
        return s;
    }

    /** The service of that name in the shared stack. */
    public static ServiceProcess service(String name) {
        return stack().services().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in the stack"));
    }

    /** Stops the stack when the JVM's tests are done and checks that nothing of it is left. */
    private record Stopper(LocalStack started) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            List<ProcessHandle> processes = started.processes();
            Set<Integer> ports = started.ports();
            started.close();
            stack = null;
            assertThat(processes).as("no process of the stack is left").noneMatch(ProcessHandle::isAlive);
            // a listener left is the stack's; a port merely held by some connection (another process's outgoing
            // connection got it as its source port: these free ports lie in the ephemeral range) is not
            assertThat(ports).as("no port of the stack has a listener left").noneMatch(Ports::hasListener);
        }
    }
}
