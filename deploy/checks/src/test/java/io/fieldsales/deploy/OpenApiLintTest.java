package io.fieldsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.gateway.domain.PublicApiMerger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every service's OpenAPI document (stored by its build in {@code target/openapi/openapi.json}) and the gateway's
 * merged public document, made here from those same files by the gateway's {@link PublicApiMerger}, pass Redocly's
 * recommended rules (Redocly CLI pinned in deploy/checks/package-lock.json, rules in deploy/checks/redocly.yaml) with
 * no error and no warning. Needs node and npm (.ci/run installs them): without them the test fails.
 */
class OpenApiLintTest {

    @Test
    void everyServiceDocumentAndTheMergedPublicDocumentLintCleanWithRedoclyRecommended() throws Exception {
        Map<String, Path> documents = new LinkedHashMap<>();
        for (DeployedService s : DeploymentCatalog.present(Repo.ROOT)) {
            Path stored = Repo.ROOT.resolve(s.name()).resolve("target/openapi/openapi.json");
            assertThat(stored).as("%s's stored OpenAPI document: build it first (./mvnw -pl %s -am package "
                    + "-DskipTests)", s.name(), s.name()).exists();
            documents.put(s.name(), stored);
        }
        Path merged = mergedPublicDocument(documents);
        documents.put("merged (GET /api/v1/openapi)", merged);

        Map<Path, int[]> counts = lint(List.copyOf(documents.values()));
        int errors = 0;
        int warnings = 0;
        for (Map.Entry<String, Path> d : documents.entrySet()) {
            int[] c = counts.getOrDefault(d.getValue(), new int[2]);
            System.out.printf("OPENAPI LINT %s: %d errors, %d warnings (%s)%n", d.getKey(), c[0], c[1],
                    Repo.ROOT.relativize(d.getValue()));
            errors += c[0];
            warnings += c[1];
        }
        System.out.printf("OPENAPI LINT total: %d errors, %d warnings over %d documents%n", errors, warnings,
                documents.size());
        assertThat(errors).as("Redocly errors (listed above)").isZero();
        assertThat(warnings).as("Redocly warnings (listed above)").isZero();
    }

    @Test
    void theMergedDocumentHoldsTheGatewaysOwnPathsAndEveryServicesRoutedPaths() throws Exception {
        Map<String, Path> documents = new LinkedHashMap<>();
        DeploymentCatalog.present(Repo.ROOT).forEach(s -> documents.put(s.name(),
                Repo.ROOT.resolve(s.name()).resolve("target/openapi/openapi.json")));
        JsonNode merged = RenderedObjects.JSON.readTree(mergedPublicDocument(documents).toFile());
        JsonNode paths = merged.path("paths");
        for (Map.Entry<String, Path> d : documents.entrySet()) {
            JsonNode own = RenderedObjects.JSON.readTree(d.getValue().toFile()).path("paths");
            List<String> routed = new ArrayList<>();
            own.fieldNames().forEachRemaining(p -> {
                if (p.startsWith("/api/v1/") || d.getKey().equals("gateway")) {
                    routed.add(p);
                }
            });
            assertThat(routed).as("%s's public paths", d.getKey()).isNotEmpty();
            // a service's /api/v1 path missing here is one the gateway does not route (RouteTable)
            routed.forEach(p -> assertThat(paths.has(p)).as("%s's %s in the merged document (routed by the "
                    + "gateway)", d.getKey(), p).isTrue());
        }
        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(merged.at("/info").has(PublicApiMerger.UNAVAILABLE_EXTENSION)).isFalse();
    }

    @Test
    void redoclyReportsADocumentWithoutServersOperationIdsOrSecurity() throws Exception {
        Path broken = Files.createTempFile("openapi-broken", ".yaml");
        Files.writeString(broken, """
                openapi: 3.1.0
                info: {title: broken, version: 1.0.0}
                paths:
                  /api/v1/things:
                    get:
                      responses:
                        '200': {description: ok}
                """);
        int[] c = lint(List.of(broken)).getOrDefault(broken, new int[2]);
        Files.delete(broken);
        assertThat(c[0]).as("errors").isPositive();
        assertThat(c[1]).as("warnings").isPositive();
    }

