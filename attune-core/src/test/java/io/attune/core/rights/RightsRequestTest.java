package io.attune.core.rights;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import io.attune.core.jurisdiction.Jurisdiction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RightsRequestTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-02T15:30:00Z");
    private static final DestinationId CRM = new DestinationId("crm");
    private static final DestinationId SMS = new DestinationId("sms");

    private static RightsRequest deletion(Optional<Instant> closed, List<Recipient> recipients) {
        Deadline deadline = StatutoryDeadlines.STANDARD.of(RequestKind.DELETION,
                new Jurisdiction(Set.of("WA"), true, List.of("state")), RECEIVED);
        return new RightsRequest(new RequestId("sr_0123456789abcdef01234567"), new LeadId("ld_0123456789abcdef01234567"),
                RequestKind.DELETION, "privacy-officer", "key:key_1", RECEIVED, deadline, Optional.empty(), closed,
                recipients);
    }

    private static RightsRequest open() {
        return deletion(Optional.empty(), List.of(new Recipient(CRM, Delivery.DELIVERED, Optional.empty())));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Extension extension(int days, Instant at) {
        return new Extension(days, "the CRM vendor needs more time", at, "key:key_1");
    }

    private static RightsRequest extended(RightsRequest request, Extension extension) {
        return new RightsRequest(request.id(), request.lead(), request.kind(), request.requestedBy(),
                request.recordedBy(), request.received(), request.deadline(), Optional.of(extension), request.closed(),
                request.recipients());
    }

    @Test
    void an_open_request_counts_down_to_its_due_date_and_is_overdue_once_the_clock_passes_it() {
        RightsRequest request = open();

        assertThat(request.status(at("2026-03-03T00:00:00Z"))).isEqualTo(RequestStatus.OPEN);
        assertThat(request.daysLeft(at("2026-03-03T00:00:00Z"))).isEqualTo(44);
        assertThat(request.status(at("2026-04-16T15:30:00Z"))).isEqualTo(RequestStatus.OPEN);
        assertThat(request.daysLeft(at("2026-04-16T15:30:00Z"))).isZero();
        assertThat(request.status(at("2026-04-16T15:30:00.001Z"))).isEqualTo(RequestStatus.OVERDUE);
        assertThat(request.daysLeft(at("2026-04-18T09:00:00Z"))).isEqualTo(-2);
    }

    @Test
    void a_closed_request_is_closed_whatever_the_clock_says() {
        RightsRequest closed = deletion(Optional.of(RECEIVED.plus(Duration.ofDays(3))), List.of());

        assertThat(closed.status(at("2027-01-01T00:00:00Z"))).isEqualTo(RequestStatus.CLOSED);
    }

    @Test
    void one_extension_within_the_first_period_moves_the_due_date_by_up_to_45_days() {
        RightsRequest request = open();
        Extension full = extension(45, at("2026-04-10T00:00:00Z"));

        assertThat(request.refusesExtension(full)).isEmpty();
        RightsRequest longer = extended(request, full);
        assertThat(longer.due()).isEqualTo(at("2026-05-31T15:30:00Z"));
        assertThat(longer.status(at("2026-05-01T00:00:00Z"))).isEqualTo(RequestStatus.OPEN);
        assertThat(longer.refusesExtension(extension(1, at("2026-04-11T00:00:00Z"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("extended already"));
    }

    @Test
    void an_extension_beyond_the_bound_after_the_due_date_or_of_a_closed_request_is_refused() {
        RightsRequest request = open();

        assertThat(request.refusesExtension(extension(46, at("2026-04-10T00:00:00Z"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at most 45 days"));
        assertThat(request.refusesExtension(extension(10, at("2026-04-17T00:00:00Z"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("due date has passed"));
        assertThat(deletion(Optional.of(RECEIVED), List.of()).refusesExtension(extension(10, RECEIVED)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("closed"));
    }

    @Test
    void a_withdrawal_allows_no_extension() {
        Deadline now = StatutoryDeadlines.STANDARD.of(RequestKind.CONSENT_WITHDRAWAL, Jurisdiction.UNKNOWN, RECEIVED);
        RightsRequest withdrawal = new RightsRequest(new RequestId("sr_0123456789abcdef01234568"),
                new LeadId("ld_0123456789abcdef01234567"), RequestKind.CONSENT_WITHDRAWAL, "key:key_1", "key:key_1",
                RECEIVED, now, Optional.empty(), Optional.empty(), List.of());

        assertThat(withdrawal.refusesExtension(extension(1, RECEIVED)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("allows no extension"));
    }

    @Test
    void a_deletion_is_fulfilled_once_the_last_unsettled_recipient_settles() {
        Settlement confirmed = new Settlement.Confirmed(RECEIVED, "key:key_1", Optional.of("CRM-4411"));
        RightsRequest request = deletion(Optional.empty(), List.of(
                new Recipient(CRM, Delivery.DELIVERED, Optional.of(confirmed)),
                new Recipient(SMS, Delivery.DEAD_LETTERED, Optional.empty())));

        assertThat(request.recipient(CRM).orElseThrow().state()).isEqualTo("confirmed");
        assertThat(request.recipient(SMS).orElseThrow().state()).isEqualTo("dead_lettered");
        assertThat(request.fulfilledOnceSettled(SMS)).isTrue();
        assertThat(request.fulfilledOnceSettled(new DestinationId("ads"))).isFalse();
    }
}
