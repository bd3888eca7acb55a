package io.attune.core.lifecycle;

import java.util.Objects;
import java.util.Optional;

/**
 * What sales tells Attune about a lead it was handed; and the one action that is not sales': a
 * clinician clearing a crisis hold ({@link ClearCrisis}).
 */
public sealed interface SalesAction
        permits SalesAction.Accept, SalesAction.Reject, SalesAction.ConvertToOpportunity, SalesAction.Won,
        SalesAction.Lost, SalesAction.ClearCrisis {

    /** The stage the action moves the lead to. */
    Stage target();

    String wireName();

    /** Sales accepted the MQL and confirmed budget, authority, need and timeline: an SQL. */
    record Accept(Bant bant) implements SalesAction {
        public Accept {
            Objects.requireNonNull(bant, "bant");
        }

        @Override
        public Stage target() {
            return Stage.SQL;
        }

        @Override
        public String wireName() {
            return "accept";
        }
    }

    /** Sales rejected the lead for a reason; "not now" reasons recycle it, "never" ones disqualify it. */
    record Reject(RejectionReason reason, Optional<String> note) implements SalesAction {
        public static final int MAX_NOTE = 1_000;

        public Reject {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(note, "note");
            if (note.isPresent() && note.get().length() > MAX_NOTE) {
                throw new IllegalArgumentException("a note is at most " + MAX_NOTE + " characters");
            }
            if (reason == RejectionReason.OTHER && note.filter(text -> !text.isBlank()).isEmpty()) {
                throw new IllegalArgumentException("a rejection for reason other needs a note saying why");
            }
        }

        @Override
        public Stage target() {
            return reason.leadsTo();
        }

        @Override
        public String wireName() {
            return "reject";
        }
    }

    /** An opportunity was opened for the SQL. */
    record ConvertToOpportunity(Optional<Money> amount) implements SalesAction {
        public ConvertToOpportunity {
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public Stage target() {
            return Stage.OPPORTUNITY;
        }

        @Override
        public String wireName() {
            return "opportunity";
        }
    }

    /** The opportunity was won: the lead is a customer. */
    record Won(Optional<Money> amount) implements SalesAction {
        public Won {
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public Stage target() {
            return Stage.CUSTOMER;
        }

        @Override
        public String wireName() {
            return "won";
        }
    }

    /** The opportunity was lost; the lead is recycled and may come back. */
    record Lost(Optional<String> reason) implements SalesAction {
        public Lost {
            Objects.requireNonNull(reason, "reason");
            if (reason.isPresent() && reason.get().length() > Reject.MAX_NOTE) {
                throw new IllegalArgumentException("a reason is at most " + Reject.MAX_NOTE + " characters");
            }
        }

        @Override
        public Stage target() {
            return Stage.RECYCLED;
        }

        @Override
        public String wireName() {
            return "lost";
        }
    }

    /**
     * A clinician ended a lead's crisis hold (CRISIS-04), saying why. The lead returns to the stage it
     * was held from ({@link #target()} is only the fallback, {@code lead}); only a clinician may do this.
     */
    record ClearCrisis(String note) implements SalesAction {
        public ClearCrisis {
            if (note == null || note.isBlank()) {
                throw new IllegalArgumentException("a note is required: say why the crisis hold can end");
            }
            if (note.length() > Reject.MAX_NOTE) {
                throw new IllegalArgumentException("a note is at most " + Reject.MAX_NOTE + " characters");
            }
            note = note.strip();
        }

        @Override
        public Stage target() {
            return Stage.LEAD;
        }

        @Override
        public String wireName() {
            return "crisis_clear";
        }
    }
}
