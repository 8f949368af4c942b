package io.fieldsales.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fresh tenant per run, set up through the gateway's public API as any client would: its admin, a manager (back
 * office), reps (each with an open cash session), seeded customers (one NDJSON import) and, when order-service runs,
 * products with stock in the reps' van. Every scenario of the run uses it.
 */
public final class Fixture {

    /** Each rep sells from a van of its own, {@code VAN-LOAD-<n>} (as in the field: the van is the rep's stock). */
    public static final String VAN = "VAN-LOAD";
    public static final List<String> SKUS = List.of("LOAD-COLA", "LOAD-BREAD", "LOAD-MILK");

    public final String tenantSlug;
    public final String tenantId;
    public final String adminToken;
    public final String managerToken;
    public final String managerPassword;
    public final List<Rep> reps;
    public final List<String> customerIds;
    public final boolean orders;
    /** Why order-service's setup failed (the day mix then runs without quotes and orders), or null. */
    public final String ordersProblem;
    public final boolean cash;
    private final AtomicLong contacts = new AtomicLong();
    private final String run;

    /** A rep: credentials (the day mix's sign-ins), the token its app holds, the open cash session. */
    public record Rep(String username, String password, String token, String cashSessionId, String van) {
    }

    private Fixture(String run, String tenantSlug, String tenantId, String adminToken, String managerToken,
            String managerPassword, List<Rep> reps, List<String> customerIds, boolean orders, String ordersProblem,
            boolean cash) {
        this.run = run;
        this.tenantSlug = tenantSlug;
        this.tenantId = tenantId;
        this.adminToken = adminToken;
        this.managerToken = managerToken;
        this.managerPassword = managerPassword;
        this.reps = List.copyOf(reps);
        this.customerIds = List.copyOf(customerIds);
        this.orders = orders;
        this.ordersProblem = ordersProblem;
        this.cash = cash;
    }

    static Fixture create(LoadTarget target, int seededCustomers, int repCount) throws IOException, InterruptedException {
        Api api = new Api(target.gatewayUrl());
        String run = Long.toString(System.currentTimeMillis(), 36);
        String platform = api.login(null, target.adminUsername(), target.adminPassword());
        String slug = "load-" + run;
        String adminPassword = password();
        api.require("/api/v1/tenants", platform, Map.of("slug", slug, "name", "Load " + run,
                "admin", Map.of("username", "admin", "password", adminPassword)), Map.of());
        String adminToken = api.login(slug, "admin", adminPassword);
        String tenantId = Api.claim(adminToken, "tenant_id");
        String managerPassword = password();
        api.require("/api/v1/users", adminToken, Map.of("username", "backoffice", "password", managerPassword,
                "roles", List.of("manager")), Map.of());
        String managerToken = api.login(slug, "backoffice", managerPassword);

        boolean orders = target.service("order-service").isPresent();
        boolean cash = target.service("cash-service").isPresent();
        List<Rep> reps = new ArrayList<>();
        for (int i = 0; i < repCount; i++) {
            String user = "rep" + i;
            String pw = password();
            api.require("/api/v1/users", adminToken, Map.of("username", user, "password", pw,
                    "roles", List.of("sales_rep")), Map.of());
            String token = api.login(slug, user, pw);
            String session = null;
            if (cash) {
                session = api.require("/api/v1/cash-sessions", token, Map.of("openingFloat", "100.00",
                        "currency", "ZAR", "location", "load van " + i), Map.of("Idempotency-Key", UUID.randomUUID()
                        .toString())).json().path("id").asText();
            }
            reps.add(new Rep(user, pw, token, session, VAN + "-" + i));
        }
        Fixture f = new Fixture(run, slug, tenantId, adminToken, managerToken, managerPassword, reps, List.of(),
                orders, null, cash);
        List<String> ids = f.importCustomers(api, seededCustomers);
        String ordersProblem = null;
        if (orders) {
            try {
                for (String sku : SKUS) {
                    api.require("/api/v1/products", adminToken, Map.of("sku", sku, "name", "Load product " + sku,
                            "unitPrice", new BigDecimal("12.50"), "currency", "ZAR", "taxRate",
                            new BigDecimal("0.15"), "tags", List.of("load")),
                            Map.of("Idempotency-Key", slug + "-product-" + sku));
                    for (Rep r : reps) {
                        api.require("/api/v1/stock/adjustments", adminToken, Map.of("location", r.van(), "sku", sku,
                                "delta", 10_000_000, "reason", "load test stock"), Map.of("Idempotency-Key",
                                slug + "-stock-" + r.van() + "-" + sku));
                    }
                }
            } catch (IOException e) {
                // the day mix then runs without quotes and orders, and the table says so and why
                ordersProblem = e.toString();
                orders = false;
            }
        }
        return new Fixture(run, slug, tenantId, adminToken, managerToken, managerPassword, reps, ids, orders,
                ordersProblem, cash).continuingContactsFrom(f);
    }

