package io.fieldsales.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How much load: {@code smoke} runs every scenario for a few seconds at a low rate (the build's check that the
 * harness still works); otherwise each phase lasts {@code phase} at the rates below.
 *
 * @param scenarios the scenario names to run, in {@link Scenario} order; empty means all
 * @param rate      the arrival rate (requests per second) of the single-request scenarios
 */
public record LoadOptions(boolean smoke, List<String> scenarios, Path resultsDir, Duration phase, int rate,
        int importRows, List<Integer> dayMixLevels) {

    public LoadOptions {
        scenarios = List.copyOf(scenarios);
    }

    public static LoadOptions full(Path resultsDir) {
        return new LoadOptions(false, List.of(), resultsDir, Duration.ofSeconds(20), 300, 10_000,
                List.of(2, 4, 8, 16, 32, 64));
    }

    public static LoadOptions smoke(Path resultsDir) {
        return new LoadOptions(true, List.of(), resultsDir, Duration.ofSeconds(2), 5, 200, List.of(1));
    }

    public LoadOptions withScenarios(List<String> names) {
        return new LoadOptions(smoke, names, resultsDir, phase, rate, importRows, dayMixLevels);
    }

    public LoadOptions withPhase(Duration d) {
        return new LoadOptions(smoke, scenarios, resultsDir, d, rate, importRows, dayMixLevels);
    }

    public LoadOptions withRate(int r) {
        return new LoadOptions(smoke, scenarios, resultsDir, phase, r, importRows, dayMixLevels);
    }

    public boolean runs(Scenario s) {
        return scenarios.isEmpty() || scenarios.contains(s.id());
    }
}
