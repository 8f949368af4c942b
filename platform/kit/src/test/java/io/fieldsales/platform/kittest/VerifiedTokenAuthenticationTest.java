package io.fieldsales.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldsales.platform.context.VerifiedTokenIdentityProvider;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * A token's first verification runs on a worker thread (the key set may need a fetch); the same token afterwards is
 * authenticated on the event loop itself, with the same identity ({@link VerifiedTokenIdentityProvider}).
 */
@QuarkusTest
class VerifiedTokenAuthenticationTest {

    @Inject
    IdentityProviderManager identities;

    @Inject
    VerifiedTokenIdentityProvider verifiedTokens;

    @Inject
    Vertx vertx;

    /**
     * An identity; whether it came on the calling event-loop thread before {@code subscribe} returned (no hand-off);
     * whether the thread it came on is an event loop.
     */
    private record Authenticated(SecurityIdentity identity, boolean onTheCallingThread, boolean eventLoopAfter) {
    }

    private Authenticated authenticateOnEventLoop(String token) throws Exception {
        CompletableFuture<Authenticated> result = new CompletableFuture<>();
        // a fresh event-loop context, whatever context this test thread may still carry from earlier tests
        ((VertxInternal) vertx).createEventLoopContext().runOnContext(v -> {
            if (!Context.isOnEventLoopThread()) {
                result.completeExceptionally(new AssertionError("not on an event loop"));
                return;
            }
            Thread caller = Thread.currentThread();
            AtomicBoolean returned = new AtomicBoolean();
            identities.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)))
                    .subscribe().with(identity -> result.complete(new Authenticated(identity,
                            Thread.currentThread() == caller && !returned.get(), Context.isOnEventLoopThread())),
                            result::completeExceptionally);
            returned.set(true);
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void aTokenVerifiedBeforeIsAuthenticatedOnTheEventLoopWithTheSameIdentity() throws Exception {
        UUID tenant = UUID.randomUUID();
        String token = TestTokens.forTenant(tenant).user("rep-7").roles("rep", "manager").mint();

        Authenticated first = authenticateOnEventLoop(token);
        Authenticated again = authenticateOnEventLoop(token);

        assertThat(first.onTheCallingThread()).as("first verification: handed to a worker thread").isFalse();
        assertThat(again.onTheCallingThread()).as("remembered token: answered on the event loop").isTrue();
        assertThat(again.eventLoopAfter()).isTrue();
        for (Authenticated a : new Authenticated[] {first, again}) {
            assertThat(a.identity().getPrincipal().getName()).isEqualTo("rep-7");
            assertThat(a.identity().getRoles()).containsExactlyInAnyOrder("rep", "manager");
            assertThat(((JsonWebToken) a.identity().getPrincipal()).<String>getClaim("tenant_id"))
                    .isEqualTo(tenant.toString());
            assertThat(a.identity().getCredential(JsonWebTokenCredential.class).getToken()).isEqualTo(token);
            assertThat(a.identity().<Object>getAttribute("quarkus.user")).isSameAs(a.identity().getPrincipal());
        }
    }

    @Test
    void aTokenNotVerifiedBeforeGoesOnToTheValidatorAndABadOneIsStillRefused() throws Exception {
        String fresh = TestTokens.forTenant(UUID.randomUUID()).mint();
        assertThat(verifiedTokens.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(fresh)),
                null).await().indefinitely()).as("not remembered: the next provider decides").isNull();

        String tampered = fresh.substring(0, fresh.length() - 4) + (fresh.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> authenticateOnEventLoop(tampered)).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> authenticateOnEventLoop(tampered)).as("refused again, never remembered")
                .isInstanceOf(AuthenticationFailedException.class);
    }
}
