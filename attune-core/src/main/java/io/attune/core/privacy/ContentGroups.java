package io.attune.core.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generalises page context before it leaves (TRK-04): a URL, title, referrer, search term or
 * campaign value becomes an opaque, stable content-group id, {@code cg_} and 12 hex digits of a keyed
 * hash — so it never contains a health term, and without the workspace's key it cannot be reversed
 * by hashing guesses.
 *
 * <p>What is hashed: for a URL, the workspace's configured group when one matches its path, else
 * the page's {@link PageClass} and its first path segment that holds no health term (so
 * {@code /anxiety/articles/coping} and {@code /depression/articles/sleep} share a group, and
 * {@code /find-a-therapist?condition=ptsd} falls into the class-only group). The query and fragment
 * never count. For other text: the kind of text and the text itself when it holds no health term,
 * or the kind and the class of term it holds when it does. The query string is dropped, except
 * allow-listed advertising click ids, which {@link #clickIds} hands back separately.
 */
public final class ContentGroups {
    public static final String PREFIX = "cg_";
    public static final Set<String> DEFAULT_CLICK_IDS = Set.of("gclid", "gbraid", "wbraid", "dclid", "fbclid",
            "msclkid", "ttclid", "li_fat_id", "twclid", "sccid", "epik", "yclid");
    private static final Pattern ID_LIKE = Pattern.compile("[0-9]+|[0-9a-f-]{16,}");

    private final KeyedHash key;
    private final PageRules pages;
    private final HealthTerms terms;
    private final List<ContentGroupRule> groups;
    private final Set<String> clickIds;

    public ContentGroups(KeyedHash key, PageRules pages, HealthTerms terms, List<ContentGroupRule> groups,
            Set<String> clickIds) {
        this.key = Objects.requireNonNull(key, "key");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.terms = Objects.requireNonNull(terms, "terms");
        this.groups = List.copyOf(groups);
        this.clickIds = Set.copyOf(clickIds);
    }

    /** Default click ids, no configured groups. */
    public ContentGroups(KeyedHash key, PageRules pages, HealthTerms terms) {
        this(key, pages, terms, List.of(), DEFAULT_CLICK_IDS);
    }

    /** The content group of a page URL or path (also used for referrers). */
    public String ofUrl(String url) {
        UrlParts parts = UrlParts.parse(url);
        for (ContentGroupRule group : groups) {
            if (group.matches(parts)) {
                return id("group\u0000" + group.group());
            }
        }
        return id("page\u0000" + pages.classify(url).wireName() + '\u0000' + firstPlainSegment(parts));
    }

    /**
     * The content group of a title, search term, campaign value or other page text; {@code kind}
     * (the property's name) keeps titles and search terms apart.
     */
    public String ofText(String kind, String text) {
        TermClass found = terms.classify(text);
        String subject = found.isHealth() ? "terms:" + found.name() : String.join(" ", Tokens.of(text));
        return id("text\u0000" + DataDictionary.normalise(kind) + '\u0000' + subject);
    }

    /** The generalised value of a page property: a URL's group for URL properties, else a text's. */
    public String generalise(String property, String value) {
        return PageFields.isUrl(property) ? ofUrl(value) : ofText(property, value);
    }

    /** The allow-listed click ids in the URL's query, by parameter name (lower-case), first value of each. */
    public Map<String, String> clickIds(String url) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : UrlParts.parse(url).query()) {
            String name = parameter.getKey().strip().toLowerCase(java.util.Locale.ROOT);
            if (clickIds.contains(name) && !parameter.getValue().isBlank()) {
                found.putIfAbsent(name, parameter.getValue().strip());
            }
        }
        return found;
    }

    /** Whether {@code value} has the shape of a content-group id. */
    public static boolean isContentGroup(String value) {
        return value != null && value.matches("cg_[0-9a-f]{12}");
    }

    private String firstPlainSegment(UrlParts parts) {
        for (String segment : parts.segments()) {
            if (!terms.mentionsHealth(segment) && !ID_LIKE.matcher(segment).matches()) {
                return segment;
            }
        }
        return "";
    }

    private String id(String subject) {
        return PREFIX + key.hex(subject, 12);
    }
}
