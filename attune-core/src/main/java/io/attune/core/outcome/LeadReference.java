package io.attune.core.outcome;

import io.attune.core.identity.Identity;
import io.attune.core.identity.LeadId;
import java.util.Objects;

/** How an update names its lead: by Attune's lead id, or by an identity the CRM shares with Attune. */
public sealed interface LeadReference permits LeadReference.ById, LeadReference.ByIdentity {

    /** What kind of reference this is, safe to show: never the value, which may be an email address. */
    String kind();

    record ById(LeadId id) implements LeadReference {
        public ById {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String kind() {
            return "id";
        }
    }

    record ByIdentity(Identity identity) implements LeadReference {
        public ByIdentity {
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public String kind() {
            return identity.kind().wireName();
        }
    }
}
