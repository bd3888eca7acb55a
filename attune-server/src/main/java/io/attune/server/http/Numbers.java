package io.attune.server.http;

/** How scores appear in responses: two decimals, enough to follow decay without float noise. */
public final class Numbers {
    private Numbers() {
    }

    public static double round(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        // -0.0 reads as a bug to a person looking at a score
        return rounded == 0 ? 0.0 : rounded;
    }
}
