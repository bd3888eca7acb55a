package io.attune.cli.demo;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's only source of chance: a seeded {@link SplittableRandom}, so that one seed always
 * gives the same people, journeys and message ids.
 */
final class Dice {
    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A new, independent dice; forking per person keeps one person's draws from shifting everyone else's. */
    Dice fork() {
        return new Dice(random.nextLong());
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from {@code low} to {@code high}, both included. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    long between(long low, long high) {
        return low + random.nextLong(high - low + 1);
    }

    /** A pause to the millisecond, as browser clocks report them. */
    Duration seconds(int low, int high) {
        return Duration.ofMillis(between(low * 1_000L, high * 1_000L));
    }

    Duration hours(int low, int high) {
        return Duration.ofMillis(between(low * 3_600_000L, high * 3_600_000L));
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** One option, each as likely as its weight. */
    <T> T weighted(List<Weighted<T>> options) {
        double total = 0;
        for (Weighted<T> option : options) {
            total += option.weight();
        }
        double roll = random.nextDouble() * total;
        for (Weighted<T> option : options) {
            roll -= option.weight();
            if (roll < 0) {
                return option.value();
            }
        }
        return options.get(options.size() - 1).value();
    }

    /** A version-4-shaped UUID, as Segment's SDKs use for message and anonymous ids. */
    String uuid() {
        long high = (random.nextLong() & 0xffff_ffff_ffff_0fffL) | 0x0000_0000_0000_4000L;
        long low = (random.nextLong() & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
        return new java.util.UUID(high, low).toString();
    }

    String hex(int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    /** An option and how likely it is relative to its siblings. */
    record Weighted<T>(T value, double weight) {
        Weighted {
            if (!(weight >= 0)) {
                throw new IllegalArgumentException("a weight must not be negative");
            }
        }

        static <T> Weighted<T> of(T value, double weight) {
            return new Weighted<>(value, weight);
        }
    }
}
