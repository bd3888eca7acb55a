package io.attune.core.erasure;

import io.attune.core.identity.LeadId;
import java.util.List;

/** How an erasure request ended. */
public sealed interface Erasure permits Erasure.Erased, Erasure.AlreadyErased, Erasure.NotFound {

    /** The lead and every lead merged into it ({@code leads}) are gone; the tombstone says what went. */
    record Erased(Tombstone tombstone, List<LeadId> leads) implements Erasure {
        public Erased {
            leads = List.copyOf(leads);
        }
    }

    /** The id was erased before: a retried request changes nothing and is answered from the tombstone. */
    record AlreadyErased(Tombstone tombstone) implements Erasure {
    }

    /** No lead, live, merged away or erased, has this id in the workspace. */
    record NotFound() implements Erasure {
    }
}
