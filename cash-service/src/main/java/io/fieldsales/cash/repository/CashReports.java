package io.fieldsales.cash.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The finance reports, on the plain reactive client. They read sessions' running totals, deposits and receivables:
 * never the collections themselves, so they cost the same whether a tenant has a thousand collections or millions.
 */
@ApplicationScoped
public class CashReports {

    /** Per rep: sessions counted in the window, total and absolute variance, flagged ones, pending decisions. */
    public static final String VARIANCES = "select owner_id, currency, count(*) as sessions,"
            + " coalesce(sum(variance), 0) as total_variance, coalesce(sum(abs(variance)), 0) as absolute_variance,"
            + " count(*) filter (where variance_tier in ('SUPERVISOR', 'FINANCE')) as flagged,"
            + " count(*) filter (where status = 'PENDING_APPROVAL') as pending"
            + " from cash_session where tenant_id = $1 and closed_at >= $2 and closed_at < $3"
            + " and ($4::text is null or owner_id = $4)"
            + " group by owner_id, currency order by owner_id, currency";

    /** Per rep and location: what each holds, where it is on its way to the bank. */
    public static final String SESSION_POSITION = "select owner_id, coalesce(location, '') as location, currency,"
            + " coalesce(sum(opening_float + cash_total - payouts_total) filter (where status in ('OPEN', 'COUNTING')), 0)"
            + "   as open_expected,"
            + " count(*) filter (where status in ('OPEN', 'COUNTING')) as open_sessions,"
            + " coalesce(sum(counted_cash) filter (where status in ('PENDING_APPROVAL', 'CLOSED')), 0)"
            + "   as closed_not_deposited,"
            + " coalesce(sum(counted_cash) filter (where status = 'DEPOSITED'), 0) as deposited_not_confirmed,"
            + " min(closed_at) filter (where status in ('PENDING_APPROVAL', 'CLOSED')) as oldest_closed_at"
            + " from cash_session where tenant_id = $1 and status in ('OPEN', 'COUNTING', 'PENDING_APPROVAL', 'CLOSED',"
            + " 'DEPOSITED') group by owner_id, coalesce(location, ''), currency";

    public static final String DEPOSIT_AGES = "select s.owner_id, coalesce(s.location, '') as location,"
            + " min(d.deposited_at) as oldest_deposited_at from cash_session s join deposit d on d.id = s.deposit_id"
            + " where s.tenant_id = $1 and s.status = 'DEPOSITED' group by s.owner_id, coalesce(s.location, '')";

    public static final String RECEIVABLE_POSITION = "select rep_id, coalesce(location, '') as location, currency,"
            + " sum(amount_due - amount_paid) as open_receivables, count(*) as open_count"
            + " from receivable where tenant_id = $1 and status = 'OPEN' and rep_id is not null"
            + " group by rep_id, coalesce(location, ''), currency";

    @Inject
    Pool pool;

    public record VarianceLine(String ownerId, String currency, long sessions, BigDecimal totalVariance,
            BigDecimal absoluteVariance, long flagged, long pending) {
    }

    public record SessionPosition(String ownerId, String location, String currency, long openSessions,
            BigDecimal openExpected, BigDecimal closedNotDeposited, BigDecimal depositedNotConfirmed,
            Instant oldestClosedAt) {
    }

    public record DepositAge(String ownerId, String location, Instant oldestDepositedAt) {
    }

    public record ReceivablePosition(String repId, String location, String currency, BigDecimal openReceivables,
            long openCount) {
    }

    public Uni<List<VarianceLine>> variances(UUID tenantId, Instant from, Instant to, String rep) {
        return pool.preparedQuery(VARIANCES).execute(Tuple.of(tenantId, from.atOffset(java.time.ZoneOffset.UTC),
                to.atOffset(java.time.ZoneOffset.UTC), rep)).map(rows -> {
                    List<VarianceLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new VarianceLine(r.getString("owner_id"), r.getString("currency"),
                                r.getLong("sessions"), r.getBigDecimal("total_variance"),
                                r.getBigDecimal("absolute_variance"), r.getLong("flagged"), r.getLong("pending")));
                    }
                    return out;
                });
    }

    public Uni<List<SessionPosition>> sessionPositions(UUID tenantId) {
        return pool.preparedQuery(SESSION_POSITION).execute(Tuple.of(tenantId)).map(rows -> {
            List<SessionPosition> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new SessionPosition(r.getString("owner_id"), r.getString("location"), r.getString("currency"),
                        r.getLong("open_sessions"), r.getBigDecimal("open_expected"),
                        r.getBigDecimal("closed_not_deposited"), r.getBigDecimal("deposited_not_confirmed"),
                        instant(r.getOffsetDateTime("oldest_closed_at"))));
            }
            return out;
        });
    }

    public Uni<List<DepositAge>> depositAges(UUID tenantId) {
        return pool.preparedQuery(DEPOSIT_AGES).execute(Tuple.of(tenantId)).map(rows -> {
            List<DepositAge> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new DepositAge(r.getString("owner_id"), r.getString("location"),
                        instant(r.getOffsetDateTime("oldest_deposited_at"))));
            }
            return out;
        });
    }

    public Uni<List<ReceivablePosition>> receivablePositions(UUID tenantId) {
        return pool.preparedQuery(RECEIVABLE_POSITION).execute(Tuple.of(tenantId)).map(rows -> {
            List<ReceivablePosition> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new ReceivablePosition(r.getString("rep_id"), r.getString("location"), r.getString("currency"),
                        r.getBigDecimal("open_receivables"), r.getLong("open_count")));
            }
            return out;
        });
    }

    /** Open receivables of a filter summed per ageing bucket (days past due). */
    public Uni<List<BigDecimal>> ageing(UUID tenantId, UUID customerId, String repId, LocalDate today) {
        return pool.preparedQuery("select"
                        + " coalesce(sum(amount_due - amount_paid) filter (where $4::date - due_date <= 30), 0),"
                        + " coalesce(sum(amount_due - amount_paid) filter (where $4::date - due_date between 31 and 60), 0),"
                        + " coalesce(sum(amount_due - amount_paid) filter (where $4::date - due_date between 61 and 90), 0),"
                        + " coalesce(sum(amount_due - amount_paid) filter (where $4::date - due_date > 90), 0)"
                        + " from receivable where tenant_id = $1 and status = 'OPEN'"
                        + " and ($2::uuid is null or customer_id = $2) and ($3::text is null or rep_id = $3)")
                .execute(Tuple.of(tenantId, customerId, repId, today))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return List.of(r.getBigDecimal(0), r.getBigDecimal(1), r.getBigDecimal(2), r.getBigDecimal(3));
                });
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** Deposits awaiting confirmation, all tenants: within their tenant's confirmation limit and past it. */
    public Uni<long[]> unconfirmedDeposits() {
        return pool.query("select count(*) filter (where d.deposited_at >= now() - make_interval(days =>"
                        + " coalesce(p.deposit_confirm_days, " + io.fieldsales.cash.domain.CashPolicy.DEFAULTS
                        .depositConfirmDays() + "))) as within_limit, count(*) filter (where d.deposited_at < now()"
                        + " - make_interval(days => coalesce(p.deposit_confirm_days, "
                        + io.fieldsales.cash.domain.CashPolicy.DEFAULTS.depositConfirmDays() + "))) as past_limit"
                        + " from deposit d left join cash_policy p on p.tenant_id = d.tenant_id"
                        + " where d.status <> 'CONFIRMED'").execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new long[] {row.getLong(0), row.getLong(1)};
                });
    }
}
