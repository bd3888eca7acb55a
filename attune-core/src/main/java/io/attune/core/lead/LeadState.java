package io.attune.core.lead;

import io.attune.core.account.AccountId;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.scoring.LeadScore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A lead as the projection of its events: segment, stage, traits, account, committee roles, and its
 * score under {@code model}. {@code identified} is true once a user id or email is known, which is
 * what makes a lead reachable and so able to qualify. {@code updatedAt} is the receive time of the
 * last event applied, so that rebuilding from events reproduces it. {@code sales} is what sales did
 * with it (see {@link SalesRecord}); {@code crisis} what crisis screening found (see {@link CrisisRecord}); {@code privacy} what
 * the privacy rules found, and whether its score is withheld (see {@link LeadPrivacy}).
 */
public record LeadState(
        LeadId id, Segment segment, Stage stage, boolean identified, LeadTraits traits, Optional<AccountId> account,
        Set<String> roles, ModelVersion model, LeadScore score, Instant firstSeen, Instant lastSeen, long events,
        Instant updatedAt, SalesRecord sales, CrisisRecord crisis, LeadPrivacy privacy) {

    /** A lead with no privacy findings. */
    public LeadState(LeadId id, Segment segment, Stage stage, boolean identified, LeadTraits traits,
            Optional<AccountId> account, Set<String> roles, ModelVersion model, LeadScore score, Instant firstSeen,
            Instant lastSeen, long events, Instant updatedAt, SalesRecord sales, CrisisRecord crisis) {
        this(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen, events,
                updatedAt, sales, crisis, LeadPrivacy.NONE);
    }

    /** A lead without crisis screening findings. */
    public LeadState(LeadId id, Segment segment, Stage stage, boolean identified, LeadTraits traits,
            Optional<AccountId> account, Set<String> roles, ModelVersion model, LeadScore score, Instant firstSeen,
            Instant lastSeen, long events, Instant updatedAt, SalesRecord sales) {
        this(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen, events,
                updatedAt, sales, CrisisRecord.NONE, LeadPrivacy.NONE);
    }

    /** A lead sales has not acted on. */
    public LeadState(LeadId id, Segment segment, Stage stage, boolean identified, LeadTraits traits,
            Optional<AccountId> account, Set<String> roles, ModelVersion model, LeadScore score, Instant firstSeen,
            Instant lastSeen, long events, Instant updatedAt) {
        this(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen, events,
                updatedAt, SalesRecord.NONE);
    }

    public LeadState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(sales, "sales");
        Objects.requireNonNull(crisis, "crisis");
        Objects.requireNonNull(privacy, "privacy");
        roles = Set.copyOf(roles);
    }

    public LeadState withStage(Stage stage) {
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    public LeadState withScore(LeadScore score) {
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    public LeadState withTraits(LeadTraits traits) {
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    public LeadState withAccount(Optional<AccountId> account) {
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    public LeadState withRoles(Set<String> roles) {
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    public LeadState identifiedNow() {
        return new LeadState(id, segment, stage, true, traits, account, roles, model, score, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    /** This lead re-based on another model (segment change or new version), with an empty score. */
    public LeadState rescoredUnder(Segment segment, ModelVersion model, LeadScore empty) {
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, empty, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    /** This lead after one more event that happened at {@code at} and was received at {@code receivedAt}. */
    public LeadState seen(Instant at, Instant receivedAt) {
        Instant first = at.isBefore(firstSeen) ? at : firstSeen;
        Instant last = at.isAfter(lastSeen) ? at : lastSeen;
        Instant updated = receivedAt.isAfter(updatedAt) ? receivedAt : updatedAt;
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, score, first, last,
                events + 1, updated, sales, crisis, privacy);
    }

    public LeadState withSales(SalesRecord sales) {
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    public LeadState withCrisis(CrisisRecord crisis) {
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    public LeadState withPrivacy(LeadPrivacy privacy) {
        return new LeadState(id, segment, stage, identified, traits, account, roles, model, score, firstSeen, lastSeen,
                events, updatedAt, sales, crisis, privacy);
    }

    public boolean isMqlOrBeyond() {
        return stage.progress() >= Stage.MQL.progress() && stage != Stage.CRISIS_HOLD;
    }
}
