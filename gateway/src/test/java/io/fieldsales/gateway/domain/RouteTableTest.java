package io.fieldsales.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void routesByFirstSegmentOnly() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/api/v1/customers", "customer"), Map.entry("/api/v1/customers/1/merge", "customer"),
                Map.entry("/api/v1/products", "order"), Map.entry("/api/v1/stock/x", "order"),
                Map.entry("/api/v1/pricing-rules", "order"), Map.entry("/api/v1/pricing/quote", "order"),
                Map.entry("/api/v1/quotations/q", "order"), Map.entry("/api/v1/orders/o/confirm", "order"),
                Map.entry("/api/v1/returns", "order"), Map.entry("/api/v1/credit-notes/c", "order"),
                Map.entry("/api/v1/approvals", "order"), Map.entry("/api/v1/cash-sessions/s/close", "cash"),
                Map.entry("/api/v1/deposits", "cash"), Map.entry("/api/v1/receivables/r", "cash"),
                Map.entry("/api/v1/reports/daily", "cash"), Map.entry("/api/v1/audit/verify", "audit"),
                // the services' settings (found missing by deploy/checks' OpenApiLintTest: unreachable before)
                Map.entry("/api/v1/approval-policies", "order"), Map.entry("/api/v1/cash-policies/x", "cash"));
        expected.forEach((path, upstream) -> assertThat(RouteTable.upstreamFor(path)).as(path).contains(upstream));
    }

    @Test
    void gatewayOwnAndLookAlikePathsAreNotProxied() {
        for (String path : new String[] {"/api/v1/users", "/api/v1/auth/login", "/api/v1/tenants",
                "/api/v1/customersx", "/api/v1/pricingx", "/api/v1/openapi", "/api/v2/customers", "/api/v1", "/customers"}) {
            assertThat(RouteTable.upstreamFor(path)).as(path).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void aProxiedPathIsMeasuredByItsTemplateNeverItsIds() {
        org.assertj.core.api.Assertions.assertThat(RouteTable.templateOf("/api/v1/customers"))
                .isEqualTo("/api/v1/customers");
        org.assertj.core.api.Assertions.assertThat(RouteTable.templateOf(
                "/api/v1/customers/3f2c8a4e-1b2c-4d5e-8f90-123456789abc/contacts"))
                .isEqualTo("/api/v1/customers/{id}/contacts");
        org.assertj.core.api.Assertions.assertThat(RouteTable.templateOf("/api/v1/cash-sessions/S-1/close"))
                .isEqualTo("/api/v1/cash-sessions/{id}/close");
        org.assertj.core.api.Assertions.assertThat(RouteTable.templateOf("/api/v1/audit/entities/order/o1/timeline"))
                .isEqualTo("/api/v1/audit/entities/order/{id}/**");
        org.assertj.core.api.Assertions.assertThat(RouteTable.templateOf("/api/v1/customersx")).isNull();
        org.assertj.core.api.Assertions.assertThat(RouteTable.templateOf("/api/v1/auth/login")).isNull();
    }
}
