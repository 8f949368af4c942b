package io.fieldsales.platform.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit's defaults, read as a production service reads them. */
class JwksUrlCheckTest {

    private static SmallRyeConfig kitDefaults(String profile, Map<String, String> environment) throws IOException {
        URL kit = JwksUrlCheck.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
        return new SmallRyeConfigBuilder().withProfile(profile).withSources(new PropertiesConfigSource(kit, 100))
                .withSources(new io.smallrye.config.common.MapBackedConfigSource("environment", environment, 300) {
                }).build();
    }

    @Test
    void productionWithoutTheVariableRefusesToStartNamingIt() throws IOException {
        SmallRyeConfig prod = kitDefaults("prod", Map.of());
        assertThatThrownBy(() -> JwksUrlCheck.requirePresent(prod.getOptionalValue(JwksUrlCheck.PROPERTY,
                String.class))).isInstanceOf(IllegalStateException.class).hasMessageContaining("FIELDSALES_JWKS_URL");
    }

    @Test
    void productionUsesTheVariable() throws IOException {
        SmallRyeConfig prod = kitDefaults("prod",
                Map.of("FIELDSALES_JWKS_URL", "https://gw.example/.well-known/jwks.json"));
        assertThat(JwksUrlCheck.requirePresent(prod.getOptionalValue(JwksUrlCheck.PROPERTY, String.class)))
                .isEqualTo("https://gw.example/.well-known/jwks.json");
        assertThat(prod.getValue("mp.jwt.verify.publickey.location", String.class))
                .isEqualTo("https://gw.example/.well-known/jwks.json");
    }

    @Test
    void devAndTestKeepTheLocalDefault() throws IOException {
        assertThat(kitDefaults("dev", Map.of()).getValue(JwksUrlCheck.PROPERTY, String.class))
                .isEqualTo("http://localhost:8080/.well-known/jwks.json");
    }
}
