package io.fieldsales.cash.api;

import io.fieldsales.cash.repository.CashReports;
import io.fieldsales.cash.service.CashProblems;
import io.fieldsales.cash.service.PolicyService;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a finance manager opens every morning: variances per rep, and where the cash is. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    CashReports reports;

    @Inject
    PolicyService policies;

    @Inject
    CurrentActor actor;

    /** One rep's variances in a currency over the window. */
    public record VarianceRow(String repId, String currency, long sessions, BigDecimal totalVariance,
            BigDecimal absoluteVariance, long flagged, long pendingDecisions) {
    }

    public record VarianceReport(Instant from, Instant to, List<VarianceRow> items) {
    }

    /** Where one rep's cash is, at one location and in one currency. */
    public record PositionRow(String repId, String location, String currency, long openSessions,
            BigDecimal openSessionsExpectedCash, BigDecimal closedNotDeposited, Long closedNotDepositedAgeDays,
            BigDecimal depositedNotConfirmed, Long depositedNotConfirmedAgeDays, BigDecimal openReceivables,
            long openReceivablesCount) {
    }

    public record PositionReport(Instant asOf, int depositConfirmDays, List<PositionRow> items) {
    }

    @GET
    @Path("variances")
    @RolesAllowed({Roles.FINANCE, Roles.SUPERVISOR, Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR})
    public Uni<VarianceReport> variances(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("rep") String rep) {
        Actor a = actor.get();
        Instant end = to == null ? Instant.now() : CashSessionResource.instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : CashSessionResource.instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.validation("from", "must be before to");
        }
        return reports.variances(a.tenantId(), start, end, rep == null || rep.isBlank() ? null : rep)
                .map(lines -> new VarianceReport(start, end, lines.stream().map(l -> new VarianceRow(l.ownerId(),
                        l.currency(), l.sessions(), l.totalVariance().stripTrailingZeros(),
                        l.absoluteVariance().stripTrailingZeros(), l.flagged(), l.pending())).toList()))
                .onFailure().transform(CashProblems::translate);
    }

    @GET
    @Path("cash-position")
    @RolesAllowed({Roles.FINANCE, Roles.SUPERVISOR, Roles.ADMIN, Roles.MANAGER, Roles.AUDITOR})
    public Uni<PositionReport> cashPosition() {
        Actor a = actor.get();
        Instant now = Instant.now();
        return policies.of(a.tenantId()).chain(policy -> reports.sessionPositions(a.tenantId())
                .chain(sessions -> reports.depositAges(a.tenantId())
                        .chain(ages -> reports.receivablePositions(a.tenantId()).map(receivables -> {
                            Map<String, PositionRow> rows = new LinkedHashMap<>();
                            for (var s : sessions) {
                                Long closedAge = s.oldestClosedAt() == null ? null
                                        : Duration.between(s.oldestClosedAt(), now).toDays();
                                Long depositAge = ages.stream().filter(d -> d.ownerId().equals(s.ownerId())
                                                && d.location().equals(s.location())).findFirst()
                                        .map(d -> Duration.between(d.oldestDepositedAt(), now).toDays()).orElse(null);
                                rows.put(key(s.ownerId(), s.location(), s.currency()), new PositionRow(s.ownerId(),
                                        s.location(), s.currency(), s.openSessions(), strip(s.openExpected()),
                                        strip(s.closedNotDeposited()), closedAge, strip(s.depositedNotConfirmed()),
                                        depositAge, BigDecimal.ZERO, 0));
                            }
                            for (var r : receivables) {
                                String k = key(r.repId(), r.location(), r.currency());
                                PositionRow p = rows.get(k);
                                rows.put(k, p == null
                                        ? new PositionRow(r.repId(), r.location(), r.currency(), 0, BigDecimal.ZERO,
                                                BigDecimal.ZERO, null, BigDecimal.ZERO, null,
                                                strip(r.openReceivables()), r.openCount())
                                        : new PositionRow(p.repId(), p.location(), p.currency(), p.openSessions(),
                                                p.openSessionsExpectedCash(), p.closedNotDeposited(),
                                                p.closedNotDepositedAgeDays(), p.depositedNotConfirmed(),
                                                p.depositedNotConfirmedAgeDays(), strip(r.openReceivables()),
                                                r.openCount()));
                            }
                            List<PositionRow> items = new ArrayList<>(rows.values());
                            items.sort(java.util.Comparator.comparing(PositionRow::repId)
                                    .thenComparing(PositionRow::location).thenComparing(PositionRow::currency));
                            return new PositionReport(now, policy.depositConfirmDays(), items);
                        }))))
                .onFailure().transform(CashProblems::translate);
    }

    private static String key(String rep, String location, String currency) {
        return rep + "\u0000" + location + "\u0000" + currency;
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v.stripTrailingZeros();
    }
}
