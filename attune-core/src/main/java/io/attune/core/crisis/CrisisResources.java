package io.attune.core.crisis;

import java.util.Objects;

/**
 * The crisis resources shown or sent as soon as crisis language is found (CRISIS-02): 911 for
 * immediate danger, the 988 Suicide & Crisis Lifeline by call, text or chat, and the Crisis Text
 * Line. The API and the ingestion response carry {@link #text()} and the structured fields.
 */
public record CrisisResources(String emergencyNumber, String lifelineNumber, String lifelineChat,
        String textLineKeyword, String textLineNumber) {

    /** United States resources, as given in RULES.md §8. */
    public static final CrisisResources US = new CrisisResources("911", "988", "988lifeline.org", "HOME", "741741");

    public CrisisResources {
        requireText(emergencyNumber, "emergencyNumber");
        requireText(lifelineNumber, "lifelineNumber");
        requireText(lifelineChat, "lifelineChat");
        requireText(textLineKeyword, "textLineKeyword");
        requireText(textLineNumber, "textLineNumber");
    }

    /** The message, emergency line first; it never asks anything of the reader. */
    public String text() {
        return "If you are in immediate danger, call " + emergencyNumber + ". You can call or text " + lifelineNumber
                + " or chat at " + lifelineChat + ", 24/7, free and confidential. You can also text "
                + textLineKeyword + " to " + textLineNumber + " to reach the Crisis Text Line.";
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
