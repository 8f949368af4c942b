package io.fieldsales.load;

import java.util.Arrays;
import java.util.List;

/** The scenarios of the harness, in the order they run. */
public enum Scenario {
    GET_BY_ID("get-by-id", "GET customer by id"),
    CREATE("create", "customer create"),
    FIND_OR_CREATE_STORM("find-or-create-storm", "find-or-create storm on one key"),
    SEARCH("search", "customer search"),
    EVENT_PATH("event-path", "event path: commit -> Kafka -> audit trail"),
    IMPORT("import", "NDJSON import through the gateway"),
    DAY_MIX("day-mix", "field-sales day mix (rising arrival rate)");

    private final String id;
    private final String title;

    Scenario(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Scenario::id).toList();
    }
}
