package io.fieldsales.gateway.domain;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import io.smallrye.openapi.api.util.FilterUtil;
import io.smallrye.openapi.api.util.MergeUtil;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The suite's public API as one OpenAPI document: the gateway's own endpoints plus, from each upstream service's
 * document, the paths the gateway routes to that service ({@link RouteTable}) and the components they use. Parsing,
 * merging and writing are smallrye-open-api's (the model Quarkus builds the documents with); this class decides what
 * is kept: a component schema two services define differently is renamed {@code <upstream>.<Name>} in the second
 * one's paths, an operationId already taken is prefixed {@code <upstream>_}, the bearer scheme is declared once and
 * the servers are the gateway's public URL only. Services missing from {@code upstreamDocuments} (down, or not
 * deployed) are listed in {@code info.x-fieldsales-unavailable}.
 */
public final class PublicApiMerger {

    public static final String BEARER = "bearer";
    public static final String UNAVAILABLE_EXTENSION = "x-fieldsales-unavailable";

    /** No mp.openapi.* settings of the running application leak into parsing and writing the documents. */
    private static final Config NO_CONFIG = new SmallRyeConfigBuilder().build();

    private PublicApiMerger() {
    }

    /** A merged document and the upstreams whose paths it lacks. */
    public record Merged(OpenAPI model, List<String> unavailable) {

        public String json() {
            return write(model).toJSON();
        }

        public String yaml() {
            return write(model).toYAML();
        }
    }

    /**
     * @param gatewayDocument   the gateway's own document (JSON or YAML), kept whole
     * @param upstreamDocuments each upstream's document by upstream name ({@link RouteTable#upstreams()})
     * @param expectedUpstreams every upstream the gateway routes to: those without a document are reported missing
     * @param serverUrl         the gateway's public base URL (a relative {@code /} is the origin that served it)
     */
    public static Merged merge(String gatewayDocument, Map<String, String> upstreamDocuments,
            Set<String> expectedUpstreams, String serverUrl) {
        OpenAPI merged = parse(gatewayDocument);
        Set<String> operationIds = new HashSet<>();
        forEachOperation(merged, op -> operationIds.add(op.getOperationId()));
        Set<String> included = new HashSet<>();
        for (Map.Entry<String, String> e : new TreeMap<>(upstreamDocuments).entrySet()) {
            OpenAPI document;
            try {
                if (!isOpenApiDocument(e.getValue())) {
                    continue; // something else answered: as good as unreachable
                }
                document = parse(e.getValue());
            } catch (RuntimeException | java.io.IOException unreadable) {
                continue;
            }
            addUpstream(merged, e.getKey(), document, operationIds);
            included.add(e.getKey());
        }
        List<String> unavailable = expectedUpstreams.stream().filter(u -> !included.contains(u)).sorted().toList();

        merged.setServers(List.of(OASFactory.createServer().url(serverUrl)
                .description("The Fieldsales gateway: the suite's only public entrance")));
        Components components = merged.getComponents() == null ? OASFactory.createComponents()
                : merged.getComponents();
        components.setSecuritySchemes(new LinkedHashMap<>(Map.of(BEARER, bearerScheme())));
        merged.setComponents(components);
        merged.getInfo().setTitle("Fieldsales API");
        merged.getInfo().setDescription("The public API of the Fieldsales suite, as routed by its gateway: the "
                + "gateway's own endpoints (login, tokens, users, tenants, keys) and each service's /api/v1 paths."
                + (unavailable.isEmpty() ? "" : " Missing while unreachable: " + String.join(", ", unavailable)
                        + "."));
        if (!unavailable.isEmpty()) {
            merged.getInfo().addExtension(UNAVAILABLE_EXTENSION, unavailable);
        }
        return new Merged(merged, unavailable);
    }

