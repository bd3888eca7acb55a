package io.attune.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long sales has to accept or reject an MQL, in business time on the workspace's calendar.
 * The default is 24 business hours (three working days of eight hours).
 */
public record SalesSla(Duration businessTime, BusinessCalendar calendar) {
    public static final SalesSla DEFAULT = new SalesSla(Duration.ofHours(24), BusinessCalendar.DEFAULT);

    public SalesSla {
        Objects.requireNonNull(calendar, "calendar");
        if (businessTime.compareTo(Duration.ofMinutes(1)) < 0 || businessTime.compareTo(Duration.ofHours(2000)) > 0) {
            throw new IllegalArgumentException("the sales SLA must be between 1 minute and 2,000 business hours");
        }
    }

    /** When an MQL that qualified at {@code qualifiedAt} is overdue. */
    public Instant dueAt(Instant qualifiedAt) {
        return calendar.plus(qualifiedAt, businessTime);
    }
}
