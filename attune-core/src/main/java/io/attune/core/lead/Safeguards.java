package io.attune.core.lead;

import io.attune.core.consent.ConsentLedger;
import io.attune.core.jurisdiction.Jurisdiction;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What scoring a lead must respect besides its model: the workspace's {@link ScoringGate}, the
 * lead's consent ledger and, for a replay, the jurisdiction known after all its events. The ledger is read only when the gate asks for it (a consumer lead), so
 * that the business segments pay nothing for it.
 */
public final class Safeguards {
    private final ScoringGate gate;
    private final Supplier<ConsentLedger> source;
    private final Optional<Jurisdiction> settled;
    private ConsentLedger consents;

    /** Judges each event by the jurisdiction the lead shows so far. */
    public Safeguards(ScoringGate gate, Supplier<ConsentLedger> consents) {
        this(gate, consents, Optional.empty());
    }

    /** @param settled the jurisdiction every event is judged by, as known after all of them */
    public Safeguards(ScoringGate gate, Supplier<ConsentLedger> consents, Optional<Jurisdiction> settled) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.source = Objects.requireNonNull(consents, "consents");
        this.settled = Objects.requireNonNull(settled, "settled");
    }

    public static Safeguards of(ScoringGate gate, ConsentLedger consents) {
        return new Safeguards(gate, () -> consents);
    }

    public Optional<Jurisdiction> settled() {
        return settled;
    }

    public ScoringGate gate() {
        return gate;
    }

    public ConsentLedger consents() {
        if (consents == null) {
            consents = source.get();
        }
        return consents;
    }
}
