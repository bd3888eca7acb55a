package io.attune.core.minors;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's age as the minors rules need it (MINOR-01, MINOR-02). {@link #UNKNOWN} is treated as
 * possibly a minor wherever advertising or a sale is concerned.
 */
public enum AgeBand {
    UNDER_13("<13"),
    AGE_13_15("13-15"),
    AGE_16_17("16-17"),
    ADULT("18+"),
    UNKNOWN("unknown");

    private static final Pattern ADULT_RANGE = Pattern.compile("(\\d{1,3})(?:-\\d{1,3}|\\+)");

    private final String wireName;

    AgeBand(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isMinor() {
        return this == UNDER_13 || this == AGE_13_15 || this == AGE_16_17;
    }

    public static AgeBand ofAge(long years) {
        if (years < 13) {
            return UNDER_13;
        }
        if (years < 16) {
            return AGE_13_15;
        }
        return years < 18 ? AGE_16_17 : ADULT;
    }

    /** A band as forms write it: {@code <13}, {@code under 13}, {@code 13-15}, {@code 16-17}, {@code 18+}, {@code adult}… */
    public static Optional<AgeBand> fromText(String text) {
        String band = text.strip().toLowerCase(Locale.ROOT).replace('–', '-').replace(" ", "");
        return switch (band) {
            case "<13", "under13", "0-12", "12orunder", "child" -> Optional.of(UNDER_13);
            case "13-15" -> Optional.of(AGE_13_15);
            case "16-17" -> Optional.of(AGE_16_17);
            case "13-17", "teen", "minor", "under18", "<18" -> Optional.of(AGE_13_15);
            case "18+", "adult", "18orover", "18andover", ">=18", "over18" -> Optional.of(ADULT);
            case "unknown" -> Optional.of(UNKNOWN);
            default -> adultRange(band);
        };
    }

    /** Adult ranges such as {@code 18-24} or {@code 65+}. */
    private static Optional<AgeBand> adultRange(String band) {
        Matcher range = ADULT_RANGE.matcher(band);
        if (range.matches() && Integer.parseInt(range.group(1)) >= 18) {
            return Optional.of(ADULT);
        }
        return Optional.empty();
    }
}
