package io.attune.core.erasure;

import io.attune.core.event.Attributes;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffData;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.identity.Digests;
import io.attune.core.lifecycle.Actor;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outbound deletion requests of an erasure: one {@code lead.deleted} message for each destination
 * and lead id it actually received something about, whatever types the destination takes. Each
 * carries only what that destination already holds — the lead id, and the identifier and contact
 * fields of the hand-offs it received, less those its egress policy removed then — and the stage,
 * segment, model and account of the last hand-off it received, so that it can find the record to
 * delete and learns nothing new. Scores and reasons are zero and empty. Pure: the same hand-offs give
 * the same messages with the same ids, so a retried erasure cannot send two.
 */
public final class DeletionNotices {
    /** Who a deletion request comes from, as its {@code actor}. */
    public static final Actor ERASURE = new Actor.System("erasure");
    static final String CAUSE = "erased at a data-subject request";

    private final DataDictionary dictionary;

    public DeletionNotices(DataDictionary dictionary) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    }

    /**
     * A hand-off that left for {@code destination} (its egress decision was sent or redacted, or an
     * attempt was delivered), with the names of the fields its policy {@code removed} then.
     */
    public record Received(DestinationId destination, String subject, HandOffData data, Set<String> removed) {
        public Received {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(data, "data");
            removed = Set.copyOf(removed);
        }
    }

    private record Key(DestinationId destination, String subject) {
    }

    /** The deletion requests for {@code received}, given in the order the hand-offs were written. */
    public List<OutboundMessage> plan(WorkspaceId workspace, List<Received> received, Instant at) {
        Map<Key, Received> last = new LinkedHashMap<>();
        Map<Key, Map<String, Object>> identifiers = new LinkedHashMap<>();
        for (Received handOff : received) {
            Key key = new Key(handOff.destination(), handOff.subject());
            last.put(key, handOff);
            Map<String, Object> fields = identifiers.computeIfAbsent(key, k -> new LinkedHashMap<>());
            handOff.data().fields().asMap().forEach((name, value) -> {
                if (!handOff.removed().contains(name) && identifies(name, value, handOff.data())) {
                    fields.put(name, value);
                }
            });
        }
        List<OutboundMessage> notices = new ArrayList<>(last.size());
        last.forEach((key, handOff) -> {
            HandOffData was = handOff.data();
            HandOffData data = new HandOffData(was.lead(), was.segment(), was.stage(), was.stage(), CAUSE,
                    ERASURE.describe(), was.model(), 0, 0, 0, List.of(), was.account(),
                    Attributes.of(identifiers.get(key)));
            notices.add(new OutboundMessage(id(workspace, key), key.destination(), key.subject(),
                    HandOffType.LEAD_DELETED, at, data));
        });
        return notices;
    }

    private boolean identifies(String name, Object value, HandOffData data) {
        DataClass dataClass = dictionary.classify(name, value, data.segment());
        return dataClass == DataClass.IDENTIFIER || dataClass == DataClass.CONTACT;
    }

    private static String id(WorkspaceId workspace, Key key) {
        return "msg_" + Digests.sha256Hex(workspace.value() + '\u0000' + key.destination().value() + '\u0000'
                + key.subject() + '\u0000' + HandOffType.LEAD_DELETED.wireName()).substring(0, 32);
    }
}
