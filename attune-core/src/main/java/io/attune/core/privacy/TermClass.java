package io.attune.core.privacy;

/** What the health-term dictionary finds in a text: nothing, a general health term, or a substance-use one. */
public enum TermClass {
    NONE, HEALTH, SUBSTANCE_USE;

    /** The stronger of the two: substance use over health over nothing. */
    public TermClass and(TermClass other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isHealth() {
        return this != NONE;
    }
}
