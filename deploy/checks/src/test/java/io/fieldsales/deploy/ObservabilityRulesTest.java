package io.fieldsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/observability: the alert rules pass promtool's checks and unit tests (one per alert), the PrometheusRule
 * deployed to Kubernetes holds the same rules, every alert of issue 15 exists and links to a runbook section that
 * exists, and every dashboard is valid Grafana JSON whose panels query Prometheus.
 */
class ObservabilityRulesTest {

    static final Path OBSERVABILITY = Repo.ROOT.resolve("deploy/observability");
    static final Path RULES = OBSERVABILITY.resolve("prometheus/rules.yaml");

    /** The alerts the issue asks for. */
    static final Set<String> REQUIRED_ALERTS = Set.of("FieldsalesHighErrorRate", "FieldsalesHighLatency",
            "FieldsalesOutboxStuck", "FieldsalesConsumerLagGrowing", "FieldsalesDeadLetters",
            "FieldsalesAuditChainBroken", "FieldsalesCircuitBreakerOpen", "FieldsalesCashVarianceAboveFinanceTier",
            "FieldsalesDepositsUnconfirmed");

    @Test
    void rulesPassPromtoolCheck() {
        Repo.Result r = Repo.run(List.of("promtool", "check", "rules", "rules.yaml"), null, RULES.getParent());
        assertThat(r.exitCode()).as("promtool check rules:\n%s%s", r.stdout(), r.stderr()).isZero();
        assertThat(r.stdout()).contains("SUCCESS: " + REQUIRED_ALERTS.size() + " rules found");
    }

    @Test
    void everyAlertHasAPassingPromtoolUnitTest() throws Exception {
        Repo.Result r = Repo.run(List.of("promtool", "test", "rules", "rules.test.yaml"), null, RULES.getParent());
        assertThat(r.exitCode()).as("promtool test rules:\n%s%s", r.stdout(), r.stderr()).isZero();
        JsonNode tests = RenderedObjects.YAML.readTree(RULES.resolveSibling("rules.test.yaml").toFile());
        Set<String> tested = new TreeSet<>();
        tests.get("tests").forEach(t -> t.get("alert_rule_test").forEach(a -> {
            if (!a.get("exp_alerts").isEmpty()) {
                tested.add(a.get("alertname").asText());
            }
        }));
        assertThat(tested).as("alerts with a firing unit test").containsExactlyInAnyOrderElementsOf(alerts(rules()));
    }

    @Test
    void theRequiredAlertsExistEachWithARunbookSectionThatExists() throws Exception {
        JsonNode rules = rules();
        assertThat(alerts(rules)).containsExactlyInAnyOrderElementsOf(REQUIRED_ALERTS);
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                String url = rule.path("annotations").path("runbook_url").asText();
                assertThat(url).as(rule.get("alert").asText()).matches("docs/runbooks/[a-z0-9-]+\\.md#[a-z0-9-]+");
                Path file = Repo.ROOT.resolve(url.substring(0, url.indexOf('#')));
                assertThat(file).as(url).exists();
                Set<String> anchors = new TreeSet<>();
                Files.readAllLines(file).stream().filter(l -> l.startsWith("#"))
                        .forEach(l -> anchors.add(anchor(l.replaceFirst("^#+\\s*", ""))));
                assertThat(anchors).as(url).contains(url.substring(url.indexOf('#') + 1));
                assertThat(rule.path("labels").path("severity").asText()).isIn("page", "warn");
            }
        }
    }

    @Test
    void thePrometheusRuleDeployedToKubernetesHoldsTheSameRules() throws Exception {
        JsonNode cr = RenderedObjects.YAML.readTree(OBSERVABILITY.resolve("k8s/prometheusrule.yaml").toFile());
        assertThat(cr.get("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(cr.get("spec").get("groups")).isEqualTo(rules().get("groups"));
    }

    @Test
    void dashboardsAreGrafanaJsonQueryingPrometheus() throws Exception {
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(OBSERVABILITY.resolve("grafana"))) {
            dashboards = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).extracting(p -> p.getFileName().toString()).contains("suite-overview.json",
                "gateway.json", "customer-service.json", "order-service.json", "cash-service.json",
                "audit-service.json");
        ObjectMapper json = new ObjectMapper();
        Set<String> uids = new TreeSet<>();
        for (Path p : dashboards) {
            JsonNode d = json.readTree(p.toFile());
            assertThat(d.path("title").asText()).as(p.toString()).isNotBlank();
            assertThat(uids.add(d.path("uid").asText())).as("unique uid in " + p).isTrue();
            List<String> exprs = new ArrayList<>();
            d.get("panels").forEach(panel -> panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
            assertThat(exprs).as(p.toString()).isNotEmpty().allMatch(e -> !e.isBlank());
        }
    }

    static JsonNode rules() throws Exception {
        return RenderedObjects.YAML.readTree(RULES.toFile());
    }

    static Set<String> alerts(JsonNode rules) {
        Set<String> names = new TreeSet<>();
        rules.get("groups").forEach(g -> g.get("rules").forEach(r -> names.add(r.get("alert").asText())));
        return names;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
