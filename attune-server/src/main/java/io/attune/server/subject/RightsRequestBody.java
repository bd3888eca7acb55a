package io.attune.server.subject;

import io.attune.core.rights.Extension;
import io.attune.core.rights.Recipient;
import io.attune.core.rights.RequestStatus;
import io.attune.core.rights.RightsRequest;
import io.attune.core.rights.Settlement;
import java.time.Instant;
import java.util.List;

/**
 * A rights request as the API shows it at a given time: its law and deadline, days left, whether it
 * is overdue, and for a deletion each recipient's state. Absent values are {@code null}.
 */
record RightsRequestBody(String id, String lead, String kind, String status, String jurisdiction, String law,
        String citation, String requestedBy, String recordedBy, Instant receivedAt, Instant statutoryDueAt,
        Instant dueAt, long daysLeft, boolean overdue, ExtensionBody extension, Instant closedAt,
        List<RecipientBody> recipients) {

    record ExtensionBody(int days, String reason, Instant at, String recordedBy) {
        static ExtensionBody of(Extension extension) {
            return new ExtensionBody(extension.days(), extension.reason(), extension.at(), extension.recordedBy());
        }
    }

    /** {@code state} is confirmed, waived or the delivery's; {@code delivery} is always the outbox's. */
    record RecipientBody(String destination, String state, String delivery, Instant settledAt, String recordedBy,
            String reference, String reason) {
        static RecipientBody of(Recipient recipient) {
            Settlement settlement = recipient.settlement().orElse(null);
            return new RecipientBody(recipient.destination().value(), recipient.state(),
                    recipient.delivery().wireName(), settlement == null ? null : settlement.at(),
                    settlement == null ? null : settlement.recordedBy(),
                    settlement instanceof Settlement.Confirmed confirmed ? confirmed.reference().orElse(null) : null,
                    settlement instanceof Settlement.Waived waived ? waived.reason() : null);
        }
    }

    static RightsRequestBody of(RightsRequest request, Instant now) {
        return new RightsRequestBody(request.id().value(), request.lead().value(), request.kind().wireName(),
                request.status(now).wireName(), request.deadline().law().jurisdiction(),
                request.deadline().law().title(), request.deadline().law().citation(), request.requestedBy(),
                request.recordedBy(), request.received(), request.deadline().due(), request.due(),
                request.daysLeft(now), request.status(now) == RequestStatus.OVERDUE,
                request.extension().map(ExtensionBody::of).orElse(null), request.closed().orElse(null),
                request.recipients().stream().map(RecipientBody::of).toList());
    }
}
