package io.attune.core.copy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How copy is written: its text content is what is linted, and positions point back into it. */
public enum CopyFormat {
    TEXT, MARKDOWN, HTML;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code text}, {@code markdown} or {@code html}. */
    public static Optional<CopyFormat> ofWireName(String name) {
        return Arrays.stream(values()).filter(format -> format.wireName().equals(name)).findFirst();
    }

    /** What a file name's extension says: {@code .md}/{@code .markdown}, {@code .html}/{@code .htm}, else text. */
    public static CopyFormat ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return HTML;
        }
        return TEXT;
    }

    Projection project(String source) {
        return switch (this) {
            case TEXT -> Projection.identity(source);
            case MARKDOWN -> MarkdownText.project(source);
            case HTML -> HtmlText.project(source);
        };
    }
}