    /**
     * The same tenant with every rep and the back office signed in again (untimed): the day mix runs last, and its
     * app sessions use the tokens a client holds, which must not expire during it.
     */
    Fixture signedInAgain(LoadTarget target) throws IOException, InterruptedException {
        Api api = new Api(target.gatewayUrl());
        List<Rep> fresh = new ArrayList<>();
        for (Rep r : reps) {
            fresh.add(new Rep(r.username(), r.password(), api.login(tenantSlug, r.username(), r.password()),
                    r.cashSessionId(), r.van()));
        }
        return new Fixture(run, tenantSlug, tenantId, adminToken, api.login(tenantSlug, "backoffice",
                managerPassword), managerPassword, fresh, customerIds, orders, ordersProblem, cash)
                .continuingContactsFrom(this);
    }

    private Fixture continuingContactsFrom(Fixture other) {
        contacts.set(other.contacts.get());
        return this;
    }

    private List<String> importCustomers(Api api, int n) throws IOException, InterruptedException {
        Api.Reply r = api.send("POST", "/api/v1/customers/import?mode=find-or-create", adminToken,
                "application/x-ndjson", ndjson(n), Map.of());
        if (!r.ok()) {
            throw new IOException("seeding customers failed: HTTP " + r.status() + " " + r.raw());
        }
        List<String> ids = new ArrayList<>();
        for (String line : r.raw().split("\n")) {
            if (!line.isBlank()) {
                String id = Api.JSON.readTree(line).path("customerId").asText(null);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IOException("seeding customers created none: " + r.raw());
        }
        return ids;
    }

    /** {@code n} new customers as an NDJSON file (one JSON object a line), each with contacts of its own. */
    public String ndjson(int n) {
        StringBuilder sb = new StringBuilder(n * 200);
        for (int i = 0; i < n; i++) {
            try {
                sb.append(Api.JSON.writeValueAsString(newCustomer())).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }

    private static final String[] OWNERS = {"Mama Joyce", "Bheki", "Sipho", "Thabo", "Lindiwe", "Oupa", "Zanele",
        "Mpho", "Ayanda", "Kagiso", "Nandi", "Tumi", "Vusi", "Jabu", "Sizwe", "Naledi", "Fatima", "Koos"};
    private static final String[] SHOPS = {"Spaza", "General Dealer", "Tuck Shop", "Superette", "Cash Store",
        "Butchery", "Mini Market", "Trading Store", "Fruit & Veg"};
    private static final String[] TOWNS = {"Soweto", "Khayelitsha", "Umlazi", "Mamelodi", "Tembisa", "Alexandra",
        "Mthatha", "Polokwane", "Mahikeng", "Kimberley", "Upington", "De Aar"};

    /** A customer nobody has yet: a believable shop name, an email and a phone unique in this run's tenant. */
    public Map<String, Object> newCustomer() {
        long n = contacts.incrementAndGet();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", OWNERS[r.nextInt(OWNERS.length)] + "'s " + SHOPS[r.nextInt(SHOPS.length)] + " "
                + TOWNS[r.nextInt(TOWNS.length)] + " " + n);
        c.put("email", "shop" + n + "." + run + "@load.example");
        c.put("phone", String.format(Locale.ROOT, "082 %03d %04d", (n / 10_000) % 1000, n % 10_000));
        c.put("address", Map.of("lines", List.of(n + " Main Road"), "city", TOWNS[(int) (n % TOWNS.length)],
                "postalCode", "2000", "country", "ZA"));
        c.put("tags", List.of("load"));
        return c;
    }

    /** The same customer every time: the find-or-create storm's one key. */
    public Map<String, Object> stormCustomer() {
        return Map.of("name", "Storm Spaza " + run, "phone", "083 999 0001", "email", "storm." + run + "@load.example");
    }

    public String json(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String password() {
        return "Ld-" + UUID.randomUUID();
    }
}