    /** The gateway's merged document over the services' stored documents, written to target/openapi. */
    private static Path mergedPublicDocument(Map<String, Path> documents) throws IOException {
        Map<String, String> upstreams = new TreeMap<>();
        String gateway = null;
        for (Map.Entry<String, Path> d : documents.entrySet()) {
            String json = Files.readString(d.getValue());
            if (d.getKey().equals("gateway")) {
                gateway = json;
            } else {
                upstreams.put(upstreamName(d.getKey()), json);
            }
        }
        assertThat(gateway).as("the gateway's own document").isNotNull();
        String merged = PublicApiMerger.merge(gateway, upstreams, Set.copyOf(upstreams.keySet()), "/").json();
        Path out = Repo.CHECKS.resolve("target/openapi/merged-public-api.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, merged);
        return out;
    }

    /** customer-service -> customer, as the gateway's upstreams are named (K8sBase's gateway ConfigMap too). */
    private static String upstreamName(String service) {
        return service.replaceFirst("-service$", "").toLowerCase(Locale.ROOT);
    }

    /** Errors and warnings per file, every problem printed. */
    private static Map<Path, int[]> lint(List<Path> files) throws IOException {
        Repo.ensureNodePackages();
        List<String> command = new ArrayList<>(List.of("node", "node_modules/@redocly/cli/bin/cli.js", "lint",
                "--config", "redocly.yaml", "--format", "json", "--max-problems", "1000"));
        files.forEach(f -> command.add(f.toString()));
        Repo.Result r = Repo.run(command, null, Repo.CHECKS);
        String out = r.stdout();
        int start = out.indexOf('{');
        assertThat(start).as("Redocly's JSON report (exit %d): %s %s", r.exitCode(), out, r.stderr())
                .isNotNegative();
        // one JSON report per linted file, one after the other
        Map<Path, int[]> counts = new LinkedHashMap<>();
        int totalErrors = 0;
        int totalWarnings = 0;
        int reports = 0;
        try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it = RenderedObjects.JSON
                .readerFor(JsonNode.class).readValues(out.substring(start))) {
            while (it.hasNext()) {
                JsonNode report = it.next();
                reports++;
                totalErrors += report.at("/totals/errors").asInt();
                totalWarnings += report.at("/totals/warnings").asInt();
                for (JsonNode problem : report.path("problems")) {
                    String source = problem.at("/location/0/source/ref").asText();
                    Path file = Path.of(source).isAbsolute() ? Path.of(source)
                            : Repo.CHECKS.resolve(source).normalize();
                    boolean error = problem.path("severity").asText().equals("error");
                    counts.computeIfAbsent(file, f -> new int[2])[error ? 0 : 1]++;
                    System.out.printf("OPENAPI LINT %s %s [%s] %s at %s%n", error ? "ERROR" : "WARNING",
                            Repo.ROOT.relativize(file), problem.path("ruleId").asText(),
                            problem.path("message").asText(), problem.at("/location/0/pointer").asText());
                }
            }
        }
        assertThat(reports).as("Redocly reports, one per file").isEqualTo(files.size());
        assertThat(counts.keySet()).as("files with problems are among the linted ones")
                .allMatch(f -> files.stream().anyMatch(l -> l.toAbsolutePath().normalize().equals(f)));
        assertThat(counts.values().stream().mapToInt(c -> c[0]).sum()).as("errors by file").isEqualTo(totalErrors);
        assertThat(counts.values().stream().mapToInt(c -> c[1]).sum()).as("warnings by file")
                .isEqualTo(totalWarnings);
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                (a, b) -> a, LinkedHashMap::new));
    }
}
