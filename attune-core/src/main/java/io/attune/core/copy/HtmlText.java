package io.attune.core.copy;

import java.util.Locale;
import java.util.Set;

/**
 * The text a reader sees of an HTML page or fragment: element content and image {@code alt} text
 * (what a screen reader says for a badge such as a "HIPAA certified" seal), without tags, comments,
 * scripts or styles, with character references decoded. Block elements break the text so that a
 * phrase never runs from a heading into the paragraph after it; inline elements do not
 * ({@code only <b>2</b> beds left} reads "only 2 beds left"). Lenient like a browser: markup that
 * does not parse is text.
 */
final class HtmlText {
    private static final Set<String> SKIPPED = Set.of("script", "style", "template", "svg", "math", "iframe",
            "object", "noframes");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "button",
            "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "label", "legend", "li",
            "main", "nav", "ol", "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td",
            "textarea", "tfoot", "th", "thead", "title", "tr", "ul");

    private final String source;
    private final Projection.Builder text;
    private int at;

    private HtmlText(String source) {
        this.source = source;
        this.text = new Projection.Builder(source.length());
    }

    static Projection project(String source) {
        HtmlText html = new HtmlText(source);
        html.read();
        return html.text.build();
    }

    private void read() {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '<' && markup()) {
                continue;
            }
            if (c == '&') {
                at = reference(source, at, source.length(), text);
                continue;
            }
            text.add(c, at, at + 1);
            at++;
        }
    }

    /** Reads the markup at {@code <}: a comment, a declaration or a tag; false when it is text. */
    private boolean markup() {
        if (source.startsWith("<!--", at)) {
            at = after("-->", at + 4);
            return true;
        }
        if (source.startsWith("<!", at) || source.startsWith("<?", at)) {
            at = after(">", at + 2);
            return true;
        }
        boolean closing = source.startsWith("</", at);
        int nameStart = at + (closing ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < source.length() && (Character.isLetterOrDigit(source.charAt(nameEnd))
                || source.charAt(nameEnd) == '-')) {
            nameEnd++;
        }
        if (nameEnd == nameStart || !Character.isLetter(source.charAt(nameStart))) {
            return false;
        }
        Tag tag = tag(nameEnd);
        if (tag == null) {
            return false;
        }
        String name = source.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        int tagStart = at;
        at = tag.end();
        if (closing) {
            closed(name, tagStart);
        } else {
            opened(name, tag, tagStart);
        }
        return true;
    }

    private void opened(String name, Tag tag, int tagStart) {
        if (SKIPPED.contains(name)) {
            int close = source.toLowerCase(Locale.ROOT).indexOf("</" + name, at);
            at = close < 0 ? source.length() : after(">", close);
            text.block(tagStart);
        } else if (BLOCKS.contains(name)) {
            text.block(tagStart);
        } else if (name.equals("br")) {
            text.addImplied('\n', tagStart);
        } else if (name.equals("q")) {
            text.addImplied('"', tagStart);
        } else if (name.equals("img") && tag.altStart() >= 0) {
            text.block(tagStart);
            for (int i = tag.altStart(); i < tag.altEnd(); ) {
                i = source.charAt(i) == '&' ? reference(source, i, tag.altEnd(), text) : add(i);
            }
            text.block(tag.end());
        }
    }

    private void closed(String name, int tagStart) {
        if (BLOCKS.contains(name)) {
            text.block(tagStart);
        } else if (name.equals("q")) {
            text.addImplied('"', tagStart);
        }
    }

    private int add(int i) {
        text.add(source.charAt(i), i, i + 1);
        return i + 1;
    }

    /** Where a tag's attributes end and, for an image, where its {@code alt} value lies. */
    private record Tag(int end, int altStart, int altEnd) {
    }

    /** The rest of a tag after its name: attributes, quoted values that may hold {@code >}, the end. */
    private Tag tag(int from) {
        int i = from;
        int altStart = -1;
        int altEnd = -1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '>') {
                return new Tag(i + 1, altStart, altEnd);
            }
            if (c == '<') {
                return null;
            }
            if (Character.isLetter(c)) {
                int nameStart = i;
                while (i < source.length() && !Character.isWhitespace(source.charAt(i))
                        && "=>/".indexOf(source.charAt(i)) < 0) {
                    i++;
                }
                String attribute = source.substring(nameStart, i).toLowerCase(Locale.ROOT);
                int j = skipSpaces(i);
                if (j < source.length() && source.charAt(j) == '=') {
                    j = skipSpaces(j + 1);
                    int valueStart;
                    int valueEnd;
                    if (j < source.length() && (source.charAt(j) == '"' || source.charAt(j) == '\'')) {
                        int close = source.indexOf(source.charAt(j), j + 1);
                        if (close < 0) {
                            return null;
                        }
                        valueStart = j + 1;
                        valueEnd = close;
                        i = close + 1;
                    } else {
                        valueStart = j;
                        while (j < source.length() && !Character.isWhitespace(source.charAt(j))
                                && source.charAt(j) != '>') {
                            j++;
                        }
                        valueEnd = j;
                        i = j;
                    }
                    if (attribute.equals("alt")) {
                        altStart = valueStart;
                        altEnd = valueEnd;
                    }
                }
                continue;
            }
            i++;
        }
        return null;
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Just after the next {@code marker} from {@code from}, or the end of the source. */
    private int after(String marker, int from) {
        int found = source.indexOf(marker, from);
        return found < 0 ? source.length() : found + marker.length();
    }

    /**
     * Adds the character reference at {@code source[at] == '&'} (not past {@code limit}) to
     * {@code text}, or the {@code &} itself when it starts none, and says where reading goes on.
     */
    static int reference(String source, int at, int limit, Projection.Builder text) {
        Entities.Decoded decoded = Entities.at(source, at);
        if (decoded == null || decoded.end() > limit) {
            text.add('&', at, at + 1);
            return at + 1;
        }
        for (int i = 0; i < decoded.value().length(); i++) {
            text.add(decoded.value().charAt(i), at, decoded.end());
        }
        return decoded.end();
    }
}
