package io.attune.core.model;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Qualification by grade × score instead of one threshold: fit gives a grade A–D (A when fit ≥
 * {@code fitA}, and so on; D below {@code fitC}), engagement a band 1–4 (1 when engagement ≥
 * {@code engagement1}; 4 below {@code engagement3}); the lead qualifies when its cell, e.g. "B1",
 * is one of {@code qualifying}.
 */
public record GradeMatrix(
        double fitA, double fitB, double fitC,
        double engagement1, double engagement2, double engagement3,
        Set<String> qualifying) {
    private static final Pattern CELL = Pattern.compile("[A-D][1-4]");

    public GradeMatrix {
        Objects.requireNonNull(qualifying, "qualifying");
        qualifying = Set.copyOf(qualifying);
        if (!(fitA > fitB && fitB > fitC)) {
            throw new IllegalArgumentException("grade cut-offs must fall: A > B > C");
        }
        if (!(engagement1 > engagement2 && engagement2 > engagement3)) {
            throw new IllegalArgumentException("engagement cut-offs must fall: 1 > 2 > 3");
        }
        if (qualifying.isEmpty()) {
            throw new IllegalArgumentException("name at least one qualifying cell, e.g. A1");
        }
        for (String cell : qualifying) {
            if (!CELL.matcher(cell).matches()) {
                throw new IllegalArgumentException("qualifying cells look like A1 … D4, not " + cell);
            }
        }
    }

    public char grade(double fit) {
        if (fit >= fitA) {
            return 'A';
        }
        if (fit >= fitB) {
            return 'B';
        }
        return fit >= fitC ? 'C' : 'D';
    }

    public int band(double engagement) {
        if (engagement >= engagement1) {
            return 1;
        }
        if (engagement >= engagement2) {
            return 2;
        }
        return engagement >= engagement3 ? 3 : 4;
    }

    public String cell(double fit, double engagement) {
        return String.valueOf(grade(fit)) + band(engagement);
    }

    public boolean qualifies(double fit, double engagement) {
        return qualifying.contains(cell(fit, engagement));
    }
}
