package io.attune.core.channels;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * The calling window of TCPA-02: marketing texts and calls only from 08:00 to 20:00 local time, in
 * every time zone the person might be in (the strictest state laws, Florida's, Oklahoma's and
 * Maryland's, allow 8 to 8). Outside it a message is held until the window opens in all of them.
 */
public final class QuietHours {
    static final LocalTime OPENS = LocalTime.of(8, 0);
    static final LocalTime CLOSES = LocalTime.of(20, 0);
    /** Enough rounds for any set of zones a day apart at most; no window found means the zones never overlap. */
    private static final int MAX_ROUNDS = 64;

    /**
     * When the window next opens in all of {@code zones}: empty when it is open now.
     *
     * @throws IllegalArgumentException when the zones' windows never overlap
     */
    public Optional<Instant> heldUntil(Set<ZoneId> zones, Instant now) {
        Instant candidate = now;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant latest = candidate;
            for (ZoneId zone : zones) {
                Instant opens = nextOpening(zone, candidate);
                if (opens.isAfter(latest)) {
                    latest = opens;
                }
            }
            if (latest.equals(candidate)) {
                return candidate.equals(now) ? Optional.empty() : Optional.of(candidate);
            }
            candidate = latest;
        }
        throw new IllegalArgumentException("the calling windows of " + zones + " never overlap");
    }

    /** {@code at} when the window is open in {@code zone} then, otherwise the next 08:00 there. */
    private static Instant nextOpening(ZoneId zone, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(OPENS) && time.isBefore(CLOSES)) {
            return at;
        }
        ZonedDateTime opening = local.with(OPENS);
        if (!time.isBefore(CLOSES)) {
            opening = local.plusDays(1).with(OPENS);
        }
        return opening.toInstant();
    }
}
