#!/usr/bin/env python3
"""Writes the Grafana dashboards of this directory (suite-overview.json and one per service).

Edit this file, run it (python3 generate.py) and commit the JSON it writes. Every metric a panel queries must exist
in the running services' scrapes: deploy/local's ObservabilityIT checks them (and the alert rules' metrics).
"""
import json
import pathlib

SERVICES = ["gateway", "customer-service", "order-service", "cash-service", "audit-service"]
DS = {"type": "prometheus", "uid": "${datasource}"}


def panel(pid, title, exprs, x, y, w=12, h=8, unit="short", kind="timeseries"):
    return {
        "id": pid, "type": kind, "title": title, "datasource": DS,
        "gridPos": {"x": x, "y": y, "w": w, "h": h},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [{"refId": chr(65 + i), "datasource": DS, "expr": e, "legendFormat": legend}
                    for i, (e, legend) in enumerate(exprs)],
    }


def dashboard(uid, title, panels, extra_vars=()):
    return {
        "uid": uid, "title": title, "tags": ["fieldsales"], "timezone": "utc", "schemaVersion": 39, "version": 1,
        "editable": True, "refresh": "30s", "time": {"from": "now-3h", "to": "now"},
        "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus",
                                 "label": "Prometheus"}, *extra_vars]},
        "panels": panels,
    }


def golden(job, y0, pid0):
    sel = f'job="{job}", uri!~"/q/.*"'
    return [
        panel(pid0, f"{job}: requests per second by route",
              [(f'sum by (uri) (rate(http_server_requests_seconds_count{{{sel}}}[5m]))', "{{uri}}")], 0, y0,
              unit="reqps"),
        panel(pid0 + 1, f"{job}: 5xx ratio",
              [(f'sum(rate(http_server_requests_seconds_count{{{sel}, status=~"5.."}}[5m])) / '
                f'sum(rate(http_server_requests_seconds_count{{{sel}}}[5m]))', "5xx")], 12, y0, unit="percentunit"),
        panel(pid0 + 2, f"{job}: p95 latency by route",
              [(f'histogram_quantile(0.95, sum by (uri, le) (rate(http_server_requests_seconds_bucket{{{sel}}}[5m])))',
                "{{uri}}")], 0, y0 + 8, unit="s"),
        panel(pid0 + 3, f"{job}: database pool in use / waiting",
              [(f'sum(sql_pool_active{{job="{job}"}})', "in use"),
               (f'sum(sql_pool_queue_size{{job="{job}"}})', "waiting")], 12, y0 + 8),
    ]


def overview():
    panels = []
    pid = 1
    panels.append(panel(pid, "Requests per second by service",
                        [('sum by (job) (rate(http_server_requests_seconds_count{uri!~"/q/.*"}[5m]))', "{{job}}")],
                        0, 0, unit="reqps")); pid += 1
    panels.append(panel(pid, "5xx ratio by service (alert: > 2 % for 5 min)",
                        [('sum by (job) (rate(http_server_requests_seconds_count{status=~"5..", uri!~"/q/.*"}[5m])) / '
                          'sum by (job) (rate(http_server_requests_seconds_count{uri!~"/q/.*"}[5m]))', "{{job}}")],
                        12, 0, unit="percentunit")); pid += 1
    panels.append(panel(pid, "p95 latency by service (alert: > 500 ms for 10 min)",
                        [('histogram_quantile(0.95, sum by (job, le) '
                          '(rate(http_server_requests_seconds_bucket{uri!~"/q/.*"}[5m])))', "{{job}}")],
                        0, 8, unit="s")); pid += 1
    panels.append(panel(pid, "Database pool saturation by service",
                        [('sum by (job) (sql_pool_active)', "{{job}} in use"),
                         ('sum by (job) (sql_pool_queue_size)', "{{job}} waiting")], 12, 8)); pid += 1
    panels.append(panel(pid, "Event path: commit -> Kafka -> consumer, p95 by topic",
                        [('histogram_quantile(0.95, sum by (topic, le) '
                          '(rate(fieldsales_event_delivery_seconds_bucket[5m])))', "{{topic}}")],
                        0, 16, unit="s")); pid += 1
    panels.append(panel(pid, "Outbox: unsent rows and age of the oldest (alert: > 60 s)",
                        [('sum by (job) (fieldsales_outbox_pending)', "{{job}} unsent"),
                         ('max by (job) (fieldsales_outbox_oldest_pending_age_seconds)', "{{job}} oldest (s)")],
                        12, 16)); pid += 1
    panels.append(panel(pid, "Consumer lag (committed offsets) by group and topic",
                        [('max by (group, topic) (fieldsales_kafka_consumer_lag)', "{{group}} / {{topic}}")],
                        0, 24)); pid += 1
    panels.append(panel(pid, "Dead-letter messages by topic",
                        [('max by (topic) (fieldsales_dlq_messages)', "{{topic}}")], 12, 24)); pid += 1
    panels.append(panel(pid, "Circuit breakers open",
                        [('max by (job, name) (fieldsales_circuit_breaker_open)', "{{job}} -> {{name}}")],
                        0, 32, w=24)); pid += 1
    return dashboard("fieldsales-overview", "Fieldsales: suite overview", panels)


