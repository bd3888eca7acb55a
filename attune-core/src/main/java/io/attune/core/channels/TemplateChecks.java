package io.attune.core.channels;

import io.attune.core.egress.DestinationKind;
import io.attune.core.handoff.MessageTemplate;
import io.attune.core.privacy.HealthTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The discreet-channel rule (USE-08) for the words an SMS or email destination puts in front of a
 * person: what shows before a message is opened — a sender name, an email's subject, a text's body
 * (its preview) — never names a condition, treatment, service line or program (§14.4), and every text
 * names its sender and says how to stop. An email's body may speak of care: only the person who opens
 * it reads it. Only SMS and email destinations deliver a message.
 */
public final class TemplateChecks {
    private static final Pattern STOP = Pattern.compile("(?i)\\bstop\\b");

    private final HealthTerms terms;

    public TemplateChecks(HealthTerms terms) {
        this.terms = terms;
    }

    /** One thing wrong with a template: the field ({@code sender}, {@code subject}, {@code body}), the rule and why. */
    public record Problem(String field, String rule, String reason) {
    }

    public List<Problem> check(DestinationKind kind, MessageTemplate template) {
        List<Problem> problems = new ArrayList<>();
        if (template.isEmpty()) {
            return problems;
        }
        if (kind != DestinationKind.SMS && kind != DestinationKind.EMAIL) {
            problems.add(new Problem("template", "USE-08", "only sms and email destinations deliver a message"));
            return problems;
        }
        exposed("sender", template.sender(), problems);
        if (kind == DestinationKind.EMAIL) {
            exposed("subject", template.subject(), problems);
            if (template.body().isEmpty()) {
                problems.add(new Problem("body", "USE-08", "an email template needs a body"));
            }
            return problems;
        }
        if (template.subject().isPresent()) {
            problems.add(new Problem("subject", "USE-08", "a text has no subject"));
        }
        exposed("body", template.body(), problems);
        if (template.sender().isEmpty()) {
            problems.add(new Problem("sender", "USE-08", "every text names its sender"));
        }
        if (template.body().filter(body -> STOP.matcher(body).find()).isEmpty()) {
            problems.add(new Problem("body", "USE-08",
                    "every text says how to stop, e.g. \"Reply STOP to opt out\""));
        }
        return problems;
    }

    private void exposed(String field, Optional<String> text, List<Problem> problems) {
        text.filter(terms::mentionsHealth).ifPresent(found -> problems.add(new Problem(field, "USE-08",
                "shows before the message is opened and names care (" + String.join(", ", terms.matches(found))
                        + "): use the neutral brand name and words")));
    }
}
