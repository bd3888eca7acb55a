package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An organisation B2B demo people work at, with the group traits its CRM would send.
 *
 * @param type what kind of organisation it is: an account type the models read ({@code health_plan},
 *     {@code primary_care_practice}, {@code ccbhc}, …) or {@code employer}, {@code brokerage},
 *     {@code competitor}, {@code vendor}, {@code university}
 * @param personalMailboxes whether its staff often write from personal addresses (small practices
 *     and nonprofits do)
 * @param strongFit whether it is the kind of account the segment's model is written to find, so
 *     that in-market accounts are picked among them
 */
record Organisation(String groupId, String name, String domain, Segment segment, String type,
        Map<String, Object> traits, boolean personalMailboxes, boolean strongFit) {

    Organisation {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(type, "type");
        traits = Collections.unmodifiableMap(new LinkedHashMap<>(traits));
    }

    /** Whether people here are the segment's buyers, rather than students, sellers or competitors. */
    boolean isProspect() {
        return !(type.equals("competitor") || type.equals("vendor") || type.equals("university"));
    }

    Object trait(String key) {
        return traits.get(key);
    }
}
