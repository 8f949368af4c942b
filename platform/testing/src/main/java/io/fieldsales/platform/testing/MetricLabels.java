package io.fieldsales.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Prometheus scrape ({@code /q/metrics} of the management interface) for unbounded label values: an id
 * (UUID, long number, hex), an email, a raw path with an id in it, free text, or a label with more distinct values
 * than any bounded set of ours has. Each time series a label value creates lives until the service restarts, so an
 * id in a label is a memory leak as well as a data leak.
 */
public final class MetricLabels {

    /** More distinct values than this for one metric's label is no bounded set. */
    public static final int MAX_VALUES_PER_LABEL = 60;

    /** A sample's name and label set; an OpenMetrics exemplar after it ({@code # {trace_id=...}}) is no label. */
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)}\\s+\\S+.*$");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern UUID = Pattern.compile(
            "(?i).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");
    private static final Pattern EMAIL = Pattern.compile(".*[^@\\s]+@[^@\\s]+\\.[a-z]{2,}.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LONG_NUMBER = Pattern.compile(".*\\d{7,}.*");
    private static final Pattern KAFKA_NODE = Pattern.compile("node--?\\d{1,10}");
    private static final Pattern LONG_HEX = Pattern.compile("(?i).*\\b[0-9a-f]{16,}\\b.*");

    private MetricLabels() {
    }

    /** Every metric name of the scrape (without the labels). */
    public static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                // the name ends at its labels or its value, whichever comes first (an exemplar after the value,
                // "# {trace_id=...}", has braces too)
                Matcher name = NAME.matcher(line);
                if (name.lookingAt()) {
                    names.add(name.group());
                }
            }
        }
        return names;
    }

    /** Distinct values per "metric{label}". */
    public static Map<String, Set<String>> valueSets(String scrape) {
        Map<String, Set<String>> sets = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                continue;
            }
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                sets.computeIfAbsent(sample.group(1) + "{" + label.group(1) + "}", k -> new TreeSet<>())
                        .add(label.group(2));
            }
        }
        return sets;
    }

    /** What is unbounded, one line per offending label value or label; empty when every label is bounded. */
    public static List<String> unbounded(String scrape) {
        List<String> problems = new ArrayList<>();
        valueSets(scrape).forEach((label, values) -> {
            if (label.endsWith("{le}") || label.endsWith("{quantile}")) {
                return; // histogram bucket bounds and summary quantiles: fixed by the meter's configuration
            }
            if (values.size() > MAX_VALUES_PER_LABEL) {
                problems.add(label + " has " + values.size() + " distinct values");
            }
            for (String value : values) {
                if (KAFKA_NODE.matcher(value).matches()) {
                    continue; // a broker (its coordinator id is Integer.MAX_VALUE - id): as many as brokers
                }
                String why = UUID.matcher(value).matches() ? "an id"
                        : EMAIL.matcher(value).matches() ? "an email"
                        : LONG_NUMBER.matcher(value).matches() ? "a number"
                        : LONG_HEX.matcher(value).matches() ? "a hex id"
                        : value.length() > 120 ? "free text" : null;
                if (why != null) {
                    problems.add(label + "=\"" + value + "\" is " + why);
                }
            }
        });
        return problems;
    }
}
