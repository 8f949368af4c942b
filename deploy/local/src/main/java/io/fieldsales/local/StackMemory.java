package io.fieldsales.local;

import java.util.Map;
import java.util.stream.Collectors;

/** The memory (PSS, bytes) of each part of the stack: every service, Kafka with the launcher, PostgreSQL. */
public record StackMemory(Map<String, Long> parts) {

    public StackMemory {
        parts = Map.copyOf(parts);
    }

    public long total() {
        return parts.values().stream().mapToLong(Long::longValue).sum();
    }

    public String breakdown() {
        return parts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + ResidentMemory.mib(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
