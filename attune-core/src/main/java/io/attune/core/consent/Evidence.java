package io.attune.core.consent;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a consent was captured: the page, and the IP address and user agent of the browser. Kept
 * as evidence (TCPA-01 asks for the capture page); never sent to a destination.
 */
public record Evidence(Optional<String> page, Optional<String> ip, Optional<String> userAgent) {
    public static final Evidence NONE = new Evidence(Optional.empty(), Optional.empty(), Optional.empty());
    public static final int MAX_PAGE = 2_000;
    public static final int MAX_IP = 64;
    public static final int MAX_USER_AGENT = 1_000;

    public Evidence {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(userAgent, "userAgent");
        check(page, MAX_PAGE, "page");
        check(ip, MAX_IP, "ip");
        check(userAgent, MAX_USER_AGENT, "user agent");
    }

    private static void check(Optional<String> value, int max, String what) {
        if (value.filter(v -> v.isBlank() || v.length() > max).isPresent()) {
            throw new IllegalArgumentException("the " + what + " is 1-" + max + " characters");
        }
    }

    /** These, with each absent part taken from {@code fallback}. */
    public Evidence orElse(Evidence fallback) {
        return new Evidence(page.or(fallback::page), ip.or(fallback::ip), userAgent.or(fallback::userAgent));
    }
}
