package io.attune.core.copy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a reader sees of Markdown (CommonMark and the usual extensions: tables, footnotes, task
 * lists): headings, paragraphs, list items, quotes, table cells, link and image text; without
 * markers, URLs, code blocks, HTML tags or link definitions. Footnote references such as
 * {@code [^rct-2024]} stay, because they attach substantiation to a claim. Line by line, the way
 * CommonMark reads blocks; lines inside a paragraph stay joined by their line break, so a phrase
 * wrapped across two lines still reads as one.
 */
final class MarkdownText {
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,}).*");
    private static final Pattern RULE_LINE = Pattern.compile(" {0,3}(([-*_])( *\\2){2,}|=+) *");
    private static final Pattern TABLE_DELIMITER = Pattern.compile(" {0,3}\\|? *:?-+:? *(\\| *:?-+:? *)*\\|? *");
    private static final Pattern LINK_DEFINITION = Pattern.compile(" {0,3}\\[[^\\]^][^\\]]*]:\\s*\\S.*");
    private static final Pattern CONTAINER = Pattern.compile(" {0,3}(> ?|[-*+] +(\\[[ xX]] +)?|\\d{1,9}[.)] +)");
    private static final Pattern HEADING = Pattern.compile(" {0,3}#{1,6}( +|$)");
    private static final Pattern CLOSING_HASHES = Pattern.compile("( +#+)? *$");
    private static final Pattern AUTOLINK = Pattern.compile("<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\\s<>]*|[^\\s<>@]+@[^\\s<>@]+)>");
    private static final Pattern INLINE_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9-]*(\\s[^<>]*)?/?>|<!--.*?-->");

    private final String source;
    private final Projection.Builder text;
    private String fence;

    private MarkdownText(String source) {
        this.source = source;
        this.text = new Projection.Builder(source.length());
    }

    static Projection project(String source) {
        MarkdownText markdown = new MarkdownText(source);
        int start = 0;
        while (start < source.length()) {
            int newline = source.indexOf('\n', start);
            int end = newline < 0 ? source.length() : newline;
            int contentEnd = end > start && source.charAt(end - 1) == '\r' ? end - 1 : end;
            markdown.line(start, contentEnd);
            if (newline >= 0) {
                markdown.text.add('\n', contentEnd, newline + 1);
            }
            start = end + 1;
        }
        return markdown.text.build();
    }

    private void line(int start, int end) {
        String line = source.substring(start, end);
        if (fence != null) {
            if (line.strip().startsWith(fence)) {
                fence = null;
            }
            return;
        }
        Matcher fenceOpens = FENCE.matcher(line);
        if (fenceOpens.matches()) {
            fence = fenceOpens.group(1);
            text.block(start);
            return;
        }
        if (line.isBlank()) {
            text.block(start);
            return;
        }
        if (RULE_LINE.matcher(line).matches() || LINK_DEFINITION.matcher(line).matches()
                || line.contains("|") && line.contains("-") && TABLE_DELIMITER.matcher(line).matches()) {
            text.block(start);
            return;
        }
        int from = start;
        Matcher container = CONTAINER.matcher(source).region(from, end);
        while (container.lookingAt()) {
            text.block(from);
            from = container.end();
            container.region(from, end);
        }
        Matcher heading = HEADING.matcher(source).region(from, end);
        if (!heading.lookingAt()) {
            inline(from, end);
            return;
        }
        // A heading is a block of its own: its last word never runs into the next line.
        text.block(from);
        Matcher closing = CLOSING_HASHES.matcher(source).region(heading.end(), end);
        inline(heading.end(), closing.find() ? closing.start() : end);
        text.block(end);
    }

    /** Inline markup between {@code from} and {@code to}: emphasis, code spans, links, images, tags. */
    private void inline(int from, int to) {
        int i = from;
        while (i < to) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < to && isAsciiPunctuation(source.charAt(i + 1))) {
                text.add(source.charAt(i + 1), i, i + 2);
                i += 2;
            } else if (c == '*' || c == '`' || c == '~' || c == '_' && !insideWord(i, from, to)) {
                i++;
            } else if (c == '|') {
                text.block(i);
                i++;
            } else if (c == '&') {
                i = HtmlText.reference(source, i, to, text);
            } else if (c == '<') {
                i = angle(i, from, to);
            } else if (c == '!' && i + 1 < to && source.charAt(i + 1) == '[') {
                i = link(i + 1, to, true);
            } else if (c == '[' && !(i + 1 < to && source.charAt(i + 1) == '^')) {
                i = link(i, to, false);
            } else {
                text.add(c, i, i + 1);
                i++;
            }
        }
    }

    /** At {@code <}: an autolink or an inline tag (both dropped), else a literal {@code <}. */
    private int angle(int at, int from, int to) {
        Matcher autolink = AUTOLINK.matcher(source).region(at, to);
        if (autolink.lookingAt()) {
            return autolink.end();
        }
        Matcher tag = INLINE_TAG.matcher(source).region(at, to);
        if (tag.lookingAt()) {
            String name = source.substring(at, tag.end()).toLowerCase(Locale.ROOT);
            if (name.startsWith("<q>") || name.startsWith("<q ") || name.startsWith("</q>")) {
                text.addImplied('"', at);
            } else if (name.startsWith("<br")) {
                text.addImplied('\n', at);
            }
            return tag.end();
        }
        text.add('<', at, at + 1);
        return at + 1;
    }

    /**
     * At {@code [}: a link {@code [text](url)} or {@code [text][ref]} keeps its text and drops the
     * destination, an image keeps its alt text; brackets that open neither are text, so citations such
     * as {@code [1]} stay.
     */
    private int link(int open, int to, boolean image) {
        int close = closingBracket(open, to);
        if (close < 0) {
            return literal(image ? open - 1 : open, open + 1);
        }
        int after = close + 1;
        int destinationEnd = -1;
        if (after < to && source.charAt(after) == '(') {
            destinationEnd = closing(after, to, '(', ')');
        } else if (after < to && source.charAt(after) == '[') {
            destinationEnd = closing(after, to, '[', ']');
        }
        if (destinationEnd < 0) {
            return literal(image ? open - 1 : open, open + 1);
        }
        inline(open + 1, close);
        return destinationEnd + 1;
    }

    private int literal(int from, int to) {
        text.addAll(source, from, to);
        return to;
    }

    private int closingBracket(int open, int to) {
        return closing(open, to, '[', ']');
    }

    /** The index of the bracket closing the one at {@code open}, counting nesting; -1 when none on the line. */
    private int closing(int open, int to, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** An underscore between two letters or digits ({@code snake_case}) is text, not emphasis. */
    private boolean insideWord(int at, int from, int to) {
        return at > from && at + 1 < to && Character.isLetterOrDigit(source.charAt(at - 1))
                && Character.isLetterOrDigit(source.charAt(at + 1));
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c > ' ';
    }
}
