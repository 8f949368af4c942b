package io.fieldsales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.FakeUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
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

    /** RateLimit-Remaining of each request: one bucket counts down, a fresh bucket per request stays at 19. */
    private static List<Integer> remaining(List<String> chains) {
        List<Integer> left = new ArrayList<>();
        for (String chain : chains) {
            Response r = me(chain);
            assertThat(r.statusCode()).isIn(401, 429);
            left.add(Integer.parseInt(r.header("RateLimit-Remaining")));
        }
        return left;
    }

    /** Some consecutive pair counted down one bucket (a window may refill in between on a slow machine). */
    private static void assertOneBucket(List<Integer> left) {
        boolean countedDown = false;
        for (int i = 1; i < left.size(); i++) {
            countedDown |= left.get(i) == left.get(i - 1) - 1;
        }
        assertThat(countedDown).as("one budget counted down: " + left).isTrue();
    }

    @Test
    void forgedLeftMostEntriesDoNotBuyAFreshPerIpBudget() {
        String client = Api.randomIp();
        List<String> chains = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            // a new forged address every time, then the one our load balancer saw (and a proxy tier of ours)
            chains.add(i % 2 == 0 ? forged() + ", " + client : forged() + ", " + forged() + ", " + client
                    + ", 192.0.2." + (1 + i));
        }
        assertOneBucket(remaining(chains));
        // another client starts with a full budget
        assertThat(me(Api.randomIp()).header("RateLimit-Remaining")).isEqualTo("19");
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
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            // each request from another address of the same /64 (privacy addresses rotate freely within it)
            addresses.add(prefix + Integer.toHexString(i) + ":" + Integer.toHexString(
                    ThreadLocalRandom.current().nextInt(1, 65535)) + "::1");
        }
        assertOneBucket(remaining(addresses));
        // the next /64 is another client
        String neighbour = prefix.substring(0, prefix.length() - 1);
        neighbour = neighbour.substring(0, neighbour.lastIndexOf(':') + 1)
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 65535)) + "::1";
        assertThat(me(neighbour).header("RateLimit-Remaining")).isEqualTo("19");
    }
}
