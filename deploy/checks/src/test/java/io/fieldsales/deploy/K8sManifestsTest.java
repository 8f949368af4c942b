package io.fieldsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s as an operator applies it, with no cluster: both overlays render with {@code kubectl kustomize}, every
 * Kubernetes object parses strictly with fabric8's model, every Strimzi, CloudNativePG and Prometheus-operator
 * resource validates against its CRD's schema, and the rules of issue 14 hold in what is rendered.
 */
class K8sManifestsTest {

    private static final List<DeployedService> SERVICES = DeploymentCatalog.present(Repo.ROOT);

    @Test
    void committedBaseIsWhatTheCatalogAndTheServicesBuildsGenerate() throws Exception {
        K8sBase base = new K8sBase(Repo.ROOT);
        Path dir = Repo.ROOT.resolve("deploy/k8s/base");
        if (Boolean.getBoolean("fieldsales.deploy.regenerate")) {
            base.write(dir);
        }
        Map<String, String> expected = new TreeMap<>(base.files());
        Map<String, String> committed = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                committed.put(dir.relativize(f).toString(), Files.readString(f));
            }
        }
        assertThat(committed.keySet()).as("files of deploy/k8s/base (regenerate: deploy/k8s/README.md)")
                .containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String file = e.getKey();
            if (file.endsWith("/kubernetes.yml")) {
                // quarkus-kubernetes writes labels in no fixed order: compare the objects, not the text
                assertThat(normalized(committed.get(file)))
                        .as("deploy/k8s/base/%s is stale: regenerate it (deploy/k8s/README.md)", file)
                        .isEqualTo(normalized(e.getValue()));
                assertThat(committed.get(file)).startsWith(K8sBase.QUARKUS_GENERATED.formatted(file.split("/")[0]));
            } else {
                assertThat(committed.get(file)).as("deploy/k8s/base/%s is stale: regenerate it (deploy/k8s/README.md)",
                        file).isEqualTo(e.getValue());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersAndEveryObjectParsesStrictlyOrValidatesAgainstItsCrdSchema(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        List<JsonNode> custom = new ArrayList<>();
        for (JsonNode o : objects) {
            if (RenderedObjects.isOperatorResource(o)) {
                custom.add(o);
            } else {
                RenderedObjects.parseStrictly(o);
            }
        }
        assertThat(custom).extracting(RenderedObjects::key).contains("kafka.strimzi.io/v1beta2/Kafka",
                "kafka.strimzi.io/v1beta2/KafkaTopic", "kafka.strimzi.io/v1beta2/KafkaUser",
                "postgresql.cnpg.io/v1/Cluster", "monitoring.coreos.com/v1/ServiceMonitor",
                "monitoring.coreos.com/v1/PodMonitor", "monitoring.coreos.com/v1/PrometheusRule");
        Repo.Result r = Repo.node("validate-custom-resources.mjs", RenderedObjects.JSON.writeValueAsString(custom));
        assertThat(r.exitCode()).as("CRD schema validation:\n%s%s", r.stdout(), r.stderr()).isZero();
        assertThat(r.stdout().lines().filter(l -> l.startsWith("ok "))).hasSize(custom.size());
    }

    @Test
    void crdValidationRejectsAResourceThatBreaksItsSchema() throws Exception {
        JsonNode topic = RenderedObjects.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: broken}
                spec: {partitions: three, replicas: 3}
                """);
        Repo.Result r = Repo.node("validate-custom-resources.mjs", "[" + topic + "]");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).contains("invalid").contains("partitions");
    }

    @Test
    void strictParsingRejectsAFieldKubernetesDoesNotKnow() throws Exception {
        JsonNode deployment = RenderedObjects.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                      - name: app
                        image: x
                        readinessProbes: {}
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RenderedObjects.parseStrictly(deployment))
                .hasMessageContaining("readinessProbes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsHardenedWithProbesOnTheManagementPortAndSecretsOnlyByReference(String overlay)
            throws Exception {
        List<JsonNode> objects = render(overlay);
        assertThat(objects).extracting(o -> o.path("kind").asText()).doesNotContain("Secret");
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals("Deployment")) {
                deployments.put(o.path("metadata").path("name").asText(),
                        (Deployment) RenderedObjects.parseStrictly(o));
            }
        }
        assertThat(deployments.keySet()).containsExactlyInAnyOrderElementsOf(
                SERVICES.stream().map(DeployedService::name).toList());
        for (DeployedService s : SERVICES) {
            Deployment d = deployments.get(s.name());
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            var sc = c.getSecurityContext();
            assertThat(sc.getReadOnlyRootFilesystem()).as(s.name()).isTrue();
            assertThat(sc.getRunAsNonRoot()).as(s.name()).isTrue();
            assertThat(sc.getAllowPrivilegeEscalation()).as(s.name()).isFalse();
            assertThat(sc.getCapabilities().getDrop()).as(s.name()).containsExactly("ALL");
            assertThat(sc.getSeccompProfile().getType()).as(s.name()).isEqualTo("RuntimeDefault");
            assertThat(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).as(s.name())
                    .isEqualTo(45L);
            for (var probe : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
                assertThat(probe).as(s.name() + " probes").isNotNull();
                assertThat(probe.getHttpGet().getPort().getIntVal() == null
                        ? probe.getHttpGet().getPort().getStrVal() : probe.getHttpGet().getPort().getIntVal())
                        .as(s.name() + " probes the management port")
                        .isIn(s.managementPort(), "management");
            }
            assertThat(c.getPorts()).as(s.name()).anySatisfy(p ->
                    assertThat(p.getContainerPort()).isEqualTo(s.managementPort()));
            assertThat(c.getResources().getRequests()).as(s.name()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(s.name()).containsKey("memory");
            for (EnvVar e : c.getEnv()) {
                assertThat(e.getName().matches(".*(PASSWORD|KEY|JAAS).*") ? e.getValue() : null)
                        .as("%s: %s is a secret and must come from a Secret", s.name(), e.getName()).isNull();
            }
            Set<String> env = c.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
            assertThat(env).as(s.name()).contains("DB_REACTIVE_URL", "DB_JDBC_URL", "DB_USER", "DB_PASSWORD",
                    "KAFKA_SASL_JAAS_CONFIG");
            assertThat(c.getEnvFrom()).as(s.name()).anySatisfy(f ->
                    assertThat(f.getConfigMapRef().getName()).isEqualTo("fieldsales-platform"));
        }
    }

    @Test
    void kafkaAclsLetEachServiceWriteOnlyItsOwnTopicsAndReadOnlyWhatItConsumes() throws Exception {
        Map<String, Map<String, Set<String>>> acls = new TreeMap<>();
        for (JsonNode o : render("prod")) {
            if (!o.path("kind").asText().equals("KafkaUser")) {
                continue;
            }
            Map<String, Set<String>> byResource = new TreeMap<>();
            for (JsonNode acl : (ArrayNode) o.path("spec").path("authorization").path("acls")) {
                assertThat(acl.path("resource").path("patternType").asText()).isEqualTo("literal");
                String resource = acl.path("resource").path("type").asText() + ":" + acl.path("resource").path("name").asText();
                List<String> ops = new ArrayList<>();
                acl.path("operations").forEach(op -> ops.add(op.asText()));
                byResource.computeIfAbsent(resource, k -> new java.util.TreeSet<>()).addAll(ops);
            }
            acls.put(o.path("metadata").path("name").asText(), byResource);
        }
        assertThat(acls.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(DeployedService::name).toList());
        for (DeployedService s : SERVICES) {
            Map<String, Set<String>> mine = acls.get(s.name());
            List<String> writable = mine.entrySet().stream().filter(e -> e.getValue().contains("Write"))
                    .map(Map.Entry::getKey).toList();
            List<String> readable = mine.entrySet().stream().filter(e -> e.getValue().contains("Read")
                    && e.getKey().startsWith("topic:")).map(Map.Entry::getKey).toList();
            assertThat(writable).as(s.name() + " writes").containsExactlyInAnyOrderElementsOf(
                    s.writes().stream().map(t -> "topic:" + t).toList());
            assertThat(readable).as(s.name() + " reads").containsExactlyInAnyOrderElementsOf(
                    s.reads().stream().map(t -> "topic:" + t).toList());
        }
        if (acls.containsKey("customer-service")) {
            assertThat(acls.get("customer-service").entrySet().stream().filter(e -> e.getValue().contains("Write"))
                    .map(Map.Entry::getKey)).containsExactly("topic:customer.events");
        }
        if (acls.containsKey("audit-service")) {
            assertThat(acls.get("audit-service").keySet()).contains("topic:customer.events", "topic:order.events",
                    "topic:cash.events", "topic:security.events", "group:audit-service");
        }
    }

    @Test
    void onlyTheGatewayIsExposedAndEveryServiceHasItsNetworkPolicyDatabaseAndAutoscaler() throws Exception {
        List<JsonNode> objects = render("prod");
        Map<String, List<String>> byKind = objects.stream().collect(Collectors.groupingBy(o -> o.path("kind").asText(),
                TreeMap::new, Collectors.mapping(o -> o.path("metadata").path("name").asText(), Collectors.toList())));
        List<String> names = SERVICES.stream().map(DeployedService::name).toList();
        assertThat(byKind.get("Ingress")).containsExactly("gateway");
        assertThat(byKind.get("NetworkPolicy")).containsAll(names);
        assertThat(byKind.get("HorizontalPodAutoscaler")).containsExactlyInAnyOrderElementsOf(names);
        assertThat(byKind.get("PodDisruptionBudget")).containsExactlyInAnyOrderElementsOf(names);
        assertThat(byKind.get("Cluster")).containsExactlyInAnyOrderElementsOf(
                SERVICES.stream().map(DeployedService::databaseCluster).toList());
        assertThat(byKind.get("ServiceMonitor")).containsExactlyInAnyOrderElementsOf(names);
        JsonNode ingress = objects.stream().filter(o -> o.path("kind").asText().equals("Ingress")).findFirst().orElseThrow();
        assertThat(ingress.path("spec").path("tls")).as("prod: TLS on the Ingress").isNotEmpty();
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals("Service")) {
                assertThat(o.path("spec").path("type").asText("ClusterIP")).as(RenderedObjects.label(o))
                        .isEqualTo("ClusterIP");
            }
            if (o.path("kind").asText().equals("Cluster") && o.path("metadata").path("name").asText().equals("audit-service-db")) {
                assertThat(o.path("spec").path("bootstrap").path("initdb").path("postInitApplicationSQL").toString())
                        .contains("create role audit_writer").contains("grant audit_writer to audit");
            }
        }
    }

    /** The objects of a manifest with every list sorted (quarkus-kubernetes orders labels and env entries freely). */
    private static List<String> normalized(String yaml) throws Exception {
        List<String> docs = new ArrayList<>();
        for (JsonNode d : RenderedObjects.documents(yaml)) {
            docs.add(sortLists(d).toString());
        }
        docs.sort(null);
        return docs;
    }

    private static JsonNode sortLists(JsonNode node) {
        if (node.isObject()) {
            var sorted = RenderedObjects.JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            names.forEach(n -> sorted.set(n, sortLists(node.get(n))));
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(i -> items.add(sortLists(i)));
            items.sort(java.util.Comparator.comparing(JsonNode::toString));
            var array = RenderedObjects.JSON.createArrayNode();
            items.forEach(array::add);
            return array;
        }
        return node;
    }

    static List<JsonNode> render(String overlay) throws Exception {
        Repo.Result r = Repo.run(List.of("kubectl", "kustomize", "deploy/k8s/overlays/" + overlay), null, Repo.ROOT);
        assertThat(r.exitCode()).as("kubectl kustomize deploy/k8s/overlays/%s: %s", overlay, r.stderr()).isZero();
        return RenderedObjects.documents(r.stdout());
    }
}
