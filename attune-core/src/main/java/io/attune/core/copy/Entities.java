package io.attune.core.copy;

import java.util.Map;

/**
 * Character references shared by HTML and Markdown: numeric ones and the named ones marketing copy
 * uses. An unknown name stays as written, which is what a browser shows.
 */
final class Entities {
    private static final int LONGEST_NAME = 8;
    private static final Map<String, Character> NAMED = Map.ofEntries(
            Map.entry("amp", '&'), Map.entry("lt", '<'), Map.entry("gt", '>'), Map.entry("quot", '"'),
            Map.entry("apos", '\''), Map.entry("nbsp", '\u00a0'), Map.entry("rsquo", '\u2019'),
            Map.entry("lsquo", '\u2018'), Map.entry("rdquo", '\u201d'), Map.entry("ldquo", '\u201c'),
            Map.entry("mdash", '\u2014'), Map.entry("ndash", '\u2013'), Map.entry("hellip", '\u2026'),
            Map.entry("copy", '\u00a9'), Map.entry("reg", '\u00ae'), Map.entry("trade", '\u2122'),
            Map.entry("laquo", '\u00ab'), Map.entry("raquo", '\u00bb'), Map.entry("shy", '\u00ad'),
            Map.entry("middot", '\u00b7'), Map.entry("bull", '\u2022'), Map.entry("percnt", '%'),
            Map.entry("num", '#'), Map.entry("dollar", '$'));

    private Entities() {
    }

    /** A reference decoded: its characters (one, or two for a supplementary code point) and where it ends. */
    record Decoded(String value, int end) {
    }

    /** The reference starting at {@code source[at] == '&'}, or {@code null} when there is none. */
    static Decoded at(String source, int at) {
        int semicolon = source.indexOf(';', at + 1);
        if (semicolon < 0 || semicolon - at - 1 > LONGEST_NAME + 2 || semicolon == at + 1) {
            return null;
        }
        String name = source.substring(at + 1, semicolon);
        if (name.startsWith("#")) {
            return numeric(name.substring(1), semicolon + 1);
        }
        Character named = NAMED.get(name);
        return named == null ? null : new Decoded(String.valueOf(named), semicolon + 1);
    }

    private static Decoded numeric(String digits, int end) {
        boolean hex = digits.startsWith("x") || digits.startsWith("X");
        String number = hex ? digits.substring(1) : digits;
        if (number.isEmpty() || number.length() > 7) {
            return null;
        }
        int codePoint;
        try {
            codePoint = Integer.parseInt(number, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return null;
        }
        if (codePoint <= 0 || codePoint > Character.MAX_CODE_POINT || Character.isSurrogate((char) codePoint)
                && codePoint <= Character.MAX_VALUE) {
            return null;
        }
        return new Decoded(new String(Character.toChars(codePoint)), end);
    }
}
