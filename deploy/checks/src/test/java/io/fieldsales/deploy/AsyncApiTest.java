package io.fieldsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * docs/events/asyncapi.yaml parses cleanly with the official AsyncAPI parser (@asyncapi/parser, pinned in
 * deploy/checks/package-lock.json) and its channels carry exactly the event types the code publishes.
 */
class AsyncApiTest {

    private static final Pattern EVENT_TYPE = Pattern.compile("\"(io\\.fieldsales\\.[a-z]+(?:\\.[a-z_-]+)+\\.v\\d+)\"");

    @Test
    void theEventCatalogParsesWithoutErrorsAndListsEveryEventTypeTheCodePublishes() throws Exception {
        Repo.Result r = Repo.node("parse-asyncapi.mjs", null, Repo.ROOT.resolve("docs/events/asyncapi.yaml").toString());
        JsonNode result = RenderedObjects.JSON.readTree(r.stdout().isBlank() ? "{}" : r.stdout());
        assertThat(result.path("errors")).as("AsyncAPI parser errors: %s %s", r.stdout(), r.stderr()).isEmpty();
        assertThat(r.exitCode()).isZero();

        Set<String> documented = new TreeSet<>();
        result.path("channels").forEach(c -> c.path("messages").forEach(m -> documented.add(m.asText())));
        Set<String> published = new TreeSet<>();
        List<Path> roots = new ArrayList<>();
        DeploymentCatalog.present(Repo.ROOT).forEach(s -> roots.add(Repo.ROOT.resolve(s.name()).resolve("src/main/java")));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = EVENT_TYPE.matcher(Files.readString(f));
                    while (m.find()) {
                        published.add(m.group(1));
                    }
                }
            }
        }
        assertThat(published).isNotEmpty();
        assertThat(documented).as("event types on the catalog's channels").containsAll(published);
    }

    @Test
    void theParserRejectsAReferenceToAChannelThatDoesNotExist() throws Exception {
        Path broken = Files.createTempFile("asyncapi", ".yaml");
        Files.writeString(broken, """
                asyncapi: 3.0.0
                info: {title: broken, version: 1.0.0}
                channels:
                  customerEvents: {address: customer.events}
                operations:
                  consume:
                    action: receive
                    channel: {$ref: '#/channels/customer.events'}
                """);
        Repo.Result r = Repo.node("parse-asyncapi.mjs", null, broken.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).contains("#/channels/customer.events");
        Files.delete(broken);
    }
}
