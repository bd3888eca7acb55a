package io.attune.core.lead;

import io.attune.core.consent.ConsentLedger;
import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.privacy.DataDictionary;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What scoring a lead must respect besides its model: the workspace's {@link ScoringGate}, the
 * workspace's data dictionary (which traits are sensitive or substance use, and so kept from the
 * rules), the lead's consent ledger and, for a replay, the jurisdiction known after all its events.
 * The ledger is read only when the gate asks for it (a consumer lead), so that the business
 * segments pay nothing for it.
 */
public final class Safeguards {
    private final ScoringGate gate;
    private final DataDictionary dictionary;
    private final Supplier<ConsentLedger> source;
    private final Optional<Jurisdiction> settled;
    private ConsentLedger consents;

    /** Judges each event by the jurisdiction the lead shows so far. */
    public Safeguards(ScoringGate gate, DataDictionary dictionary, Supplier<ConsentLedger> consents) {
        this(gate, dictionary, consents, Optional.empty());
    }

    /** @param settled the jurisdiction every event is judged by, as known after all of them */
    public Safeguards(ScoringGate gate, DataDictionary dictionary, Supplier<ConsentLedger> consents,
            Optional<Jurisdiction> settled) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.source = Objects.requireNonNull(consents, "consents");
        this.settled = Objects.requireNonNull(settled, "settled");
    }

    public static Safeguards of(ScoringGate gate, DataDictionary dictionary, ConsentLedger consents) {
        return new Safeguards(gate, dictionary, () -> consents);
    }

    public Optional<Jurisdiction> settled() {
        return settled;
    }

    public ScoringGate gate() {
        return gate;
    }

    public DataDictionary dictionary() {
        return dictionary;
    }

    public ConsentLedger consents() {
        if (consents == null) {
            consents = source.get();
        }
        return consents;
    }
}
