package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.local.GatewayClient.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code deploy/local/run --demo-data} on the shared stack: the demo tenant and the business day load through the
 * gateway, and the three calls of the README's "Try it" (as the demo admin: orders, cash sessions, the shop's
 * timeline) show orders, a deposited session and the shop's timeline from every service. (A second load replays:
 * every create has a fixed Idempotency-Key and the day is marked loaded; not repeated here, it would cost the shared
 * run another minute.)
 */
@ExtendWith(SuiteStack.class)
class DemoDataIT {

    @Test
    void theDemoDayLoadsAndTheReadmeCallsShowIt() throws Exception {
        LocalStack stack = SuiteStack.stack();
        Path dataDir = stack.dataDir();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new DemoData(stack.gatewayUrl(), stack.platformAdmin(), dataDir,
                new PrintStream(console, true, StandardCharsets.UTF_8)).load();
        String printed = console.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertThat(printed).contains("200 created").contains("sessions opened and counted, 0 failed")
                .containsPattern("day .* deposited, 0 failed");

        GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
        String admin = gateway.login(DemoData.savedAdmin(dataDir).orElseThrow());
        String shopId = DemoData.savedDayCustomer(dataDir).orElseThrow();

        // the README's (and the banner's) three calls: orders, cash sessions, the shop's timeline
        List<String> paths = DemoData.tryItPaths(shopId);
        Reply orders = gateway.get(paths.get(0), admin);
        assertThat(orders.status()).as(orders.raw()).isEqualTo(200);
        assertThat(orders.body().path("items")).hasSize(5);
        Reply sessions = gateway.get(paths.get(1), admin);
        assertThat(sessions.status()).as(sessions.raw()).isEqualTo(200);
        assertThat(sessions.body().path("items").size()).isGreaterThanOrEqualTo(4);
        boolean deposited = false;
        for (JsonNode s : sessions.body().path("items")) {
            deposited |= s.hasNonNull("depositId");
        }
        assertThat(deposited).as("a deposited session: %s", sessions.raw()).isTrue();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Reply timeline = gateway.get(paths.get(2), admin);
            assertThat(timeline.status()).as(timeline.raw()).isEqualTo(200);
            Set<String> sources = new HashSet<>();
            Set<String> types = new HashSet<>();
            timeline.body().path("items").forEach(e -> {
                sources.add(e.path("source").asText());
                types.add(e.path("type").asText());
            });
            assertThat(sources).contains("customer-service", "order-service", "cash-service");
            assertThat(types).as("the day's order, paid and refunded").contains(
                    "io.fieldsales.order.order.completed.v1", "io.fieldsales.cash.payout.recorded.v1");
        });
    }
}
