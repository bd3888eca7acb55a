package io.attune.server.consent;

import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.Channel;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentState;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Part2Elements;
import io.attune.core.consent.Recipient;
import io.attune.core.event.MessageId;
import io.attune.core.identity.LeadId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A lead's consent ledger as the API shows it: where each consent stands now, and every entry verbatim. */
final class ConsentViews {
    private ConsentViews() {
    }

    /** The ledger document; {@code mergedFrom} is the id asked for when it was merged into {@code lead}. */
    record LedgerBody(String lead, String mergedFrom, Instant asOf, List<StateBody> current, List<EntryBody> history) {
    }

    /** Where one consent stands, and the entry that decided it. */
    record StateBody(String purpose, String channel, String recipient, String status, Instant since, Instant expiresAt,
            String source, String version) {
    }

    /** One ledger entry, with the verbatim text and the evidence of its capture. */
    record EntryBody(String purpose, String channel, String recipient, boolean granted, String text, String version,
            String method, String source, Instant capturedAt, Instant expiresAt, Instant recordedAt, String messageId,
            String actor, String page, String ip, String userAgent, Part2Body part2) {
    }

    /** The §2.31 elements of a Part 2 grant, as they were sent. */
    record Part2Body(String patientName, String discloser, String information, String purpose, boolean revocable,
            boolean redisclosureStatement) {
    }

    static LedgerBody ledger(LeadId lead, Optional<LeadId> mergedFrom, ConsentLedger ledger, Instant now) {
        return new LedgerBody(lead.value(), mergedFrom.map(LeadId::value).orElse(null), now,
                ledger.states(now).stream().map(ConsentViews::state).toList(),
                ledger.history().stream().map(ConsentViews::entry).toList());
    }

    private static StateBody state(ConsentState state) {
        ConsentRecord decided = state.decidedBy();
        return new StateBody(state.purpose().wireName(), state.channel().map(Channel::wireName).orElse(null),
                state.recipient().map(Recipient::name).orElse(null), state.status().wireName(), decided.capturedAt(),
                decided.expiresAt().orElse(null), decided.source().wireName(),
                decided.disclosure().flatMap(Disclosure::version).orElse(null));
    }

    static EntryBody entry(ConsentRecord record) {
        return new EntryBody(record.purpose().wireName(), record.channel().map(Channel::wireName).orElse(null),
                record.recipient().map(Recipient::name).orElse(null), record.granted(),
                record.disclosure().map(Disclosure::text).orElse(null),
                record.disclosure().flatMap(Disclosure::version).orElse(null),
                record.method().map(CaptureMethod::wireName).orElse(null), record.source().wireName(),
                record.capturedAt(), record.expiresAt().orElse(null), record.recordedAt(),
                record.message().map(MessageId::value).orElse(null), record.actor().describe(),
                record.evidence().page().orElse(null), record.evidence().ip().orElse(null),
                record.evidence().userAgent().orElse(null), record.part2().map(ConsentViews::part2).orElse(null));
    }

    private static Part2Body part2(Part2Elements elements) {
        return new Part2Body(elements.patientName(), elements.discloser(), elements.information(),
                elements.purpose(), elements.revocable(), elements.redisclosureStatement());
    }
}
