package io.attune.core.consent;

import io.attune.core.event.MessageId;
import io.attune.core.lifecycle.Actor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a lead's consent ledger: a grant or a revocation of consent for a purpose, limited to
 * a channel or not, naming a recipient or not, captured at a time, recorded from a source.
 *
 * <p>A grant carries the verbatim disclosure and how it was captured; it names a recipient when its
 * purpose requires one, and an expiry when its purpose requires one (a sale authorisation expires
 * within a year). A revocation without a channel covers every channel, and one without a recipient
 * covers every recipient (TCPA-04's "revoke-all"); it never expires.
 *
 * @param message the ingested message that carried it; empty when it was entered through the API
 * @param actor who recorded it: the API key or person for the API, {@code system:ingestion} otherwise
 * @param recordedAt when Attune received it
 * @param part2 the §2.31 elements of a Part 2 grant ({@link Part2Elements}); empty for every other entry,
 *     and for a Part 2 grant recorded before they were asked for — which covers no disclosure
 */
public record ConsentRecord(Purpose purpose, Optional<Channel> channel, Optional<Recipient> recipient,
        boolean granted, Optional<Disclosure> disclosure, ConsentSource source, Optional<CaptureMethod> method,
        Instant capturedAt, Optional<Instant> expiresAt, Optional<MessageId> message, Actor actor,
        Instant recordedAt, Evidence evidence, Optional<Part2Elements> part2) {

    /** Who records what ingestion carried. */
    public static final Actor INGESTION = new Actor.System("ingestion");

    public ConsentRecord {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(disclosure, "disclosure");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(part2, "part2");
        if (part2.isPresent() && (!granted || purpose != Purpose.PART2_WRITTEN_CONSENT)) {
            throw new IllegalArgumentException("only a grant of part2_written_consent carries Part 2 elements");
        }
        if (part2.isPresent() && method.filter(Part2Elements.SIGNED::contains).isEmpty()) {
            throw new IllegalArgumentException("a Part 2 consent is signed: e_signature or written");
        }
        if (channel.filter(c -> !purpose.allows(c)).isPresent()) {
            throw new IllegalArgumentException(purpose.wireName() + " cannot be limited to "
                    + channel.get().wireName());
        }
        if (granted) {
            if (disclosure.isEmpty() || method.isEmpty()) {
                throw new IllegalArgumentException("a grant carries its disclosure and how it was captured");
            }
            if (purpose.namesRecipient() && recipient.isEmpty()) {
                throw new IllegalArgumentException("a grant of " + purpose.wireName() + " names its recipient");
            }
            if (purpose.expires() && expiresAt.isEmpty()) {
                throw new IllegalArgumentException("a grant of " + purpose.wireName() + " expires");
            }
            if (expiresAt.filter(end -> !end.isAfter(capturedAt)).isPresent()) {
                throw new IllegalArgumentException("a consent expires after it was captured");
            }
            if (purpose == Purpose.SELL_CHD && expiresAt.filter(end -> end.isAfter(latestSaleExpiry(capturedAt)))
                    .isPresent()) {
                throw new IllegalArgumentException("a sale authorisation expires within a year");
            }
        } else if (expiresAt.isPresent()) {
            throw new IllegalArgumentException("a revocation does not expire");
        }
    }

    /** An entry without Part 2 elements: every entry but a Part 2 grant. */
    public ConsentRecord(Purpose purpose, Optional<Channel> channel, Optional<Recipient> recipient, boolean granted,
            Optional<Disclosure> disclosure, ConsentSource source, Optional<CaptureMethod> method, Instant capturedAt,
            Optional<Instant> expiresAt, Optional<MessageId> message, Actor actor, Instant recordedAt,
            Evidence evidence) {
        this(purpose, channel, recipient, granted, disclosure, source, method, capturedAt, expiresAt, message, actor,
                recordedAt, evidence, Optional.empty());
    }

    /** The latest a sale authorisation captured at {@code capturedAt} may run to (RCW 19.373.070: one year). */
    public static Instant latestSaleExpiry(Instant capturedAt) {
        return capturedAt.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    }

    /** Whether this grant has run out by {@code at}. */
    public boolean expiredAt(Instant at) {
        return expiresAt.filter(end -> !at.isBefore(end)).isPresent();
    }
}
