package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.util.Objects;
import java.util.Optional;

/**
 * One synthetic person of the demo: the segment their journey is written for, what they came to do,
 * how they first arrived, and the organisation they work at (B2B only). Holds no contact details,
 * so it can be printed.
 *
 * @param key a stable name within one demo, e.g. {@code person-0042}
 * @param role their buying-committee role at an in-market account, as the segment's model names it
 */
public record DemoPerson(String key, Segment segment, Persona persona, Channel channel,
        Optional<String> organisation, Optional<String> role) {

    public DemoPerson {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(role, "role");
    }
}
