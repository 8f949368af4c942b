package io.fieldsales.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final ClientAddresses BEHIND = ClientAddresses.of(true,
            List.of("10.0.0.0/8", "127.0.0.0/8", "::1/128", "fd00:1::/64", "192.0.2.7"));

    @Test
    void theClientIsTheRightMostEntryThatIsNotATrustedProxyWhateverTheClientWroteToTheLeft() {
        // the client forged two entries; our load balancer (10.1.1.1) appended the address it saw
        assertThat(BEHIND.client("10.1.1.1", List.of("1.1.1.1, 8.8.8.8, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // two tiers of our proxies, and the header split over two lines
        assertThat(BEHIND.client("10.1.1.1", List.of("6.6.6.6, 203.0.113.9", "192.0.2.7, 10.2.2.2")))
                .isEqualTo("203.0.113.9");
        assertThat(BEHIND.client("127.0.0.1", List.of("[2001:db8::5]:443, fd00:1::9"))).isEqualTo("2001:db8::5");
        assertThat(BEHIND.client("10.1.1.1", List.of("203.0.113.9:5123"))).isEqualTo("203.0.113.9");
        // every hop is ours: the left-most one is the client (an internal caller)
        assertThat(BEHIND.client("10.1.1.1", List.of("10.3.3.3, 10.4.4.4"))).isEqualTo("10.3.3.3");
        // garbage where our proxy should have written an address: not a client anyone can choose
        assertThat(BEHIND.client("10.1.1.1", List.of("1.2.3.4, not-an-ip"))).isEqualTo(ClientAddresses.UNKNOWN);
        assertThat(BEHIND.client("10.1.1.1", List.of("evil.example.com"))).isEqualTo(ClientAddresses.UNKNOWN);
    }

    @Test
    void xForwardedForIsIgnoredFromAnUntrustedPeerOrWhenNotBehindAProxy() {
        assertThat(BEHIND.client("203.0.113.50", List.of("10.9.9.9"))).isEqualTo("203.0.113.50");
        ClientAddresses direct = ClientAddresses.of(false, List.of("127.0.0.0/8"));
        assertThat(direct.client("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
        assertThat(BEHIND.client("10.1.1.1", List.of())).isEqualTo("10.1.1.1");
    }

    @Test
    void ipv6ClientsShareOneBudgetPerSlash64AndIpv4MappedAddressesAreIpv4() {
        String key = ClientAddresses.rateLimitKey("2001:db8:aa:bb:1:2:3:4");
        assertThat(key).isEqualTo("2001:db8:aa:bb::/64");
        assertThat(ClientAddresses.rateLimitKey("2001:0db8:00aa:00bb:ffff:ffff:ffff:ffff")).isEqualTo(key);
        assertThat(ClientAddresses.rateLimitKey("[2001:db8:aa:bb::9]")).isEqualTo(key);
        assertThat(ClientAddresses.rateLimitKey("2001:db8:aa:bc::1")).isNotEqualTo(key);
        assertThat(ClientAddresses.rateLimitKey("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.rateLimitKey("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyEntryThatIsNeitherAnAddressNorARangeIsRefused() {
        assertThatThrownBy(() -> ClientAddresses.of(true, List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddresses.of(true, List.of("lb.internal")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
