package io.attune.cli.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Synthetic names and email addresses. Every address is unique within one demo: two people
 * sharing one would be one identity to Attune and would be merged.
 */
final class Names {
    private static final List<String> FIRST = List.of(
            "Avery", "Jordan", "Morgan", "Taylor", "Riley", "Casey", "Jamie", "Quinn", "Rowan", "Harper",
            "Maya", "Priya", "Elena", "Sofia", "Amara", "Leah", "Nora", "Grace", "Hana", "Isabel",
            "Marcus", "Daniel", "Andre", "Mateo", "Samuel", "Owen", "Elijah", "Kenji", "Omar", "Tomas",
            "Alicia", "Brianna", "Camila", "Deja", "Fatima", "Gabriela", "Imani", "Jasmine", "Keisha", "Lucia",
            "Aaron", "Benjamin", "Caleb", "Dmitri", "Ethan", "Felix", "Hugo", "Isaac", "Julian", "Luis",
            "Mei", "Nadia", "Olivia", "Paloma", "Rosa", "Sara", "Tamsin", "Valeria", "Wen", "Yara");
    private static final List<String> LAST = List.of(
            "Nguyen", "Patel", "Garcia", "Johnson", "Okafor", "Kim", "Martinez", "Chen", "Williams", "Rossi",
            "Haddad", "Kowalski", "Brown", "Singh", "Lopez", "Anderson", "Tanaka", "Murphy", "Davis", "Hernandez",
            "Ibrahim", "Novak", "Fischer", "Walker", "Reyes", "Baker", "Cohen", "Silva", "Mensah", "Park",
            "Olsen", "Dubois", "Romero", "Moreno", "Foster", "Bennett", "Castillo", "Yamamoto", "Ahmed", "Sullivan",
            "Lindqvist", "Campbell", "Morales", "Price", "Jensen", "Ortiz", "Russo", "Wright", "Adeyemi", "Vargas");
    private static final List<String> FREE_MAIL = List.of(
            "gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com");

    private final Set<String> used = new HashSet<>();

    record Name(String first, String last) {
    }

    Name name(Dice dice) {
        return new Name(dice.pick(FIRST), dice.pick(LAST));
    }

    /** A personal mailbox such as {@code maya.c1987@gmail.com}. */
    String personalEmail(Name name, Dice dice) {
        return personalEmail(name, dice, dice.pick(FREE_MAIL));
    }

    String personalEmail(Name name, Dice dice, String domain) {
        String first = slug(name.first());
        String local = switch (dice.between(0, 2)) {
            case 0 -> first + "." + slug(name.last());
            case 1 -> first + "." + slug(name.last()).charAt(0);
            default -> first + slug(name.last());
        };
        return unique(local + dice.between(1, 9_999), domain);
    }

    /** A work address in the organisation's house style, {@code first.last@} or {@code flast@}. */
    String workEmail(Name name, String domain) {
        String local = Math.floorMod(domain.hashCode(), 3) == 0
                ? slug(name.first()).charAt(0) + slug(name.last())
                : slug(name.first()) + "." + slug(name.last());
        return unique(local, domain);
    }

    private String unique(String local, String domain) {
        String candidate = local + "@" + domain;
        for (int suffix = 2; !used.add(candidate); suffix++) {
            candidate = local + suffix + "@" + domain;
        }
        return candidate;
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
