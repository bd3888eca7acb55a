package io.attune.core.crisis;

import io.attune.core.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which values of an event are free text a person may have written (CRISIS-01): every string value
 * of its properties or traits, nested ones included, except fields known to hold identifiers,
 * addresses, links or technical values, and values that look like an email address or a link. The
 * list errs towards screening too much: a missed crisis is silent, a screened product name is not.
 */
public final class FreeText {
    /** Field names (lower case, without {@code _} and {@code -}) that never hold free text. */
    private static final Set<String> TECHNICAL = Set.of(
            "email", "phone", "mobile", "userid", "anonymousid", "id", "url", "path", "referrer", "href",
            "search", "ip", "useragent", "currency", "locale", "timezone", "language", "segment", "state",
            "country", "city", "zip", "postalcode", "postcode", "firstname", "lastname", "name", "username",
            "title", "company", "domain", "website", "plan", "category", "label", "sku",
            "channel", "source", "medium", "campaign", "content", "term", "gender", "birthday", "age", "type",
            "status", "role", "industry", "employees", "avatar", "createdat", "updatedat", "timestamp");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.)\\S+");
    private static final int MAX_DEPTH = 8;
    /** How many field names' verdicts are remembered: senders use a few dozen, a hostile one could use millions. */
    private static final int NAMES_KEPT = 4_096;
    /** Each field name's verdict, worked out once: every field of every event asks. */
    private static final ConcurrentHashMap<String, Boolean> TECHNICAL_NAMES = new ConcurrentHashMap<>();

    private FreeText() {
    }

    /** The free-text values of an event's properties or traits, in field order. */
    public static List<String> of(Event event) {
        List<String> texts = new ArrayList<>();
        collect(event.attributes().asMap(), texts, 0);
        return texts;
    }

    /** Whether a field of this name holding this value is free text to be screened. */
    public static boolean isFreeText(String field, Object value) {
        if (!(value instanceof String text) || technical(field)) {
            return false;
        }
        String trimmed = text.strip();
        return hasLetter(trimmed) && !EMAIL.matcher(trimmed).matches() && !LINK.matcher(trimmed).matches();
    }

    /** Whether a field may carry free text at all (any string value of it would be screened). */
    public static boolean mayHoldFreeText(String field) {
        return !technical(field);
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean technical(String field) {
        Boolean known = TECHNICAL_NAMES.get(field);
        if (known != null) {
            return known;
        }
        boolean technical = technicalByName(field);
        if (TECHNICAL_NAMES.size() < NAMES_KEPT) {
            TECHNICAL_NAMES.put(field, technical);
        }
        return technical;
    }

    private static boolean technicalByName(String field) {
        String key = field.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        // formId, form_id, FORM-ID: identifiers by name
        boolean identifier = field.endsWith("Id") || field.endsWith("ID") || key.length() > 2 && key.endsWith("id")
                && (field.endsWith("_id") || field.endsWith("-id"));
        return TECHNICAL.contains(key) || key.startsWith("utm") || identifier;
    }

    private static void collect(Object value, String field, List<String> texts, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (!technical(field)) {
                collect(map, texts, depth + 1);
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                collect(item, field, texts, depth + 1);
            }
        } else if (isFreeText(field, value)) {
            texts.add((String) value);
        }
    }

    private static void collect(Map<?, ?> map, List<String> texts, int depth) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            collect(entry.getValue(), String.valueOf(entry.getKey()), texts, depth);
        }
    }
}
