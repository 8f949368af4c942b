package io.fieldsales.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.junit.jupiter.api.Test;

class PublicApiMergerTest {

    static final String GATEWAY = """
            {"openapi":"3.1.0","info":{"title":"gateway API","version":"1.0.0","license":{"name":"Proprietary"}},
             "servers":[{"url":"http://localhost:8080"}],
             "paths":{"/api/v1/auth/login":{"post":{"operationId":"login","responses":{"200":{"description":"OK"}}}}}}
            """;

    static String service(String path, String operationId) {
        return """
                {"openapi":"3.1.0","info":{"title":"x","version":"2.0.0"},
                 "paths":{"%s":{"get":{"operationId":"%s","responses":{"200":{"description":"OK"}}}}}}
                """.formatted(path, operationId);
    }

    @Test
    void aTakenOperationIdIsPrefixedWithTheUpstreamAndTheGatewaysInfoAndServerWin() {
        PublicApiMerger.Merged merged = PublicApiMerger.merge(GATEWAY,
                Map.of("customer", service("/api/v1/customers", "login"), "order", service("/api/v1/orders", "list"),
                        "cash", service("/api/v1/receivables", "list")),
                Set.of("customer", "order", "cash"), "https://api.example.test");
        OpenAPI m = merged.model();
        assertThat(m.getPaths().getPathItem("/api/v1/auth/login").getPOST().getOperationId()).isEqualTo("login");
        assertThat(m.getPaths().getPathItem("/api/v1/customers").getGET().getOperationId())
                .isEqualTo("customer_login");
        // cash merges before order (by name): the second "list" is order's
        assertThat(m.getPaths().getPathItem("/api/v1/receivables").getGET().getOperationId()).isEqualTo("list");
        assertThat(m.getPaths().getPathItem("/api/v1/orders").getGET().getOperationId()).isEqualTo("order_list");
        assertThat(m.getServers()).singleElement().satisfies(s -> assertThat(s.getUrl())
                .isEqualTo("https://api.example.test"));
        assertThat(m.getInfo().getVersion()).isEqualTo("1.0.0");
        assertThat(m.getInfo().getLicense().getName()).isEqualTo("Proprietary");
        assertThat(merged.unavailable()).isEmpty();
        assertThat(merged.json()).contains("bearerFormat").contains("JWT").doesNotContain("x-fieldsales-unavailable");
    }

    @Test
    void anUpstreamThatSentSomethingElseThanADocumentCountsAsUnavailable() {
        PublicApiMerger.Merged merged = PublicApiMerger.merge(GATEWAY,
                Map.of("customer", "{\"method\":\"GET\",\"path\":\"/q/openapi\"}", "audit", "<html>oops"),
                Set.of("customer", "audit", "order"), "/");
        assertThat(merged.unavailable()).containsExactly("audit", "customer", "order");
        assertThat(merged.model().getPaths().getPathItems()).containsOnlyKeys("/api/v1/auth/login");
        assertThat(merged.yaml()).contains("x-fieldsales-unavailable");
    }
}
