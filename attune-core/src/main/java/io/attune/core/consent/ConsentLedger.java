package io.attune.core.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's consents: every grant and revocation, and what holds at a given time.
 *
 * <p>The rule: of the entries captured at or before the time asked about that concern the purpose,
 * channel and recipient asked about, the latest decides — by capture time, and for entries captured
 * at the same instant by the order they were recorded in. A grant decides for its own recipient
 * only (a grant that names nobody does not authorise a named seller); a revocation decides for its
 * recipient, or for every recipient when it names none. An entry without a channel concerns every
 * channel; a question without a channel is about any channel, so the latest change on any channel
 * decides it. A deciding grant holds until its expiry.
 */
public final class ConsentLedger {
    public static final ConsentLedger EMPTY = new ConsentLedger(List.of());

    private final List<ConsentRecord> recorded;
    private final List<ConsentRecord> records;

    /** @param recorded the entries in the order they were recorded */
    public ConsentLedger(List<ConsentRecord> recorded) {
        this.recorded = List.copyOf(recorded);
        List<ConsentRecord> ordered = new ArrayList<>(recorded);
        ordered.sort(Comparator.comparing(ConsentRecord::capturedAt)); // stable: recording order within an instant
        this.records = List.copyOf(ordered);
    }

    /** This ledger with {@code later} recorded after its entries. */
    public ConsentLedger with(List<ConsentRecord> later) {
        if (later.isEmpty()) {
            return this;
        }
        List<ConsentRecord> all = new ArrayList<>(recorded);
        all.addAll(later);
        return new ConsentLedger(all);
    }

    /** Every entry, ordered as the rule orders them: by capture time, then as recorded. */
    public List<ConsentRecord> history() {
        return records;
    }

    /**
     * Whether consent for {@code purpose} on {@code channel} naming {@code recipient} holds at {@code at};
     * an empty channel asks about any channel, an empty recipient about any recipient.
     */
    public boolean holds(Purpose purpose, Optional<Channel> channel, Optional<Recipient> recipient, Instant at) {
        return holding(purpose, channel, recipient, at).isPresent();
    }

    /** The grant by which consent holds, as {@link #holds} asks. */
    public Optional<ConsentRecord> holding(Purpose purpose, Optional<Channel> channel, Optional<Recipient> recipient,
            Instant at) {
        if (recipient.isPresent()) {
            return decisive(purpose, channel, recipient, at).filter(grant -> grant.granted() && !grant.expiredAt(at));
        }
        for (Optional<Recipient> named : grantedRecipients(purpose, channel, at)) {
            Optional<ConsentRecord> grant = decisive(purpose, channel, named, at)
                    .filter(found -> found.granted() && !found.expiredAt(at));
            if (grant.isPresent()) {
                return grant;
            }
        }
        return Optional.empty();
    }

    /**
     * Where each consent stands at {@code at}: one state per purpose, channel and recipient granted
     * (a purpose's channels spelled out when the grant named none), and one per channel revoked where
     * nothing was granted.
     */
    public List<ConsentState> states(Instant at) {
        Map<Scope, Boolean> scopes = new LinkedHashMap<>();
        Map<String, Recipient> firstNamed = new LinkedHashMap<>();
        for (ConsentRecord record : records) {
            if (record.capturedAt().isAfter(at)) {
                break;
            }
            // one state per recipient however its name was capitalised: the first spelling shows
            Optional<Recipient> recipient = record.recipient()
                    .map(named -> firstNamed.computeIfAbsent(named.key(), key -> named));
            for (Optional<Channel> channel : channelsOf(record)) {
                scopes.merge(new Scope(record.purpose(), channel, recipient), record.granted(), Boolean::logicalOr);
            }
        }
        List<ConsentState> states = new ArrayList<>();
        scopes.forEach((scope, granted) -> {
            boolean coveredByAGrant = scopes.entrySet().stream().anyMatch(other -> other.getValue()
                    && other.getKey().purpose() == scope.purpose()
                    && other.getKey().channel().equals(scope.channel()));
            if (!granted && coveredByAGrant) {
                return;
            }
            decisive(scope.purpose(), scope.channel(), scope.recipient(), at).ifPresent(decided -> states.add(
                    new ConsentState(scope.purpose(), scope.channel(), scope.recipient(), status(decided, at),
                            decided)));
        });
        states.sort(Comparator.comparing(ConsentState::purpose)
                .thenComparing(state -> state.channel().map(Channel::ordinal).orElse(-1))
                .thenComparing(state -> state.recipient().map(Recipient::name).orElse("")));
        return states;
    }

    private record Scope(Purpose purpose, Optional<Channel> channel, Optional<Recipient> recipient) {
    }

    private static ConsentState.Status status(ConsentRecord decided, Instant at) {
        if (!decided.granted()) {
            return ConsentState.Status.REVOKED;
        }
        return decided.expiredAt(at) ? ConsentState.Status.EXPIRED : ConsentState.Status.GRANTED;
    }

    private static List<Optional<Channel>> channelsOf(ConsentRecord record) {
        if (record.channel().isPresent() || record.purpose().channels().isEmpty()) {
            return List.of(record.channel());
        }
        return record.purpose().channels().stream().sorted().map(Optional::of).toList();
    }

    private Optional<ConsentRecord> decisive(Purpose purpose, Optional<Channel> channel,
            Optional<Recipient> recipient, Instant at) {
        ConsentRecord latest = null;
        for (ConsentRecord record : records) {
            if (record.capturedAt().isAfter(at)) {
                break;
            }
            if (record.purpose() == purpose && concernsChannel(record, channel)
                    && concernsRecipient(record, recipient)) {
                latest = record;
            }
        }
        return Optional.ofNullable(latest);
    }

    private List<Optional<Recipient>> grantedRecipients(Purpose purpose, Optional<Channel> channel, Instant at) {
        List<Optional<Recipient>> named = new ArrayList<>();
        for (ConsentRecord record : records) {
            if (record.capturedAt().isAfter(at)) {
                break;
            }
            if (record.granted() && record.purpose() == purpose && concernsChannel(record, channel)
                    && named.stream().noneMatch(known -> same(known, record.recipient()))) {
                named.add(record.recipient());
            }
        }
        return named;
    }

    private static boolean concernsChannel(ConsentRecord record, Optional<Channel> channel) {
        return record.channel().isEmpty() || channel.isEmpty() || record.channel().equals(channel);
    }

    private static boolean concernsRecipient(ConsentRecord record, Optional<Recipient> recipient) {
        if (!record.granted() && record.recipient().isEmpty()) {
            return true;
        }
        return same(record.recipient(), recipient);
    }

    private static boolean same(Optional<Recipient> left, Optional<Recipient> right) {
        if (left.isEmpty() || right.isEmpty()) {
            return left.isEmpty() && right.isEmpty();
        }
        return left.get().sameAs(right.get());
    }
}
