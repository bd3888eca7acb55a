package io.attune.core.privacy;

import java.util.Set;

/**
 * Which page-context properties are URLs: the page's own location (which decides its class, TRK-03)
 * and the referrer. Names compare case- and separator-insensitively, as in {@link DataDictionary}.
 */
public final class PageFields {
    private static final Set<String> LOCATION = Set.of("url", "pageurl", "href", "path", "pagepath", "canonicalurl",
            "pagelocation");
    private static final Set<String> REFERRER = Set.of("referrer", "referer", "referringurl", "pagereferrer",
            "documentreferrer");

    private PageFields() {
    }

    /** Whether the property names the page's own URL or path. */
    public static boolean isPageLocation(String name) {
        return LOCATION.contains(DataDictionary.normalise(name));
    }

    /** Whether the property's value is a URL or a path: the page's location or its referrer. */
    public static boolean isUrl(String name) {
        String normalised = DataDictionary.normalise(name);
        return LOCATION.contains(normalised) || REFERRER.contains(normalised);
    }
}