BUSINESS = {
    "gateway": [
        ("Upstream circuit breakers open", [('max by (name) (fieldsales_circuit_breaker_open{job="gateway"})',
                                             "{{name}}")], "short"),
    ],
    "customer-service": [
        ("Duplicates detected by path", [('sum by (path) (rate(fieldsales_customers_duplicates_detected_total[15m]))',
                                          "{{path}}")], "ops"),
        ("Merges", [('sum(increase(fieldsales_customers_merges_total[1h]))', "merges per hour")], "short"),
        ("Customers created by path", [('sum by (path) (rate(fieldsales_customers_created_total[15m]))',
                                        "{{path}}")], "ops"),
    ],
    "order-service": [
        ("Stock reservation failures", [('sum(increase(fieldsales_orders_stock_reservation_failures_total[1h]))',
                                         "per hour")], "short"),
        ("Approvals pending", [('sum(fieldsales_orders_approvals_pending)', "pending")], "short"),
    ],
    "cash-service": [
        ("Cash variance amounts by tier (per hour)",
         [('sum by (tier) (increase(fieldsales_cash_variance_sum[1h]))', "{{tier}}")], "short"),
        ("Counts by variance tier (per hour)",
         [('sum by (tier) (increase(fieldsales_cash_variance_count[1h]))', "{{tier}}")], "short"),
        ("Unconfirmed deposits by age", [('sum by (age) (fieldsales_cash_deposits_unconfirmed)', "{{age}}")],
         "short"),
    ],
    "audit-service": [
        ("Audit events stored per second", [('sum(rate(fieldsales_audit_events_stored_total[5m]))', "stored")],
         "ops"),
        ("Chain verifications by result", [('sum by (result) (increase(fieldsales_audit_chain_verifications_total[1h]))',
                                            "{{result}}")], "short"),
        ("Event path into the audit trail, p95 by topic",
         [('histogram_quantile(0.95, sum by (topic, le) '
           '(rate(fieldsales_event_delivery_seconds_bucket{job="audit-service"}[5m])))', "{{topic}}")], "s"),
    ],
}


def service(job):
    panels = golden(job, 0, 1)
    pid = 10
    y = 16
    for i, (title, exprs, unit) in enumerate(BUSINESS[job]):
        panels.append(panel(pid, title, exprs, 12 * (i % 2), y + 8 * (i // 2), unit=unit)); pid += 1
    y += 8 * ((len(BUSINESS[job]) + 1) // 2)
    panels.append(panel(pid, "Outbox: unsent rows and oldest age (s)",
                        [(f'sum(fieldsales_outbox_pending{{job="{job}"}})', "unsent"),
                         (f'max(fieldsales_outbox_oldest_pending_age_seconds{{job="{job}"}})', "oldest (s)")], 0, y))
    pid += 1
    panels.append(panel(pid, "Consumer lag and dead letters",
                        [(f'max by (group, topic) (fieldsales_kafka_consumer_lag{{job="{job}"}})', "lag {{topic}}"),
                         (f'max by (topic) (fieldsales_dlq_messages{{job="{job}"}})', "dlq {{topic}}")], 12, y))
    return dashboard(f"fieldsales-{job}", f"Fieldsales: {job}", panels)


def main():
    here = pathlib.Path(__file__).parent
    (here / "suite-overview.json").write_text(json.dumps(overview(), indent=2) + "\n")
    for job in SERVICES:
        (here / f"{job}.json").write_text(json.dumps(service(job), indent=2) + "\n")


if __name__ == "__main__":
    main()
