package io.fieldsales.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one table of a run: a row per measured phase, with CPU seconds per component and ratios to the baselines. */
public final class Report {

    /** One row; {@code figures} may be null for a row that only carries a note (a skipped baseline). */
    public record Row(String scenario, String measure, Figures figures, Map<String, Double> cpu, String ratio,
            String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> components;

    Report(List<String> components) {
        this.components = List.copyOf(components);
    }

    void add(Row row) {
        rows.add(row);
    }

    void replaceAll(List<Row> newRows) {
        rows.clear();
        rows.addAll(newRows);
    }

    void note(String note) {
        notes.add(note);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The scenarios that have at least one row. */
    public List<String> scenarios() {
        return rows.stream().map(Row::scenario).distinct().toList();
    }

    /** A Markdown table (printed and written to results/latest.md). */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | measure | requests | errors | rps | p50 ms | p95 ms | p99 ms | CPU s (")
                .append(String.join(" / ", components)).append(") | ratio / note |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            Figures f = r.figures();
            sb.append("| ").append(r.scenario()).append(" | ").append(r.measure()).append(" | ");
            if (f == null) {
                sb.append(" |  |  |  |  |  | ");
            } else {
                sb.append(f.requests()).append(" | ").append(f.errors())
                        .append(f.errors() > 0 ? String.format(Locale.ROOT, " (%.2f %%)", 100 * f.errorRatio()) : "")
                        .append(" | ").append(num(f.throughput(), 0)).append(" | ").append(num(f.p50(), 1))
                        .append(" | ").append(num(f.p95(), 1)).append(" | ").append(num(f.p99(), 1)).append(" | ");
            }
            if (r.cpu() == null || r.cpu().isEmpty()) {
                sb.append(" | ");
            } else {
                List<String> cells = new ArrayList<>();
                for (String c : components) {
                    cells.add(num(r.cpu().getOrDefault(c, Double.NaN), 1));
                }
                sb.append(String.join(" / ", cells)).append(" | ");
            }
            String tail = r.ratio() == null ? "" : r.ratio();
            if (r.note() != null) {
                tail = tail.isEmpty() ? r.note() : tail + "; " + r.note();
            }
            sb.append(tail).append(" |\n");
        }
        for (String n : notes) {
            sb.append("\n- ").append(n);
        }
        return sb.append('\n').toString();
    }

    static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static Map<String, Double> copy(Map<String, Double> m) {
        return m == null ? null : new LinkedHashMap<>(m);
    }
}
