package io.attune.core.copy;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One phrase a check looks for, written as a regular expression over lower-case text in which a
 * space matches any run of spaces and line breaks (but never a break between blocks), and which
 * matches whole words only ({@code " ?"} is an optional space): {@code only (\d+|two|three) beds? left} finds "Only 2 beds
 * left" and "only two\nbeds left", not "commonly 2 beds left". Curly quotes read as straight ones,
 * en and em dashes as {@code —}.
 */
public record Phrase(String written, Pattern pattern) {
    public Phrase {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * @throws IllegalArgumentException naming the phrase when it is not a valid regular expression
     *     or matches the empty text
     */
    public static Phrase of(String written) {
        if (written == null || written.isBlank()) {
            throw new IllegalArgumentException("a phrase must not be blank");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + spacesAsWhitespace(written.strip())
                    + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the phrase \"" + written + "\" is not a valid regular expression: "
                    + e.getDescription(), e);
        }
        if (pattern.matcher("").find()) {
            throw new IllegalArgumentException("the phrase \"" + written + "\" matches empty text");
        }
        return new Phrase(written, pattern);
    }

    /** Spaces outside character classes become {@code \s+}; escapes and classes are kept as written. */
    private static String spacesAsWhitespace(String written) {
        StringBuilder regex = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '\\' && i + 1 < written.length()) {
                regex.append(c).append(written.charAt(++i));
            } else if (c == '[') {
                inClass = true;
                regex.append(c);
            } else if (c == ']') {
                inClass = false;
                regex.append(c);
            } else if (c == ' ' && !inClass) {
                while (i + 1 < written.length() && written.charAt(i + 1) == ' ') {
                    i++;
                }
                boolean optional = i + 1 < written.length() && written.charAt(i + 1) == '?';
                if (optional) {
                    i++;
                }
                regex.append(optional ? "\\s*" : "\\s+");
            } else {
                regex.append(c);
            }
        }
        return regex.toString();
    }
}
