package io.attune.core.ingest;

import io.attune.core.event.Alias;
import io.attune.core.event.Event;
import io.attune.core.event.Identify;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which lead an event is about. The event's identities (user id, anonymous id, an email
 * in identify traits, an alias's previous id) are looked up; when they name several leads, those
 * leads are one person and are merged, unless that would give one lead two user ids (a shared
 * browser or a family email): a user id is one person, so such leads stay apart. An alias is the
 * app saying outright that two ids are one person, so it merges even then.
 */
final class IdentityResolver {

    /** The outcome: the lead (absent when a new one is needed), leads to fold into it, identities to link. */
    record Resolution(Optional<LeadId> lead, List<LeadId> merge, List<Identity> link, Identity seed) {
    }

    Resolution resolve(Event event, LeadBook book) {
        List<Identity> identities = identitiesIn(event, book);
        Map<Identity, LeadId> linked = new LinkedHashMap<>();
        for (Identity identity : identities) {
            book.leadOf(identity).ifPresent(lead -> linked.put(identity, lead));
        }
        Optional<String> userId = Optional.ofNullable(event.header().userId());
        Optional<LeadId> primary = primary(userId, identities, linked, book);
        Set<LeadId> distinct = new LinkedHashSet<>(linked.values());
        if (distinct.size() <= 1) {
            // the common case: one known lead or none; no merge, so no need to read anyone's user ids
            List<Identity> link = identities.stream().filter(identity -> !linked.containsKey(identity)).toList();
            return new Resolution(primary, List.of(), link, identities.get(0));
        }
        Set<String> userIds = new HashSet<>();
        userId.ifPresent(userIds::add);
        primary.ifPresent(lead -> userIds.addAll(userIdsOf(lead, book)));
        Set<LeadId> merge = new LinkedHashSet<>();
        Set<LeadId> apart = new HashSet<>();
        for (LeadId other : distinct) {
            if (primary.isPresent() && other.equals(primary.get()) || merge.contains(other) || apart.contains(other)) {
                continue;
            }
            Set<String> theirs = userIdsOf(other, book);
            // A conflict is a user id the lead would newly gain beside one it has; ids it already
            // holds (an earlier alias gave it two) are no conflict.
            boolean conflict = !userIds.isEmpty() && !theirs.isEmpty() && !userIds.containsAll(theirs);
            if (conflict && !(event instanceof Alias)) {
                apart.add(other);
            } else {
                merge.add(other);
                userIds.addAll(theirs);
            }
        }
        List<Identity> link = new ArrayList<>();
        for (Identity identity : identities) {
            LeadId owner = linked.get(identity);
            if (owner == null || merge.contains(owner)) {
                link.add(identity);
            }
        }
        return new Resolution(primary, List.copyOf(merge), link, identities.get(0));
    }

    private static Optional<LeadId> primary(Optional<String> userId, List<Identity> identities,
            Map<Identity, LeadId> linked, LeadBook book) {
        if (userId.isPresent()) {
            LeadId own = linked.get(new Identity(IdentityKind.USER_ID, userId.get()));
            if (own != null) {
                return Optional.of(own);
            }
        }
        for (Identity identity : identities) {
            LeadId lead = linked.get(identity);
            if (lead == null) {
                continue;
            }
            Set<String> theirs = userIdsOf(lead, book);
            if (userId.isEmpty() || theirs.isEmpty() || theirs.contains(userId.get())) {
                return Optional.of(lead);
            }
        }
        return Optional.empty();
    }

    private static Set<String> userIdsOf(LeadId lead, LeadBook book) {
        Set<String> ids = new HashSet<>();
        for (Identity identity : book.identitiesOf(lead)) {
            if (identity.kind() == IdentityKind.USER_ID) {
                ids.add(identity.value());
            }
        }
        return ids;
    }

    private static List<Identity> identitiesIn(Event event, LeadBook book) {
        List<Identity> identities = new ArrayList<>(event.header().identities());
        if (event instanceof Identify identify) {
            identify.traits().text("email").flatMap(Identity::email).ifPresent(identities::add);
        }
        if (event instanceof Alias alias) {
            Identity asUser = new Identity(IdentityKind.USER_ID, alias.previousId());
            Identity asAnonymous = new Identity(IdentityKind.ANONYMOUS_ID, alias.previousId());
            boolean known = false;
            for (Identity previous : List.of(asUser, asAnonymous)) {
                if (!identities.contains(previous) && book.leadOf(previous).isPresent()) {
                    identities.add(previous);
                    known = true;
                }
            }
            if (!known && !identities.contains(asAnonymous) && !identities.contains(asUser)) {
                identities.add(asAnonymous);
            }
        }
        return identities;
    }
}
