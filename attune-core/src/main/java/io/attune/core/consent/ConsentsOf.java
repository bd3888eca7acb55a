package io.attune.core.consent;

import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.Identify;
import io.attune.core.event.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The consent changes an ingested event carries:
 *
 * <ul>
 *   <li>identify with {@code traits.consent}: an object of purposes, each one entry or a list of
 *       entries ({@link ConsentEntries});</li>
 *   <li>track {@code Consent Updated}: one entry, its {@code purpose} among the properties;</li>
 *   <li>track {@code SMS Received} with the message in {@code properties.body} (or {@code text}):
 *       a request to stop ({@link OptOutRequests}) revokes {@code tcpa_pewc} on every channel for
 *       every recipient (TCPA-04 revoke-all);</li>
 *   <li>track {@code Email Received} with {@code properties.subject} and {@code body} (or
 *       {@code text}): a request to stop revokes {@code email_marketing} as well.</li>
 * </ul>
 *
 * Event names are matched ignoring case. Reading is deterministic: the same event always gives
 * the same changes, which is what lets a rebuild re-derive the ledger from the log.
 */
public final class ConsentsOf {
    public static final String TRAIT = "consent";
    public static final String CONSENT_UPDATED = "Consent Updated";
    public static final String SMS_RECEIVED = "SMS Received";
    public static final String EMAIL_RECEIVED = "Email Received";

    private ConsentsOf() {
    }

    public static ConsentReading event(Event event) {
        if (event instanceof Identify identify && identify.traits().has(TRAIT)) {
            return ConsentEntries.byPurpose(identify.traits().get(TRAIT), "traits." + TRAIT,
                    origin(event, ConsentSource.IDENTIFY));
        }
        if (!(event instanceof Track track)) {
            return ConsentReading.NONE;
        }
        String name = track.event();
        if (name.equalsIgnoreCase(CONSENT_UPDATED)) {
            return ConsentEntries.named(track.properties().asMap(), "properties", origin(event, ConsentSource.TRACK));
        }
        if (name.equalsIgnoreCase(SMS_RECEIVED)) {
            return inboundText(track);
        }
        if (name.equalsIgnoreCase(EMAIL_RECEIVED)) {
            return inboundEmail(track);
        }
        return ConsentReading.NONE;
    }

    /** Identify traits without the consents they carry: those go to the ledger, not onto the lead. */
    public static Attributes withoutConsent(Attributes traits) {
        return traits.has(TRAIT) ? traits.with(TRAIT, null) : traits;
    }

    private static ConsentReading inboundText(Track track) {
        List<ConsentProblem> problems = new ArrayList<>();
        Optional<String> body = message(track.properties(), problems, "body", "text");
        if (!problems.isEmpty() || body.isEmpty() || !OptOutRequests.inText(body.get())) {
            return new ConsentReading(List.of(), problems);
        }
        ConsentEntries.Origin origin = origin(track, ConsentSource.INBOUND_SMS);
        return new ConsentReading(List.of(revocation(Purpose.TCPA_PEWC, body.get(), CaptureMethod.SMS_REPLY, origin)),
                problems);
    }

    private static ConsentReading inboundEmail(Track track) {
        List<ConsentProblem> problems = new ArrayList<>();
        Optional<String> subject = message(track.properties(), problems, "subject");
        Optional<String> body = message(track.properties(), problems, "body", "text");
        if (!problems.isEmpty() || !OptOutRequests.inEmail(subject.orElse(null), body.orElse(null))) {
            return new ConsentReading(List.of(), problems);
        }
        String reply = body.map(OptOutRequests::replyPart).filter(OptOutRequests::inText)
                .orElseGet(() -> subject.orElseThrow());
        ConsentEntries.Origin origin = origin(track, ConsentSource.INBOUND_EMAIL);
        return new ConsentReading(List.of(revocation(Purpose.TCPA_PEWC, reply, CaptureMethod.EMAIL_REPLY, origin),
                revocation(Purpose.EMAIL_MARKETING, reply, CaptureMethod.EMAIL_REPLY, origin)), problems);
    }

    /** The first of {@code names} the properties hold; present but not text is a problem. */
    private static Optional<String> message(Attributes properties, List<ConsentProblem> problems, String... names) {
        for (String name : names) {
            Object value = properties.get(name);
            if (value == null) {
                continue;
            }
            if (!(value instanceof String text)) {
                problems.add(new ConsentProblem("properties." + name, "must be text"));
                return Optional.empty();
            }
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }

    /** A revoke-all: every channel, every recipient, in the person's own words. */
    private static ConsentRecord revocation(Purpose purpose, String words, CaptureMethod method,
            ConsentEntries.Origin origin) {
        String kept = words.length() > Disclosure.MAX_TEXT ? words.substring(0, Disclosure.MAX_TEXT) : words;
        return new ConsentRecord(purpose, Optional.empty(), Optional.empty(), false,
                Optional.of(new Disclosure(kept, Optional.empty())), origin.source(), Optional.of(method), origin.at(),
                Optional.empty(), origin.message(), origin.actor(), origin.receivedAt(), origin.evidence());
    }

    private static ConsentEntries.Origin origin(Event event, ConsentSource source) {
        Instant received = event.header().receivedAt();
        Instant at = event.timestamp().isAfter(received) ? received : event.timestamp();
        return new ConsentEntries.Origin(source, at, received, Optional.of(event.messageId()),
                ConsentRecord.INGESTION, evidence(event.header().context()));
    }

    /** The capture page, IP address and user agent of a message's context, where they fit. */
    private static Evidence evidence(Attributes context) {
        Optional<String> page = context.nested("page").flatMap(p -> p.text("url"))
                .filter(url -> url.length() <= Evidence.MAX_PAGE);
        Optional<String> ip = context.text("ip").filter(value -> value.length() <= Evidence.MAX_IP);
        Optional<String> userAgent = context.text("userAgent")
                .filter(value -> value.length() <= Evidence.MAX_USER_AGENT);
        return new Evidence(page, ip, userAgent);
    }
}
