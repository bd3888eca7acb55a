package io.attune.core.condition;

import java.util.List;
import java.util.Optional;

/**
 * A regex of the shape model authors write for paths — {@code ^/conditions/(anxiety|depression)(/|$)}
 * — matched with plain string tests instead of a regex machine, with the same answer as RE2's
 * partial match: some alternative follows the prefix at the start, and then comes what the tail
 * asks for (anything, a slash, the end, or a slash or the end).
 */
final class AnchoredAlternatives {
    private static final String META = "\\\\.^$|?*+()[]{}";

    private enum Tail { ANYTHING, SLASH, END, SLASH_OR_END }

    private final String prefix;
    private final List<String> alternatives;
    private final Tail tail;

    private AnchoredAlternatives(String prefix, List<String> alternatives, Tail tail) {
        this.prefix = prefix;
        this.alternatives = alternatives;
        this.tail = tail;
    }

    /** The plain form of {@code regex}, or empty when it has any other shape (RE2 then matches it). */
    static Optional<AnchoredAlternatives> parse(String regex) {
        if (!regex.startsWith("^")) {
            return Optional.empty();
        }
        String rest = regex.substring(1);
        Tail tail = Tail.ANYTHING;
        for (String slashOrEnd : List.of("(/|$)", "(?:/|$)")) {
            if (rest.endsWith(slashOrEnd)) {
                tail = Tail.SLASH_OR_END;
                rest = rest.substring(0, rest.length() - slashOrEnd.length());
            }
        }
        if (tail == Tail.ANYTHING && rest.endsWith("$") && !rest.endsWith("\\$")) {
            tail = Tail.END;
            rest = rest.substring(0, rest.length() - 1);
        } else if (tail == Tail.ANYTHING && rest.endsWith("/")) {
            tail = Tail.SLASH;
            rest = rest.substring(0, rest.length() - 1);
        }
        String prefix = rest;
        List<String> alternatives = List.of("");
        if (rest.endsWith(")")) {
            int open = rest.lastIndexOf('(');
            if (open < 0) {
                return Optional.empty();
            }
            String group = rest.substring(open + 1, rest.length() - 1);
            if (group.startsWith("?:")) {
                group = group.substring(2);
            }
            prefix = rest.substring(0, open);
            alternatives = List.of(group.split("\\|", -1));
        }
        if (!plain(prefix) || alternatives.stream().anyMatch(alternative -> !plain(alternative))) {
            return Optional.empty();
        }
        return Optional.of(new AnchoredAlternatives(prefix, alternatives, tail));
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (META.indexOf(c) >= 0 || c > 0x7e || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    boolean test(String text) {
        if (!text.startsWith(prefix)) {
            return false;
        }
        for (String alternative : alternatives) {
            if (text.startsWith(alternative, prefix.length()) && tailHolds(text, prefix.length() + alternative.length())) {
                return true;
            }
        }
        return false;
    }

    private boolean tailHolds(String text, int at) {
        return switch (tail) {
            case ANYTHING -> true;
            case SLASH -> at < text.length() && text.charAt(at) == '/';
            case END -> at == text.length();
            case SLASH_OR_END -> at == text.length() || text.charAt(at) == '/';
        };
    }
}
