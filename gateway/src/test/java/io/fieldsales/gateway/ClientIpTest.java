package io.fieldsales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.FakeUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The client address behind trusted proxies. Test profile: behind a proxy, the test client on loopback is the load
 * balancer, 192.0.2.0/24 plays a second tier of our proxies; 20 requests per IP per 3 s.
 */
@QuarkusTest
class ClientIpTest {

    private static String forged() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return r.nextInt(1, 224) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static Response me(String xForwardedFor) {
        return RestAssured.given().header("X-Forwarded-For", xForwardedFor).get("/api/v1/auth/me");
    }

    @Test
    void forgedLeftMostEntriesDoNotBuyAFreshPerIpBudget() {
        String client = Api.randomIp();
        for (int i = 1; i <= 20; i++) {
            // a new forged address every time, then the one our load balancer saw (and a proxy tier of ours)
            String chain = i % 2 == 0 ? forged() + ", " + client : forged() + ", " + forged() + ", " + client
                    + ", 192.0.2." + (1 + i);
            assertThat(me(chain).statusCode()).as("request " + i).isEqualTo(401);
        }
        Response refused = me(forged() + ", " + client);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(me(Api.randomIp()).statusCode()).as("another client").isEqualTo(401);
    }

    @Test
    void theServiceBehindTheGatewaySeesTheRealClientNotTheForgedOne() throws Exception {
        String client = Api.randomIp();
        String token = Api.newTenant().adminToken();
        try (FakeUpstream customer = FakeUpstream.start("customer")) {
            RestAssured.given().header("Authorization", "Bearer " + token)
                    .header("X-Forwarded-For", "6.6.6.6, " + client + ", 192.0.2.9").get("/api/v1/customers")
                    .then().statusCode(200);
            assertThat(customer.lastHeaders().get("x-forwarded-for")).isEqualTo(client);
        }
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64() {
        String prefix = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 65535)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 65535)) + ":";
        for (int i = 1; i <= 20; i++) {
            // each request from another address of the same /64 (privacy addresses rotate freely within it)
            String address = prefix + Integer.toHexString(i) + ":" + UUID.randomUUID().toString().substring(0, 4)
                    + "::1";
            assertThat(me(address).statusCode()).as("request " + i).isEqualTo(401);
        }
        Response refused = me("[" + prefix + "ffff:1:2:3]");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.jsonPath().getString("limit")).isEqualTo("ip");
        // the next /64 is another client
        String neighbour = prefix.substring(0, prefix.length() - 1);
        neighbour = neighbour.substring(0, neighbour.lastIndexOf(':') + 1)
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 65535)) + "::1";
        assertThat(me(neighbour).statusCode()).isEqualTo(401);
    }
}
