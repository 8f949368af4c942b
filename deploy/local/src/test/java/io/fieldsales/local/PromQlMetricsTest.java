package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PromQlMetricsTest {

    @Test
    void metricNamesAreTheSelectorsNotTheFunctionsLabelsOrKeywords() {
        assertThat(PromQlMetrics.of("histogram_quantile(0.95, sum by (job, le) "
                + "(rate(http_server_requests_seconds_bucket{uri!~\"/q/.*\"}[5m]))) > 0.5"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQlMetrics.of("min by (group, topic) (deriv(fieldsales_kafka_consumer_lag[10m])) > 0 and "
                + "max(fieldsales_dlq_messages) > 0")).containsExactly("fieldsales_dlq_messages",
                "fieldsales_kafka_consumer_lag");
    }

    @Test
    void everyRuleOfTheRulesFileHasItsExpression() throws Exception {
        Path rules = Path.of("../observability/prometheus/rules.yaml");
        assertThat(PromQlMetrics.ruleExpressions(rules)).hasSize(9)
                .allMatch(e -> !PromQlMetrics.of(e).isEmpty());
    }
}
