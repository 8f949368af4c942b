package io.fieldsales.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names that the alert rules and dashboards of deploy/observability query. */
final class PromQlMetrics {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern EXPR_IN_JSON = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PromQlMetrics() {
    }

    /** The metric names of one PromQL expression. */
    static Set<String> of(String expr) {
        String e = expr.replaceAll("\\\\\"", "\"")
                .replaceAll("\"[^\"]*\"", "\"\"")               // label values
                .replaceAll("\\{[^}]*}", " ")                    // matchers
                .replaceAll("\\[[^]]*]", " ")                    // ranges
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " "); // grouping labels
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            String id = m.group();
            int next = m.end();
            while (next < e.length() && e.charAt(next) == ' ') {
                next++;
            }
            boolean call = next < e.length() && e.charAt(next) == '(';
            boolean number = m.start() > 0 && Character.isDigit(e.charAt(m.start() - 1));
            if (!call && !number && !KEYWORDS.contains(id.toLowerCase())) {
                names.add(id);
            }
        }
        return names;
    }

    /** Every expression of a Prometheus rules file ({@code expr:} on one line or as a block scalar). */
    static List<String> ruleExpressions(Path rules) throws IOException {
        List<String> exprs = new ArrayList<>();
        List<String> lines = Files.readAllLines(rules);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("expr:");
            if (at < 0 || line.trim().startsWith("#")) {
                continue;
            }
            String value = line.substring(at + 5).trim();
            if (value.equals("|") || value.equals(">")) {
                StringBuilder block = new StringBuilder();
                int indent = at;
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                        || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                    block.append(lines.get(++i).trim()).append(' ');
                }
                exprs.add(block.toString());
            } else {
                exprs.add(value);
            }
        }
        return exprs;
    }

    /** Every panel expression of a Grafana dashboard JSON. */
    static List<String> dashboardExpressions(Path dashboard) throws IOException {
        List<String> exprs = new ArrayList<>();
        Matcher m = EXPR_IN_JSON.matcher(Files.readString(dashboard));
        while (m.find()) {
            exprs.add(m.group(1));
        }
        return exprs;
    }
}
