package io.attune.core.minors;

import io.attune.core.event.Attributes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Reads a lead's age band from what its forms captured (MINOR-01): an explicit {@code age_band}
 * (or {@code ageBand}), an {@code age}, or a birth date ({@code birthday}, {@code dob},
 * {@code date_of_birth}, {@code birthdate}) as of the time asked about. When several say different
 * things, the youngest wins: a minor claimed anywhere is treated as a minor.
 */
public final class AgeScreen {
    private static final List<String> BAND_TRAITS = List.of("age_band", "ageBand");
    private static final List<String> BIRTH_TRAITS = List.of("birthday", "dob", "date_of_birth", "dateOfBirth",
            "birthdate");

    public AgeBand band(Attributes traits, Instant at) {
        AgeBand youngest = null;
        for (String name : BAND_TRAITS) {
            youngest = younger(youngest, traits.text(name).flatMap(AgeBand::fromText));
        }
        youngest = younger(youngest, age(traits.get("age")));
        for (String name : BIRTH_TRAITS) {
            youngest = younger(youngest, traits.text(name).flatMap(text -> fromBirth(text, at)));
        }
        return youngest == null ? AgeBand.UNKNOWN : youngest;
    }

    private static AgeBand younger(AgeBand current, Optional<AgeBand> candidate) {
        if (candidate.isEmpty() || candidate.get() == AgeBand.UNKNOWN) {
            return current;
        }
        return current == null || candidate.get().ordinal() < current.ordinal() ? candidate.get() : current;
    }

    private static Optional<AgeBand> age(Object value) {
        if (value instanceof Number number && number.doubleValue() >= 0 && number.doubleValue() < 150) {
            return Optional.of(AgeBand.ofAge(number.longValue()));
        }
        if (value instanceof String text && text.strip().matches("\\d{1,3}")) {
            return Optional.of(AgeBand.ofAge(Long.parseLong(text.strip())));
        }
        return Optional.empty();
    }

    /** An ISO date, or the date part of an ISO date-time. */
    private static Optional<AgeBand> fromBirth(String text, Instant at) {
        String date = text.strip();
        if (date.length() >= 10) {
            date = date.substring(0, 10);
        }
        try {
            LocalDate born = LocalDate.parse(date);
            LocalDate today = at.atZone(ZoneOffset.UTC).toLocalDate();
            if (born.isAfter(today)) {
                return Optional.empty();
            }
            return Optional.of(AgeBand.ofAge(Period.between(born, today).getYears()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
