package io.fieldsales.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --demo-data}: a believable demo tenant loaded through the gateway's public API, as a client would: the
 * tenant with its admin, one user for every role, and 200 customers of a South African distributor, among them
 * near-duplicates (similar names, the same email local part at another provider, the same ERP reference) that the
 * duplicate finder shows. Idempotent: run it again and nothing is created twice (the tenant and users exist, each
 * customer is created with a fixed Idempotency-Key). The users' passwords are generated once and kept in
 * {@code <data>/demo-users.properties}.
 */
final class DemoData {

    static final String USERS_FILE = "demo-users.properties";
    static final String TENANT = "demo";
    static final String TENANT_NAME = "Karoo Fresh Distributors";
    static final int CUSTOMERS = 200;

    /** username -> roles; the first is the tenant's admin. */
    static final Map<String, List<String>> USERS = demoUsers();

    private final GatewayClient gateway;
    private final Credentials platformAdmin;
    private final Path dataDir;
    private final PrintStream out;

    DemoData(String gatewayUrl, Credentials platformAdmin, Path dataDir, PrintStream out) {
        this.gateway = new GatewayClient(gatewayUrl);
        this.platformAdmin = platformAdmin;
        this.dataDir = dataDir;
        this.out = out;
    }

    private static Map<String, List<String>> demoUsers() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        users.put("admin", List.of("admin"));
        // the people of the business day, who play it in the demo tenant too
        users.putAll(BusinessDay.PEOPLE);
        users.put("nomsa.cashier", List.of("cashier"));
        return users;
    }

    /** The demo tenant's admin, if demo data was loaded into this data directory. */
    static Optional<Credentials> savedAdmin(Path dataDir) {
        Path file = dataDir.resolve(USERS_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = load(file);
        String password = p.getProperty("admin");
        return password == null ? Optional.empty() : Optional.of(new Credentials(TENANT, "admin", password));
    }

    void load() throws IOException, InterruptedException {
        Instant start = Instant.now();
        out.println();
        out.println("Loading demo data through " + "the gateway's API ...");
        Properties passwords = passwords();
        String platformToken = gateway.login(platformAdmin);

        Credentials admin = new Credentials(TENANT, "admin", passwords.getProperty("admin"));
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("slug", TENANT);
        tenant.put("name", TENANT_NAME);
        tenant.put("admin", Map.of("username", admin.username(), "password", admin.password()));
        GatewayClient.Reply created = gateway.post("/api/v1/tenants", platformToken, tenant, Map.of());
        if (!created.ok() && created.status() != 409) {
            throw new IOException("creating tenant " + TENANT + " failed: HTTP " + created.status() + " "
                    + created.raw());
        }
        String adminToken = gateway.login(admin);
        int newUsers = 0;
        for (Map.Entry<String, List<String>> u : USERS.entrySet()) {
            if (u.getKey().equals("admin")) {
                continue;
            }
            GatewayClient.Reply r = gateway.post("/api/v1/users", adminToken, Map.of(
                    "username", u.getKey(), "password", passwords.getProperty(u.getKey()), "roles", u.getValue()),
                    Map.of());
            if (r.ok()) {
                newUsers++;
            } else if (r.status() != 409) {
                throw new IOException("creating user " + u.getKey() + " failed: HTTP " + r.status() + " " + r.raw());
            }
        }
        out.printf("  tenant    %-17s %d users (%d new), passwords in %s%n", TENANT, USERS.size(), newUsers,
                dataDir.resolve(USERS_FILE));

        String repToken = gateway.login(new Credentials(TENANT, "sipho.rep", passwords.getProperty("sipho.rep")));
        List<Map<String, Object>> customers = customers(new Random(20261123L));
        AtomicInteger createdCount = new AtomicInteger();
        AtomicInteger existing = new AtomicInteger();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < customers.size(); i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    GatewayClient.Reply r = gateway.post("/api/v1/customers", repToken, customers.get(n),
                            Map.of("Idempotency-Key", "demo-customer-" + n));
                    if (r.status() == 201 && !r.replayed()) {
                        createdCount.incrementAndGet();
                    } else if (r.status() == 201 || r.status() == 409) {
                        existing.incrementAndGet();
                    } else {
                        failures.add("HTTP " + r.status() + " " + Ports.abbreviate(String.valueOf(r.raw()), 200));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("loading customers failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        out.printf(Locale.ROOT, "  customers %-17s %d created, %d already there, %d failed (%.1f s)%n", "",
                createdCount.get(), existing.get(), failures.size(),
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
        failures.stream().limit(5).forEach(f -> out.println("            " + f));
        loadCatalogStockAndOrders(adminToken, repToken);
        loadCashSessions(passwords);
        loadBusinessDay(passwords);
    }

    static final String GLOBEX = "globex";
    private static final String BUSINESS_DAY_LOADED = "business-day.loaded";
    private static final String BUSINESS_DAY_CUSTOMER = "business-day.customer";

    /** The shop of the business day, if it was loaded into this data directory. */
    static Optional<String> savedDayCustomer(Path dataDir) {
        Path file = dataDir.resolve(USERS_FILE);
        return Files.exists(file) ? Optional.ofNullable(load(file).getProperty(BUSINESS_DAY_CUSTOMER))
                : Optional.empty();
    }

    /**
     * The "Try it" calls of the banner and the README, as the demo admin: the orders, the cash sessions and the day's
     * shop's timeline (DemoDataIT makes them).
     */
    static List<String> tryItPaths(String dayCustomerId) {
        return List.of("/api/v1/orders?limit=5", "/api/v1/cash-sessions?limit=5",
                "/api/v1/audit/entities/customer/" + dayCustomerId + "/timeline");
    }

    /**
     * The business day of issue 16 ({@link BusinessDay}) in the demo tenant, once per data directory: a shop, a
     * quotation approved by the manager, the order delivered and paid cash, the session counted short, approved and
     * deposited, a return refunded in cash from the rep's next session; and the tenant Globex, which sees none of it.
     */
    private void loadBusinessDay(Properties passwords) throws IOException, InterruptedException {
        if (passwords.getProperty(BUSINESS_DAY_LOADED) != null) {
            out.println("  day       (the business day was loaded on an earlier run)");
            return;
        }
        Instant start = Instant.now();
        BusinessDay day = new BusinessDay(gateway, platformAdmin, TENANT, GLOBEX, passwords::getProperty);
        day.createTenantsAndPeople();
        day.logIn();
        List<String> failures = new ArrayList<>();
        check(failures, "shop", day.findOrCreateShopTwice().first());
        BusinessDay.Selling selling = day.sell();
        check(failures, "quotation", selling.accepted());
        check(failures, "approval", selling.decision());
        BusinessDay.Cash cash = day.deliverAndCollect();
        check(failures, "delivery", cash.delivered());
        check(failures, "collection", cash.collected());
        BigDecimal counted = BusinessDay.OPENING_FLOAT.add(cash.collected().money("amount") == null ? BigDecimal.ZERO
                : cash.collected().money("amount")).subtract(BusinessDay.SHORTAGE);
        cash = day.closeApproveAndDeposit(cash, counted);
        check(failures, "variance approval", cash.approved());
        check(failures, "deposit", cash.confirmed());
        BusinessDay.Refund refund = day.returnAndRefund();
        check(failures, "return", refund.received());
        check(failures, "refund", refund.refunded());
        check(failures, "next session", refund.nextSession());
        if (failures.isEmpty()) {
            passwords.setProperty(BUSINESS_DAY_LOADED, Instant.now().toString());
            passwords.setProperty(BUSINESS_DAY_CUSTOMER, day.customerId);
            LocalSecrets.save(dataDir.resolve(USERS_FILE), passwords);
        }
        out.printf(Locale.ROOT, "  day       %-17s shop %s, order %s (%s), session %s deposited, %d failed (%.1f s)%n",
                "", day.customerId, day.orderId, selling.confirmedOrder().text("status"), day.sessionId,
                failures.size(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
        out.printf("            tenant %s (its admin: %s) sees none of it%n", GLOBEX, passwords.getProperty("globex.admin"));
        failures.forEach(f -> out.println("            " + f));
    }

    private static void check(List<String> failures, String what, GatewayClient.Reply r) {
        if (!r.ok()) {
            failures.add(what + ": HTTP " + r.status() + " " + Ports.abbreviate(String.valueOf(r.raw()), 200));
        }
    }

    /** Products, a warehouse and two vans with stock, and a few orders; skipped if order-service is not running. */
    private void loadCatalogStockAndOrders(String adminToken, String repToken) throws IOException, InterruptedException {
        Instant start = Instant.now();
        String[][] products = {{"COLA-330", "Cola 330 ml can", "9.50"}, {"WATER-500", "Still water 500 ml", "6.00"},
                {"CHIPS-125", "Salted chips 125 g", "14.99"}, {"BREAD-700", "White bread 700 g", "17.50"},
                {"MILK-1L", "Full cream milk 1 l", "19.90"}, {"SOAP-175", "Bath soap 175 g", "12.25"}};
        int newProducts = 0;
        for (String[] p : products) {
            GatewayClient.Reply r = gateway.post("/api/v1/products", adminToken, Map.of("sku", p[0], "name", p[1],
                    "unitPrice", new java.math.BigDecimal(p[2]), "currency", "ZAR", "taxRate", new java.math.BigDecimal("0.15"),
                    "tags", List.of("fmcg")), Map.of("Idempotency-Key", "demo-product-" + p[0]));
            if (r.status() == 404 || r.status() >= 500) {
                out.println("  orders    order-service is not running: no products, stock or orders");
                return;
            }
            if (r.status() == 201 && !r.replayed()) {
                newProducts++;
            }
        }
        String[] locations = {"WAREHOUSE-JHB", "VAN-SIPHO", "VAN-LERATO"};
        for (String location : locations) {
            for (String[] p : products) {
                gateway.post("/api/v1/stock/adjustments", adminToken, Map.of("location", location, "sku", p[0],
                        "delta", location.startsWith("VAN") ? 60 : 1000, "reason", "demo opening stock"),
                        Map.of("Idempotency-Key", "demo-stock-" + location + "-" + p[0]));
            }
        }
        GatewayClient.Reply page = gateway.get("/api/v1/customers?limit=10", repToken);
        int orders = 0;
        if (page.ok() && page.body() != null) {
            int n = 0;
            for (com.fasterxml.jackson.databind.JsonNode c : page.body().path("items")) {
                String[] p = products[n % products.length];
                String[] q = products[(n + 2) % products.length];
                GatewayClient.Reply r = gateway.post("/api/v1/orders", repToken, Map.of(
                        "customerId", c.path("id").asText(), "location", "VAN-SIPHO", "paymentTerms",
                        n % 3 == 0 ? "CREDIT" : "COD", "lines", List.of(Map.of("sku", p[0], "quantity", 2 + n % 4),
                                Map.of("sku", q[0], "quantity", 1 + n % 3))),
                        Map.of("Idempotency-Key", "demo-order-" + n));
                if (r.status() == 201) {
                    orders++;
                }
                n++;
            }
        }
        out.printf(Locale.ROOT, "  orders    %-17s %d products (%d new), stock at %d locations, %d orders (%.1f s)%n",
                "", products.length, newProducts, locations.length, orders,
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * A day of cash: each rep opens a session, collects and closes it (one exact count, one small shortage that waits
     * for the supervisor). Fixed Idempotency-Keys per day make a rerun the same day replay instead of duplicating.
     */
    private void loadCashSessions(Properties passwords) throws IOException, InterruptedException {
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        int closed = 0;
        List<String> failures = new ArrayList<>();
        String[][] plan = {{"sipho.rep", "500.00", "1250.00", "1750.00"}, {"lerato.rep", "300.00", "820.50", "1115.50"}};
        for (String[] p : plan) {
            String token = gateway.login(new Credentials(TENANT, p[0], passwords.getProperty(p[0])));
            String key = "demo-cash-" + p[0] + "-" + day;
            GatewayClient.Reply opened = gateway.post("/api/v1/cash-sessions", token,
                    Map.of("openingFloat", p[1], "currency", "ZAR", "location", "Johannesburg depot"),
                    Map.of("Idempotency-Key", key + "-open"));
            if (opened.status() != 201) {
                failures.add(p[0] + " open: HTTP " + opened.status());
                continue;
            }
            String id = opened.body().path("id").asText();
            gateway.post("/api/v1/cash-sessions/" + id + "/collections", token,
                    Map.of("amount", p[2], "method", "CASH", "reference", "demo receipts"),
                    Map.of("Idempotency-Key", key + "-cash"));
            gateway.post("/api/v1/cash-sessions/" + id + "/collections", token,
                    Map.of("amount", "640.00", "method", "MOBILE_MONEY", "reference", "demo transfers"),
                    Map.of("Idempotency-Key", key + "-mobile"));
            GatewayClient.Reply close = gateway.post("/api/v1/cash-sessions/" + id + "/close", token,
                    Map.of("countedCash", p[3]), Map.of("Idempotency-Key", key + "-close"));
            if (close.ok()) {
                closed++;
            } else {
                failures.add(p[0] + " close: HTTP " + close.status());
            }
        }
        out.printf(Locale.ROOT, "  cash      %-17s %d sessions opened and counted, %d failed%n", "", closed,
                failures.size());
        failures.forEach(f -> out.println("            " + f));
    }

    /** The demo users' passwords: generated once, then read back, so a rerun logs in as the same users. */
    private Properties passwords() throws IOException {
        Path file = dataDir.resolve(USERS_FILE);
        Properties p = Files.exists(file) ? load(file) : new Properties();
        boolean changed = false;
        List<String> users = new ArrayList<>(USERS.keySet());
        users.add("globex.admin");
        for (String user : users) {
            if (p.getProperty(user) == null) {
                p.setProperty(user, LocalSecrets.password(16));
                changed = true;
            }
        }
        if (changed) {
            LocalSecrets.save(file, p);
        }
        return p;
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return p;
    }

    // ---- the customers: shops, their owners, towns; deterministic (fixed seed), so reruns send the same bodies

    private static final String[] OWNERS = {"Mama Joyce", "Bheki", "Sipho", "Thabo", "Lindiwe", "Oupa", "Zanele",
        "Mpho", "Gogo Dlamini", "Uncle Sam", "Ayanda", "Kagiso", "Nandi", "Tumi", "Vusi", "Lerato", "Jabu", "Precious",
        "Sizwe", "Naledi", "Hennie", "Fatima", "Yusuf", "Koos", "Anna", "Desmond", "Themba", "Busi",
        "Nomvula", "Lwazi"};
    private static final String[] SHOPS = {"Spaza", "General Dealer", "Tuck Shop", "Superette", "Cash Store",
        "Butchery", "Mini Market", "Trading Store", "Bottle Store", "Fruit & Veg"};
    private static final String[] TOWNS = {"Soweto", "Khayelitsha", "Umlazi", "Mamelodi", "Tembisa", "Alexandra",
        "Mthatha", "Polokwane", "Mahikeng", "Kimberley", "Beaufort West", "Upington", "De Aar", "Graaff-Reinet"};
    private static final String[] STREETS = {"Main Road", "Church Street", "Station Road", "Voortrekker Road",
        "Nelson Mandela Drive", "Market Street", "Long Street", "Hospital Road"};
    private static final String[] DOMAINS = {"gmail.com", "yahoo.com", "outlook.com", "webmail.co.za",
        "mweb.co.za"};
    private static final String[] MOBILE_PREFIXES = {"72", "73", "76", "78", "79", "81", "82", "83", "84"};

    static List<Map<String, Object>> customers(Random random) {
        List<Map<String, Object>> list = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        Set<String> phones = new java.util.HashSet<>();
        Set<String> emails = new java.util.HashSet<>();
        // 170 distinct shops, then 30 near-duplicates of some of them (what reps create in the field)
        int distinct = CUSTOMERS - 30;
        while (list.size() < distinct) {
            String owner = OWNERS[random.nextInt(OWNERS.length)];
            String shop = SHOPS[random.nextInt(SHOPS.length)];
            String town = TOWNS[random.nextInt(TOWNS.length)];
            String name = owner + "'s " + shop + " " + town;
            if (!names.add(name)) {
                continue;
            }
            String local = (owner + "." + shop).toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".")
                    .replaceAll("^\\.|\\.$", "");
            String email = random.nextInt(10) < 7 ? uniqueEmail(local, DOMAINS[random.nextInt(DOMAINS.length)],
                    emails, random) : null;
            list.add(customer(name, email, uniquePhone(random, phones), "ERP-" + (100000 + list.size()),
                    town, random, shop));
        }
        for (int i = 0; i < 30; i++) {
            Map<String, Object> original = list.get(random.nextInt(distinct));
            String name = (String) original.get("name");
            String town = (String) ((Map<?, ?>) original.get("address")).get("city");
            Map<String, Object> twin;
            switch (i % 3) {
                // a typo or shortening of the name, other contacts
                case 0 -> twin = customer(variant(name, random), null, uniquePhone(random, phones), null, town,
                        random, "duplicate-candidate");
                // the same email local part at another provider
                case 1 -> {
                    String email = (String) original.get("email");
                    String twinEmail = email == null ? null
                            : uniqueEmail(email.substring(0, email.indexOf('@')), "icloud.com", emails, random);
                    twin = customer(variant(name, random), twinEmail, uniquePhone(random, phones), null, town,
                            random, "duplicate-candidate");
                }
                // the same ERP reference, typed in again by another rep
                default -> twin = customer(name.replace("'s ", " "), null, uniquePhone(random, phones),
                        (String) original.get("externalRef"), town, random, "duplicate-candidate");
            }
            list.add(twin);
        }
        return list;
    }

    private static String variant(String name, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> name.replace("General Dealer", "Gen. Dealer").replace("Superette", "Superete")
                    .replace("Spaza", "Spaza Shop").replace("Tuck Shop", "Tuckshop");
            case 1 -> name.replace("'s ", " ");
            case 2 -> name.toUpperCase(Locale.ROOT);
            default -> name + " (new)";
        };
    }

    private static Map<String, Object> customer(String name, String email, String phone, String externalRef,
            String town, Random random, String tag) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        if (email != null) {
            c.put("email", email);
        }
        c.put("phone", phone);
        if (externalRef != null) {
            c.put("externalRef", externalRef);
        }
        c.put("address", Map.of(
                "lines", List.of((1 + random.nextInt(240)) + " " + STREETS[random.nextInt(STREETS.length)]),
                "city", town,
                "postalCode", String.format(Locale.ROOT, "%04d", 1000 + random.nextInt(8000)),
                "country", "ZA"));
        c.put("tags", List.of(tag.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                "route-" + (char) ('a' + random.nextInt(6))));
        return c;
    }

    private static String uniquePhone(Random random, Set<String> used) {
        while (true) {
            // South African mobile numbers as reps type them: 082 123 4567 (the tenant's region is ZA)
            String phone = "0" + MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + " "
                    + (100 + random.nextInt(900)) + " " + (1000 + random.nextInt(9000));
            if (used.add(phone)) {
                return phone;
            }
        }
    }

    private static String uniqueEmail(String local, String domain, Set<String> used, Random random) {
        String email = local + "@" + domain;
        while (!used.add(email)) {
            email = local + (1 + random.nextInt(99)) + "@" + domain;
        }
        return email;
    }
}
