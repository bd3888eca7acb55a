package io.attune.core.ingest;

import io.attune.core.event.Alias;
import io.attune.core.event.Event;
import io.attune.core.event.Identify;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Every identity an event may be resolved by: its user and anonymous ids, the email in identify
 * traits, and an alias's previous id as both a user id and an anonymous id. Storage adapters use
 * it to look identities up for many events at once.
 */
public final class IdentitiesOf {
    private IdentitiesOf() {
    }

    public static List<Identity> event(Event event) {
        List<Identity> identities = new ArrayList<>(event.header().identities());
        if (event instanceof Identify identify) {
            identify.traits().text("email").flatMap(Identity::email).ifPresent(identities::add);
        }
        if (event instanceof Alias alias) {
            identities.add(new Identity(IdentityKind.USER_ID, alias.previousId()));
            identities.add(new Identity(IdentityKind.ANONYMOUS_ID, alias.previousId()));
        }
        return identities;
    }
}
