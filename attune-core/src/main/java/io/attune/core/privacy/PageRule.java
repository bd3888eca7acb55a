package io.attune.core.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One URL rule of TRK-03: pages whose path starts with a prefix ({@code /portal} matches
 * {@code /portal} and {@code /portal/messages}, not {@code /portals}), whose path or query holds a
 * term as whole words ({@code find a therapist} matches {@code /find-a-therapist?x=1}), or whose host
 * starts with a prefix ({@code portal.}), are of {@code pageClass}. Written in settings as
 * {@code prefix:/portal}, {@code term:find-a-therapist} or {@code host:portal.}.
 */
public record PageRule(Match match, String pattern, PageClass pageClass) {

    /** How a rule's pattern is compared with a URL. */
    public enum Match {
        PATH_PREFIX("prefix"), TERM("term"), HOST_PREFIX("host");

        private final String wireName;

        Match(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public PageRule {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(pageClass, "pageClass");
        pattern = pattern.strip().toLowerCase(Locale.ROOT);
        switch (match) {
            case PATH_PREFIX -> {
                if (!pattern.startsWith("/") || UrlParts.parse(pattern).segments().isEmpty()) {
                    throw new IllegalArgumentException("a path prefix starts with '/' and names at least one segment,"
                            + " e.g. /portal");
                }
            }
            case TERM -> {
                if (Tokens.of(pattern).isEmpty()) {
                    throw new IllegalArgumentException("a page term needs at least one letter or digit, e.g. booking");
                }
            }
            case HOST_PREFIX -> {
                if (pattern.isEmpty() || pattern.chars().anyMatch(c -> c == '/' || Character.isWhitespace(c))) {
                    throw new IllegalArgumentException("a host prefix is the start of a host name, e.g. portal.");
                }
            }
            default -> throw new IllegalStateException("unknown match " + match);
        }
    }

    public static PageRule prefix(String path, PageClass pageClass) {
        return new PageRule(Match.PATH_PREFIX, path, pageClass);
    }

    public static PageRule term(String term, PageClass pageClass) {
        return new PageRule(Match.TERM, term, pageClass);
    }

    public static PageRule host(String hostPrefix, PageClass pageClass) {
        return new PageRule(Match.HOST_PREFIX, hostPrefix, pageClass);
    }

    /** Reads {@code prefix:/portal}, {@code term:booking} or {@code host:portal.}; a bad one says what is allowed. */
    public static PageRule parse(String spec, PageClass pageClass) {
        Objects.requireNonNull(spec, "page rule");
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        for (Match match : Match.values()) {
            if (match.wireName().equals(kind)) {
                return new PageRule(match, spec.substring(colon + 1), pageClass);
            }
        }
        throw new IllegalArgumentException("a page rule is prefix:/path, term:words or host:prefix, not '" + spec
                + "'");
    }

    boolean matches(UrlParts url, List<String> words) {
        return switch (match) {
            case PATH_PREFIX -> startsWith(url.segments(), UrlParts.parse(pattern).segments());
            case TERM -> Tokens.containsPhrase(words, Tokens.of(pattern));
            case HOST_PREFIX -> url.host().startsWith(pattern);
        };
    }

    private static boolean startsWith(List<String> segments, List<String> prefix) {
        return segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix);
    }

    @Override
    public String toString() {
        return match.wireName() + ":" + pattern + " -> " + pageClass.wireName();
    }
}
