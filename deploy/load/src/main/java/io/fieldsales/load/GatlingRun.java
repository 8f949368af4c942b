package io.fieldsales.load;

import io.gatling.app.Gatling$;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation in this JVM (its HTML report under the results directory) and reads the global
 * figures back from the report's {@code js/stats.js}: requests OK/KO, mean requests per second and the percentiles
 * configured in {@code gatling.conf} (50, 95, 99).
 */
final class GatlingRun {

    private GatlingRun() {
    }

    record Outcome(Figures figures, Path report) {
    }

    static Outcome run(Class<?> simulation, LoadPlan plan, Path resultsDir, String description) throws IOException {
        Files.createDirectories(resultsDir);
        LoadPlan.set(plan);
        long started = System.currentTimeMillis();
        int status = Gatling$.MODULE$.fromArgs(new String[] {
            "--simulation", simulation.getName(),
            "--results-folder", resultsDir.toAbsolutePath().toString(),
            "--run-description", description,
            "--launcher", "fieldsales-load"});
        Path report;
        try (Stream<Path> dirs = Files.list(resultsDir)) {
            report = dirs.filter(Files::isDirectory)
                    .filter(d -> d.toFile().lastModified() >= started - 1000)
                    .filter(d -> Files.exists(d.resolve("js/stats.js")))
                    .max(Comparator.comparingLong(d -> d.toFile().lastModified()))
                    .orElseThrow(() -> new IOException("Gatling (status " + status + ") wrote no report for "
                            + simulation.getSimpleName() + " in " + resultsDir));
        }
        return new Outcome(parse(Files.readString(report.resolve("js/stats.js"))), report);
    }

    /** The first stats block of stats.js is the global one ("All Requests"). */
    static Figures parse(String statsJs) {
        return new Figures((long) number(statsJs, "numberOfRequests", "ok"),
                (long) number(statsJs, "numberOfRequests", "ko"),
                number(statsJs, "meanNumberOfRequestsPerSecond", "total"),
                number(statsJs, "percentiles1", "total"),
                number(statsJs, "percentiles2", "total"),
                number(statsJs, "percentiles3", "total"));
    }

    private static double number(String js, String block, String field) {
        Matcher m = Pattern.compile("\"" + block + "\"\\s*:\\s*\\{([^}]*)}").matcher(js);
        if (!m.find()) {
            throw new IllegalStateException("no " + block + " in Gatling's stats.js");
        }
        Matcher f = Pattern.compile("\"" + field + "\"\\s*:\\s*\"?([-0-9.]+|NaN|-)\"?").matcher(m.group(1));
        if (!f.find()) {
            throw new IllegalStateException("no " + block + "." + field + " in Gatling's stats.js");
        }
        String v = f.group(1);
        return v.equals("-") || v.equals("NaN") ? Double.NaN : Double.parseDouble(v);
    }
}
