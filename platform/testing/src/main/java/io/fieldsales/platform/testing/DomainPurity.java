package io.fieldsales.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layering rule for a service's {@code domain} package (CONTRIBUTING.md: "no HTTP, no SQL, no Kafka"): its
 * sources import nothing reactive or of the transports. Each service's {@code DomainPurityTest} asserts
 * {@code DomainPurity.violations(...)} is empty.
 */
public final class DomainPurity {

    /** Import prefixes a domain class never needs: reactive types, HTTP, SQL clients, messaging. */
    public static final List<String> FORBIDDEN = List.of("io.smallrye.mutiny", "io.vertx", "jakarta.ws.rs",
            "org.jboss.resteasy", "java.sql", "javax.sql", "org.apache.kafka", "org.eclipse.microprofile.reactive",
            "io.smallrye.reactive", "org.hibernate.reactive", "io.quarkus.hibernate.reactive.panache.common.runtime");

    private DomainPurity() {
    }

    /**
     * {@code <file>: <import>} for every forbidden import in the sources under {@code domainSources} (e.g.
     * {@code src/main/java/io/fieldsales/customer/domain}).
     */
    public static List<String> violations(Path domainSources) {
        if (!Files.isDirectory(domainSources)) {
            throw new IllegalArgumentException("No domain sources at " + domainSources.toAbsolutePath());
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(domainSources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    String l = line.strip();
                    if (!l.startsWith("import ")) {
                        continue;
                    }
                    String imported = l.substring("import ".length()).replace("static ", "").replace(";", "").strip();
                    if (FORBIDDEN.stream().anyMatch(imported::startsWith)) {
                        found.add(domainSources.relativize(file) + ": " + imported);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
