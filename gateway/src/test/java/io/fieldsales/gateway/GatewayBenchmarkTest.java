package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.gateway.service.AccessTokenVerifier;
import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.FakeUpstream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Prints the gateway's figures on this machine (no timed assertion): verification, proxy overhead, login. */
@QuarkusTest
class GatewayBenchmarkTest {

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    io.fieldsales.gateway.service.AccessTokenIssuer issuer;

    @Test
    void printsVerificationProxyAndLoginFigures() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String token = tenant.adminToken();

        int verifications = 500;
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < verifications; i++) {
            org.jose4j.jwt.JwtClaims c = new org.jose4j.jwt.JwtClaims();
            c.setIssuer("fieldsales");
            c.setAudience("fieldsales-api");
            c.setSubject("bench-" + i);
            c.setGeneratedJwtId();
            c.setIssuedAtToNow();
            c.setExpirationTimeMinutesInTheFuture(10);
            distinct.add(issuer.sign(c));
        }
        long t0 = System.nanoTime();
        for (String t : distinct) {
            verifier.verify(t);
        }
        double coldMicros = (System.nanoTime() - t0) / 1000.0 / verifications;
        t0 = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            verifier.verify(token);
        }
        double warmMicros = (System.nanoTime() - t0) / 1000.0 / 20_000;

        // 2 tenants x (admin + 1 rep) x 35 requests stays under the test profile's 80 per tenant and 50 per user
        int users = 4;
        int perUser = 35;
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < users / 2; t++) {
            Api.Tenant benchTenant = t == 0 ? tenant : Api.newTenant();
            String adminToken = t == 0 ? token : benchTenant.adminToken();
            benchTenant.createUser(adminToken, "bench-0", "sales_rep");
            tokens.add(adminToken);
            tokens.add((String) benchTenant.login("bench-0").get("accessToken"));
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long wall;
        try (FakeUpstream customers = FakeUpstream.start("customer")) {
            ExecutorService pool = Executors.newFixedThreadPool(users);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String userToken = tokens.get(u);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perUser; i++) {
                        long s = System.nanoTime();
                        assertThat(as(userToken).get("/api/v1/customers/c-" + i).statusCode()).isEqualTo(200);
                        latencies.add((System.nanoTime() - s) / 1000);
                    }
                    return null;
                }));
            }
            long w0 = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            wall = System.nanoTime() - w0;
            pool.shutdown();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int total = users * perUser;

        List<Long> logins = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long s = System.nanoTime();
            tenant.login("bench-0");
            logins.add((System.nanoTime() - s) / 1_000_000);
        }
        Collections.sort(logins);

        System.out.printf("BENCH token verification in process: first sight %.1f us/token (%d distinct tokens),"
                + " repeated %.2f us/token%n", coldMicros, verifications, warmMicros);
        System.out.printf("BENCH proxied GET through the gateway (%d clients, %d requests): %.0f req/s, p50 %.1f ms,"
                        + " p99 %.1f ms (incl. RestAssured client overhead)%n", users, total,
                total / (wall / 1e9), sorted.get(total / 2) / 1000.0, sorted.get(total * 99 / 100) / 1000.0);
        System.out.printf("BENCH login (bcrypt cost 12 + token issue): median %d ms%n", logins.get(1));
    }
}
