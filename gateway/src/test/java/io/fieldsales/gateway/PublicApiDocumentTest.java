package io.fieldsales.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.FakeUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/openapi: the gateway's own endpoints plus the routed paths of each service's document, fetched from
 * the services (here real HTTP servers serving documents), with the bearer scheme; a service that is down is left
 * out and named, never a 5xx.
 */
@QuarkusTest
class PublicApiDocumentTest {

    static final String CUSTOMER_DOC = """
            {"openapi":"3.1.0","info":{"title":"customer-service API","version":"1.0.0"},
             "paths":{
              "/api/v1/customers/{id}":{"get":{"operationId":"CustomerResource_get","summary":"Get",
                "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                "security":[{"bearer":[]}],
                "responses":{"200":{"description":"OK","content":{"application/json":
                  {"schema":{"$ref":"#/components/schemas/CustomerResponse"}}}},
                  "404":{"description":"Not found","content":{"application/problem+json":
                  {"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
              "/internal/reindex":{"post":{"operationId":"Internal_reindex","responses":{"204":{"description":"ok"}}}}},
             "components":{"schemas":{
              "CustomerResponse":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}},
              "Problem":{"type":"object","properties":{"code":{"type":"string"}}}},
              "securitySchemes":{"bearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}}}
            """;

    static final String AUDIT_DOC = """
            {"openapi":"3.1.0","info":{"title":"audit-service API","version":"1.0.0"},
             "paths":{
              "/api/v1/audit/entries":{"get":{"operationId":"AuditResource_list","summary":"List",
                "security":[{"bearer":[]}],
                "responses":{"200":{"description":"OK"},"400":{"description":"Bad","content":{
                  "application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
              "/api/v1/customers/{id}/smuggled":{"get":{"operationId":"Audit_smuggled","responses":{"200":{"description":"OK"}}}}},
             "components":{"schemas":{
              "Problem":{"type":"object","properties":{"code":{"type":"string"},"chain":{"type":"integer"}}}}}}
            """;

    @Test
    void theMergedDocumentHoldsTheGatewaysAndTheServicesRoutedPathsAndNamesTheServicesThatAreDown() throws Exception {
        try (FakeUpstream customer = FakeUpstream.start("customer").withOpenApi(CUSTOMER_DOC);
                FakeUpstream audit = FakeUpstream.start("audit").withOpenApi(AUDIT_DOC)) {
            // order- and cash-service are down: their paths are missing, the document is still a 200
            Response response = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Api.anonymous().accept("application/json").get("/api/v1/openapi"),
                            r -> r.statusCode() == 200 && r.jsonPath().getMap("paths").containsKey(
                                    "/api/v1/audit/entries")
                                    && r.jsonPath().getMap("paths").containsKey("/api/v1/customers/{id}"));
            assertThat(response.contentType()).startsWith("application/json");
            JsonPath doc = response.jsonPath();
            Map<String, Object> paths = doc.getMap("paths");
            // the gateway's own endpoints, this one included
            assertThat(paths).containsKeys("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/users",
                    "/api/v1/tenants", "/.well-known/jwks.json", "/api/v1/openapi");
            // only what the gateway routes to each service
            assertThat(paths).containsKeys("/api/v1/customers/{id}", "/api/v1/audit/entries")
                    .doesNotContainKeys("/internal/reindex", "/api/v1/customers/{id}/smuggled");
            assertThat(doc.getString("components.securitySchemes.bearer.type")).isEqualTo("http");
            assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
            assertThat(doc.getString("components.securitySchemes.bearer.bearerFormat")).isEqualTo("JWT");
            assertThat(doc.getList("servers.url")).containsExactly("/");
            // the gateway's secured operations require the bearer scheme, login does not
            assertThat(doc.getList("paths.'/api/v1/users'.post.security.bearer")).isNotEmpty();
            assertThat(doc.getList("paths.'/api/v1/auth/login'.post.security")).isNullOrEmpty();
            // two services' different "Problem" schemas both survive (audit merged first keeps the name), each path
            // pointing at its own
            assertThat(doc.getString("paths.'/api/v1/audit/entries'.get.responses.'400'.content."
                    + "'application/problem+json'.schema.$ref")).isEqualTo("#/components/schemas/Problem");
            assertThat(doc.getMap("components.schemas.Problem.properties")).containsKey("chain");
            assertThat(doc.getString("paths.'/api/v1/customers/{id}'.get.responses.'404'.content."
                    + "'application/problem+json'.schema.$ref")).isEqualTo("#/components/schemas/customer.Problem");
            assertThat(doc.getMap("components.schemas.'customer.Problem'.properties")).doesNotContainKey("chain");
            assertThat(doc.getString("components.schemas.CustomerResponse.type")).isEqualTo("object");
            assertThat(response.header("X-OpenAPI-Unavailable")).isEqualTo("cash, order");
            assertThat(doc.getList("info.x-fieldsales-unavailable")).isEqualTo(List.of("cash", "order"));
        }
    }

    @Test
    void yamlForAnAcceptOfApplicationYamlAndNoTokenNeeded() {
        Response response = Api.anonymous().accept("application/yaml").get("/api/v1/openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/yaml");
        assertThat(response.asString()).contains("openapi: 3.1").contains("/api/v1/auth/login:")
                .contains("bearerFormat: JWT");
    }

    @Test
    void withEveryServiceDownTheGatewaysOwnDocumentIsStillServed() {
        Response response = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Api.anonymous().get("/api/v1/openapi"),
                        r -> r.statusCode() == 200 && "audit, cash, customer, order".equals(
                                r.header("X-OpenAPI-Unavailable")));
        assertThat(response.jsonPath().getMap("paths")).containsKey("/api/v1/auth/login")
                .doesNotContainKeys("/api/v1/customers/{id}", "/api/v1/audit/entries");
    }
}
