package io.attune.core.rights;

/** The free text a request keeps names staff, grounds and tickets: short, on one line. */
final class Text {
    private Text() {
    }

    static void check(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max || value.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException(name + " must be text of 1-" + max + " characters on one line");
        }
    }
}
