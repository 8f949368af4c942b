package io.fieldsales.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatlingRunTest {

    /** The head of a stats.js as Gatling 3.13 writes it (global block first, then each request's). */
    static final String STATS_JS = """
            var stats = {
                type: "GROUP",
            name: "All Requests",
            path: "",
            pathFormatted: "group_missing-name--1146707516",
            stats: {
                "name": "All Requests",
                "numberOfRequests": {
                    "total": "1200",
                    "ok": "1197",
                    "ko": "3"
                },
                "minResponseTime": {
                    "total": "1",
                    "ok": "1",
                    "ko": "5000"
                },
                "percentiles1": {
                    "total": "4",
                    "ok": "4",
                    "ko": "5000"
                },
                "percentiles2": {
                    "total": "12",
                    "ok": "11",
                    "ko": "5000"
                },
                "percentiles3": {
                    "total": "31",
                    "ok": "30",
                    "ko": "5001"
                },
                "meanNumberOfRequestsPerSecond": {
                    "total": "59.5",
                    "ok": "59.35",
                    "ko": "0.15"
                }
            },
            contents: {
            "req_get-customer-1": {
                    type: "REQUEST",
                    name: "GET customer",
            stats: {
                "numberOfRequests": {
                    "total": "7",
                    "ok": "7",
                    "ko": "0"
                }
            }}}}
            """;

    @Test
    void readsTheGlobalFiguresOfAReport() {
        Figures f = GatlingRun.parse(STATS_JS);

        assertThat(f.ok()).isEqualTo(1197);
        assertThat(f.errors()).isEqualTo(3);
        assertThat(f.throughput()).isEqualTo(59.5);
        assertThat(f.p50()).isEqualTo(4);
        assertThat(f.p95()).isEqualTo(12);
        assertThat(f.p99()).isEqualTo(31);
        assertThat(f.errorRatio()).isEqualTo(3 / 1200.0);
    }

    @Test
    void aPercentileOfNoRequestsIsNotANumber() {
        Figures f = GatlingRun.parse(STATS_JS.replace("\"total\": \"4\"", "\"total\": \"-\""));

        assertThat(f.p50()).isNaN();
    }

    @Test
    void theTableHasARowPerPhaseWithCpuPerComponentAndRatios() {
        Report r = new Report(List.of("gateway", "postgresql"));
        r.add(new Report.Row("GET customer by id", "through the gateway", new Figures(990, 10, 500, 2, 5, 9),
                Map.of("gateway", 3.25, "postgresql", 1.0), "0.81 of direct", null));
        r.add(new Report.Row("GET customer by id", "pgbench", null, null, "", "pgbench not installed: skipped"));
        r.note("2 cores");

        String table = r.table();

        assertThat(table).contains("| scenario | measure | requests | errors | rps | p50 ms | p95 ms | p99 ms |"
                + " CPU s (gateway / postgresql) | ratio / note |");
        assertThat(table).contains("| GET customer by id | through the gateway | 1000 | 10 (1.00 %) | 500 | 2.0 | 5.0"
                + " | 9.0 | 3.3 / 1.0 | 0.81 of direct |");
        assertThat(table).contains("pgbench not installed: skipped");
        assertThat(table).contains("- 2 cores");
        assertThat(r.scenarios()).containsExactly("GET customer by id");
    }
}
