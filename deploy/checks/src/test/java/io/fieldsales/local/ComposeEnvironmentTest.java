package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/compose/docker-compose.yml gives every service of the repository the same environment variables as the local
 * stack does (deploy/local's ServiceCatalog and ServiceProcess.environment), on the same ports, so the two ways of
 * running the suite cannot drift apart. Compose cannot run here (no Docker): this is what can be checked.
 */
class ComposeEnvironmentTest {

    private static final Path ROOT = Path.of(System.getProperty("fieldsales.repo-root", "../..")).toAbsolutePath()
            .normalize();
    private static final ObjectMapper YAML = new YAMLMapper();

    @TempDir
    Path data;

    @Test
    void everyServiceGetsTheLocalStacksEnvironmentVariablesAndPorts() throws Exception {
        JsonNode compose = YAML.readTree(Files.readString(ROOT.resolve("deploy/compose/docker-compose.yml")));
        List<ServiceSpec> present = ServiceCatalog.suite().stream()
                .filter(s -> Files.exists(ROOT.resolve(s.moduleDir()).resolve("pom.xml"))).toList();
        ServiceEnvironment env = new ServiceEnvironment(55432, "127.0.0.1:59092", "http://127.0.0.1:8080", present,
                LocalSecrets.loadOrCreate(data, Map.of()));
        Set<String> composeServices = new TreeSet<>();
        compose.path("services").fieldNames().forEachRemaining(composeServices::add);
        assertThat(composeServices).as("compose services").containsAll(present.stream().map(ServiceSpec::name).toList());
        for (ServiceSpec s : present) {
            JsonNode composed = compose.path("services").path(s.name()).path("environment");
            Set<String> composeVars = new TreeSet<>();
            composed.fieldNames().forEachRemaining(composeVars::add);
            Map<String, String> local = ServiceProcess.environment(s, env);
            assertThat(composeVars).as("%s's environment in compose vs the local stack", s.name())
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(local.keySet()));
            assertThat(composed.path("QUARKUS_HTTP_PORT").asInt()).as(s.name()).isEqualTo(s.port());
            assertThat(composed.path("QUARKUS_MANAGEMENT_PORT").asInt()).as(s.name()).isEqualTo(s.managementPort());
            assertThat(composed.path("QUARKUS_PROFILE").asText()).isEqualTo("prod");
            assertThat(compose.path("services").path(s.name()).path("image").asText())
                    .isEqualTo("fieldsales/" + s.name() + ":jvm");
            if (s.database() != null) {
                assertThat(composed.path("DB_USER").asText()).isEqualTo(s.database());
                assertThat(composed.path("DB_JDBC_URL").asText()).endsWith("/" + s.database());
            }
            // secrets only by reference to deploy/compose/.env, never literal
            composeVars.stream().filter(v -> v.matches(".*(PASSWORD|_KEY)$")).forEach(v ->
                    assertThat(composed.path(v).asText()).as("%s %s", s.name(), v).startsWith("${"));
        }
        String gatewayUpstreams = compose.path("services").path("gateway").path("environment")
                .path("FIELDSALES_GATEWAY_EDGE_REQUIRED_UPSTREAMS").asText();
        assertThat(gatewayUpstreams.split(",")).containsExactlyInAnyOrderElementsOf(present.stream()
                .map(ServiceSpec::upstreamKey).filter(k -> k != null).toList());
    }
}
