package io.attune.server.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the account endpoints. {@code score} is {@code null} when the model scores no accounts. */
public final class AccountBodies {
    private AccountBodies() {
    }

    /** The account score now: fit, the contacts' engagement decayed to now, and committee coverage. */
    public record Score(double fit, double engagement, double coverage, double total, boolean qualifies,
            double fitMin, double threshold) {
    }

    public record AccountSummary(String id, String name, String groupId, String domain, String segment, String model,
            boolean mqa, int contacts, Score score, Instant updatedAt) {
    }

    public record FitLine(String rule, String description, double points) {
    }

    public record EngagedRole(String role, Instant lastEngaged) {
    }

    /** Which buying-committee roles engaged within the coverage window, and which are missing. */
    public record Committee(List<EngagedRole> engaged, List<String> missing) {
    }

    public record Contact(String id, String stage, List<String> roles, double total, boolean qualified) {
    }

    public record AccountDocument(String id, String name, String groupId, String domain, String segment, String model,
            boolean mqa, Instant asOf, Score score, List<FitLine> fit, Committee committee, List<Contact> contacts,
            Map<String, Object> traits, Instant updatedAt) {
    }
}