    private static void addUpstream(OpenAPI merged, String upstream, OpenAPI document, Set<String> operationIds) {
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> routed = new TreeMap<>();
        document.getPaths().getPathItems().forEach((path, item) -> {
            if (RouteTable.upstreamFor(path).filter(upstream::equals).isPresent()) {
                routed.put(path, item);
            }
        });
        if (routed.isEmpty()) {
            return;
        }
        Map<String, Schema> theirs = document.getComponents() == null || document.getComponents().getSchemas() == null
                ? Map.of() : document.getComponents().getSchemas();
        Map<String, Schema> ours = merged.getComponents() == null || merged.getComponents().getSchemas() == null
                ? Map.of() : merged.getComponents().getSchemas();
        Map<String, String> renamed = new TreeMap<>();
        theirs.forEach((name, schema) -> {
            Schema existing = ours.get(name);
            if (existing != null && !sameSchema(existing, schema)) {
                renamed.put(name, upstream + "." + name);
            }
        });
        OpenAPI part = OASFactory.createOpenAPI();
        part.setPaths(OASFactory.createPaths());
        routed.forEach(part.getPaths()::addPathItem);
        Components components = OASFactory.createComponents();
        theirs.forEach((name, schema) -> components.addSchema(renamed.getOrDefault(name, name), schema));
        part.setComponents(components);
        if (!renamed.isEmpty()) {
            FilterUtil.applyFilter(new RefRenamer(renamed), part);
        }
        forEachOperation(part, op -> {
            String id = op.getOperationId();
            if (id != null && !operationIds.add(id)) {
                op.setOperationId(upstream + "_" + id);
                operationIds.add(op.getOperationId());
            }
        });
        List<Tag> tags = document.getTags() == null ? List.of() : document.getTags();
        Set<String> usedTags = new HashSet<>();
        forEachOperation(part, op -> {
            if (op.getTags() != null) {
                usedTags.addAll(op.getTags());
            }
        });
        MergeUtil.merge(merged, part);
        Set<String> known = new HashSet<>();
        if (merged.getTags() != null) {
            merged.getTags().forEach(t -> known.add(t.getName()));
        }
        for (Tag tag : tags) {
            if (usedTags.contains(tag.getName()) && known.add(tag.getName())) {
                merged.addTag(tag);
            }
        }
    }

    /** Structural equality through the serialized form (the model classes do not define equals). */
    private static boolean sameSchema(Schema a, Schema b) {
        OpenAPI left = OASFactory.createOpenAPI().openapi("3.1.0")
                .components(OASFactory.createComponents().addSchema("s", a));
        OpenAPI right = OASFactory.createOpenAPI().openapi("3.1.0")
                .components(OASFactory.createComponents().addSchema("s", b));
        return Objects.equals(write(left).toJSON(), write(right).toJSON());
    }

    private static SecurityScheme bearerScheme() {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token (typ at+jwt, RFC 9068) from POST /api/v1/auth/login");
    }

    private static void forEachOperation(OpenAPI model, java.util.function.Consumer<Operation> action) {
        if (model.getPaths() == null || model.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : model.getPaths().getPathItems().values()) {
            if (item.getOperations() != null) {
                new ArrayList<>(item.getOperations().values()).forEach(action);
            }
        }
    }

    /** A JSON or YAML object with the {@code openapi} and {@code info} fields every OpenAPI document has. */
    private static boolean isOpenApiDocument(String document) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode root = YAML.readTree(document);
        return root != null && root.isObject() && root.path("openapi").isTextual() && root.path("info").isObject();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML = new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    static OpenAPI parse(String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        return SmallRyeOpenAPI.builder().withConfig(NO_CONFIG)
                .withCustomStaticFile(() -> new ByteArrayInputStream(bytes))
                .enableModelReader(false).enableStandardStaticFiles(false).enableAnnotationScan(false)
                .enableStandardFilter(false).build().model();
    }

    static SmallRyeOpenAPI write(OpenAPI model) {
        return SmallRyeOpenAPI.builder().withConfig(NO_CONFIG).withInitialModel(model)
                .enableModelReader(false).enableStandardStaticFiles(false).enableAnnotationScan(false)
                .enableStandardFilter(false).build();
    }

    /** Points {@code #/components/schemas/<old>} references at their new names. */
    private record RefRenamer(Map<String, String> renamed) implements OASFilter {

        private static final String PREFIX = "#/components/schemas/";

        @Override
        public Schema filterSchema(Schema schema) {
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(PREFIX)) {
                String target = renamed.get(ref.substring(PREFIX.length()));
                if (target != null) {
                    schema.setRef(PREFIX + target);
                }
            }
            return schema;
        }
    }
}
