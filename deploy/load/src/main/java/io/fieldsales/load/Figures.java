package io.fieldsales.load;

/**
 * The figures of one measured phase: requests answered as expected ({@code ok}) and not ({@code errors}),
 * throughput, and latency percentiles in milliseconds ({@code NaN} when not measured, e.g. pgbench's percentiles).
 */
public record Figures(long ok, long errors, double throughput, double p50, double p95, double p99) {

    public long requests() {
        return ok + errors;
    }

    public double errorRatio() {
        return requests() == 0 ? 0 : (double) errors / requests();
    }
}
