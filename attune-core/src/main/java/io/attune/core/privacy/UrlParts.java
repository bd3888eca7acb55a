package io.attune.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A leniently parsed URL or path: lower-case host, decoded path segments (file extensions such as
 * {@code .php} or {@code .html} dropped, so that {@code index.php} does not read as the level of care
 * "PHP"), and query parameters. Never fails: whatever text it is given, it yields parts.
 */
record UrlParts(String host, List<String> segments, List<Map.Entry<String, String>> query) {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");
    private static final Pattern EXTENSION = Pattern.compile("\\.(?:html?|php\\d?|aspx?|jsp|cfm|xhtml)$");

    static UrlParts parse(String text) {
        String rest = text == null ? "" : text.strip();
        String host = "";
        Matcher scheme = SCHEME.matcher(rest);
        int authority = scheme.find() ? scheme.end() : rest.startsWith("//") ? 2 : -1;
        if (authority >= 0) {
            rest = rest.substring(authority);
            int end = firstOf(rest, "/?#");
            host = hostOf(rest.substring(0, end));
            rest = rest.substring(end);
        }
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int question = rest.indexOf('?');
        String path = question >= 0 ? rest.substring(0, question) : rest;
        String query = question >= 0 ? rest.substring(question + 1) : "";
        return new UrlParts(host, segments(path), parameters(query));
    }

    /** The path, lower-case and decoded, segments joined by {@code /}, starting with {@code /}. */
    String path() {
        return "/" + String.join("/", segments);
    }

    /** The words of the path, and of the query's names and values. */
    List<String> words() {
        List<String> words = new ArrayList<>();
        for (String segment : segments) {
            words.addAll(Tokens.of(segment));
        }
        for (Map.Entry<String, String> parameter : query) {
            words.addAll(Tokens.of(parameter.getKey()));
            words.addAll(Tokens.of(parameter.getValue()));
        }
        return words;
    }

    private static String hostOf(String authority) {
        int at = authority.lastIndexOf('@');
        String host = at >= 0 ? authority.substring(at + 1) : authority;
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/")) {
            String segment = EXTENSION.matcher(Tokens.percentDecoded(raw).strip().toLowerCase(Locale.ROOT))
                    .replaceFirst("");
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static List<Map.Entry<String, String>> parameters(String query) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String pair : query.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals >= 0 ? pair.substring(0, equals) : pair;
            String value = equals >= 0 ? pair.substring(equals + 1) : "";
            parameters.add(Map.entry(decode(name), decode(value)));
        }
        return parameters;
    }

    private static String decode(String text) {
        return Tokens.percentDecoded(text.replace('+', ' '));
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
