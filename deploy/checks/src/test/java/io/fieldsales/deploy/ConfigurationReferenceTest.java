package io.fieldsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every environment variable the services read (their application.properties and the
 * kit's defaults), every one the local stack, docker compose and the Kubernetes manifests set, and every property of
 * the code's {@code @ConfigMapping}s; and nothing that is read by nothing.
 */
class ConfigurationReferenceTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*\\*?)` \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([a-z.-]+)\"\\)");
    private static final Pattern PROPERTY_METHOD = Pattern.compile("^\\s+[A-Za-z][\\w<>, .?]*\\s+([a-z]\\w*)\\(\\);",
            Pattern.MULTILINE);

    private static final List<DeployedService> SERVICES = DeploymentCatalog.present(Repo.ROOT);

    private final String doc = read(Repo.ROOT.resolve("docs/configuration.md"));
    private final Map<String, String> documented = documentedVariables();

    @Test
    void everyVariableTheServicesReadIsDocumentedWithTheServicesThatReadIt() throws Exception {
        for (DeployedService s : SERVICES) {
            String props = read(Repo.ROOT.resolve(s.name()).resolve("src/main/resources/application.properties"));
            Matcher m = EXPRESSION.matcher(props);
            while (m.find()) {
                String var = m.group(1);
                assertThat(documented).as("docs/configuration.md lists %s (read by %s)", var, s.name())
                        .containsKey(var);
                assertThat(documented.get(var)).as("docs/configuration.md: which services read %s", var)
                        .containsAnyOf("all", s.name());
            }
        }
    }

    @Test
    void everyVariableTheLocalStackComposeAndKubernetesSetIsDocumented() throws Exception {
        Set<String> set = new TreeSet<>();
        JsonNode compose = RenderedObjects.YAML.readTree(read(Repo.ROOT.resolve("deploy/compose/docker-compose.yml")));
        for (DeployedService s : SERVICES) {
            compose.path("services").path(s.name()).path("environment").fieldNames().forEachRemaining(set::add);
        }
        for (JsonNode o : K8sManifestsTest.render("prod")) {
            if (o.path("kind").asText().equals("Deployment")) {
                o.path("spec").path("template").path("spec").path("containers").get(0).path("env")
                        .forEach(e -> set.add(e.path("name").asText()));
            }
            if (o.path("kind").asText().equals("ConfigMap")) {
                o.path("data").fieldNames().forEachRemaining(set::add);
            }
        }
        assertThat(documented.keySet()).as("variables of compose and Kubernetes in docs/configuration.md")
                .containsAll(set);
    }

    @Test
    void everyPropertyOfEveryConfigMappingIsDocumented() throws Exception {
        List<Path> roots = new ArrayList<>(List.of(Repo.ROOT.resolve("platform/kit/src/main/java")));
        SERVICES.forEach(s -> roots.add(Repo.ROOT.resolve(s.name()).resolve("src/main/java")));
        int mappings = 0;
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    Matcher m = MAPPING.matcher(src);
                    if (!m.find()) {
                        continue;
                    }
                    mappings++;
                    String family = m.group(1).toUpperCase().replaceAll("[^A-Z0-9]", "_") + "_*";
                    assertThat(documented).as("docs/configuration.md has the row %s (%s)", family, f.getFileName())
                            .containsKey(family);
                    Matcher p = PROPERTY_METHOD.matcher(src);
                    while (p.find()) {
                        String kebab = p.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
                        assertThat(doc).as("docs/configuration.md mentions %s.%s (%s)", m.group(1), kebab,
                                f.getFileName()).contains("`" + kebab + "`");
                    }
                }
            }
        }
        assertThat(mappings).isGreaterThanOrEqualTo(SERVICES.size());
    }

    @Test
    void nothingDocumentedIsReadByNothing() throws Exception {
        StringBuilder everything = new StringBuilder();
        List<Path> sources = new ArrayList<>(List.of(
                Repo.ROOT.resolve("platform/kit/src/main/resources/META-INF/microprofile-config.properties"),
                Repo.ROOT.resolve("deploy/compose/docker-compose.yml"),
                Repo.ROOT.resolve("deploy/local/src/main/java/io/fieldsales/local/ServiceCatalog.java"),
                Repo.ROOT.resolve("deploy/local/src/main/java/io/fieldsales/local/ServiceProcess.java"),
                Repo.ROOT.resolve("deploy/k8s/base/kustomization.yaml")));
        SERVICES.forEach(s -> {
            sources.add(Repo.ROOT.resolve(s.name()).resolve("src/main/resources/application.properties"));
            sources.add(Repo.ROOT.resolve("deploy/k8s/base").resolve(s.name()).resolve("kubernetes.yml"));
        });
        for (Path p : sources) {
            everything.append(read(p)).append('\n');
        }
        String all = everything.toString();
        for (String var : documented.keySet()) {
            if (var.endsWith("*")) {
                String prefix = var.substring(0, var.length() - 1).toLowerCase().replace('_', '.');
                assertThat(all).as("%s: some configuration under %s exists", var, prefix).contains(prefix);
            } else {
                assertThat(all).as("%s is documented but nothing sets or reads it", var).contains(var);
            }
        }
    }

    private Map<String, String> documentedVariables() {
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            vars.put(m.group(1), m.group(2).trim());
        }
        return vars;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read " + p, e);
        }
    }
}
