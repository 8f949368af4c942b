package io.fieldsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a native image needs, checked in the normal (JVM) build since no native build can run here: every event
 * payload record is registered for reflection, no code depends on what native cannot see (class loading by name,
 * dynamic proxies, service loading), Flyway finds its migrations on the classpath and the resources are included,
 * each service has the native Dockerfile, and -Dnative switches the build to native with its ITs.
 */
class NativeImageReadinessTest {

    private static final List<DeployedService> SERVICES = DeploymentCatalog.present(Repo.ROOT);
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*[(<]");
    private static final Pattern REGISTERED_TARGETS = Pattern.compile(
            "@RegisterForReflection\\s*\\(\\s*targets\\s*=\\s*\\{([^}]*)}", Pattern.DOTALL);

    @Test
    void everyEventPayloadRecordIsRegisteredForReflection() throws Exception {
        for (DeployedService s : SERVICES) {
            Path main = Repo.ROOT.resolve(s.name()).resolve("src/main/java");
            Set<String> records = new TreeSet<>();
            Set<String> registered = new TreeSet<>();
            for (Path f : javaFiles(main)) {
                String src = Files.readString(f);
                String outer = f.getFileName().toString().replace(".java", "");
                boolean inEvents = f.getParent().getFileName().toString().equals("events");
                Matcher m = RECORD.matcher(src);
                while (m.find()) {
                    if (inEvents) {
                        records.add(m.group(1).equals(outer) ? outer : outer + "." + m.group(1));
                    }
                }
                Matcher t = REGISTERED_TARGETS.matcher(src);
                while (t.find()) {
                    for (String target : t.group(1).split(",")) {
                        registered.add(target.trim().replace(".class", ""));
                    }
                }
                if (inEvents && src.contains("@RegisterForReflection") && !REGISTERED_TARGETS.matcher(src).find()) {
                    registered.add(outer);
                }
            }
            assertThat(registered).as("%s: event payload records registered for reflection (config/NativeImageReflection)",
                    s.name()).containsAll(records);
        }
    }

    @Test
    void noCodeReliesOnWhatANativeImageCannotSee() throws Exception {
        List<Path> roots = new ArrayList<>(List.of(Repo.ROOT.resolve("platform/kit/src/main/java")));
        SERVICES.forEach(s -> roots.add(Repo.ROOT.resolve(s.name()).resolve("src/main/java")));
        List<String> offenders = new ArrayList<>();
        for (Path root : roots) {
            for (Path f : javaFiles(root)) {
                String src = Files.readString(f);
                for (String pattern : List.of("Class.forName(", "Proxy.newProxyInstance(", "ServiceLoader.load(",
                        "getDeclaredMethods()", "Reflections(")) {
                    if (src.contains(pattern)) {
                        offenders.add(Repo.ROOT.relativize(f) + ": " + pattern);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void migrationsAndResourcesAreOnTheClasspathAndIncludedInTheImage() throws Exception {
        String kit = Files.readString(Repo.ROOT.resolve(
                "platform/kit/src/main/resources/META-INF/microprofile-config.properties"));
        assertThat(kit).contains("quarkus.flyway.locations=classpath:db/platform,classpath:db/migration")
                .contains("quarkus.native.resources.includes=db/**");
        assertThat(Files.exists(Repo.ROOT.resolve("platform/kit/src/main/resources/db/platform"))).isTrue();
        for (DeployedService s : SERVICES) {
            Path resources = Repo.ROOT.resolve(s.name()).resolve("src/main/resources");
            assertThat(resources.resolve("db/migration")).as(s.name()).isDirectory();
            String props = Files.readString(resources.resolve("application.properties"));
            assertThat(props).as(s.name() + ": no filesystem: migrations (ignored by native images)")
                    .doesNotContain("filesystem:");
            // any other resource directory the service reads must be in the image too
            try (Stream<Path> dirs = Files.list(resources)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    String name = dir.getFileName().toString();
                    if (!name.equals("db") && !name.equals("META-INF")) {
                        assertThat(props).as("%s reads %s/: quarkus.native.resources.includes must name it", s.name(), name)
                                .containsPattern("quarkus\\.native\\.resources\\.includes=.*" + name + "/\\*\\*");
                    }
                }
            }
        }
    }

    @Test
    void dashNativeBuildsANativeExecutableAndRunsTheServicesIntegrationTestsAgainstIt() throws Exception {
        String pom = Files.readString(Repo.ROOT.resolve("pom.xml"));
        assertThat(pom).contains("<id>native</id>").contains("<name>native</name>")
                .contains("<quarkus.native.enabled>true</quarkus.native.enabled>")
                .contains("<native.image.path>${project.build.directory}/${project.build.finalName}-runner</native.image.path>");
        for (DeployedService s : SERVICES) {
            try (Stream<Path> tests = Files.walk(Repo.ROOT.resolve(s.name()).resolve("src/test/java"))) {
                assertThat(tests.filter(p -> p.getFileName().toString().endsWith("IT.java")).toList())
                        .as("%s has an *IT (@QuarkusIntegrationTest) run against the jar, and the native executable"
                                + " with -Dnative", s.name()).isNotEmpty();
            }
        }
    }

    @Test
    void eachDockerfileCopiesWhatTheBuildProducesAndRunsNonRootWithoutAShell() throws Exception {
        for (DeployedService s : SERVICES) {
            Path docker = Repo.ROOT.resolve(s.name()).resolve("src/main/docker");
            String jvm = Files.readString(docker.resolve("Dockerfile.jvm"));
            assertThat(jvm).as(s.name() + " Dockerfile.jvm").contains("COPY --chown=185 target/quarkus-app/lib/ ")
                    .contains("target/quarkus-app/*.jar").contains("target/quarkus-app/app/")
                    .contains("target/quarkus-app/quarkus/").contains("USER 185")
                    .contains("ENTRYPOINT [ \"java\", \"-jar\", \"/deployments/quarkus-run.jar\" ]")
                    .contains("EXPOSE " + s.port() + " " + s.managementPort());
            String nativeMicro = Files.readString(docker.resolve("Dockerfile.native-micro"));
            assertThat(nativeMicro).as(s.name() + " Dockerfile.native-micro")
                    .contains("COPY --chown=1001:root --chmod=0755 target/*-runner /work/application")
                    .contains("USER 1001").contains("ENTRYPOINT [ \"/work/application\"")
                    .contains("EXPOSE " + s.port() + " " + s.managementPort());
            // the packaged jar the JVM image copies is the build's layout (a fast-jar)
            String props = Files.readString(Repo.ROOT.resolve(s.name()).resolve("src/main/resources/application.properties"));
            assertThat(props).doesNotContain("quarkus.package.jar.type=uber-jar");
            assertThat(props).contains("quarkus.http.port=" + s.port()).contains("quarkus.management.port=" + s.managementPort());
        }
    }

    private static List<Path> javaFiles(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
