package io.attune.core.rights;

import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data subject's request (USE-06): whose (the lead id, nothing else about the person), what for,
 * who asked and who recorded it (staff and keys, never the person), when it was received, the
 * deadline of the law that sets its clock, its one extension if any, when it was closed, and for a
 * deletion every recipient asked to delete. A deletion closes once every recipient has settled.
 */
public record RightsRequest(RequestId id, LeadId lead, RequestKind kind, String requestedBy, String recordedBy,
        Instant received, Deadline deadline, Optional<Extension> extension, Optional<Instant> closed,
        List<Recipient> recipients) {

    public RightsRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(closed, "closed");
        recipients = List.copyOf(recipients);
    }

    /** The date the answer is due by: the statutory one, moved by the extension. */
    public Instant due() {
        return extension.map(more -> deadline.due().plus(Duration.ofDays(more.days()))).orElse(deadline.due());
    }

    public RequestStatus status(Instant now) {
        if (closed.isPresent()) {
            return RequestStatus.CLOSED;
        }
        return now.isAfter(due()) ? RequestStatus.OVERDUE : RequestStatus.OPEN;
    }

    /** Whole days from {@code now}'s date to the due date (UTC): 0 on the due date, negative once past it. */
    public long daysLeft(Instant now) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(now, ZoneOffset.UTC), LocalDate.ofInstant(due(),
                ZoneOffset.UTC));
    }

    /**
     * Whether {@code extension} may be recorded: once, on an open request, before the statutory due
     * date (the laws ask that the consumer be told within the first period), and by no more days than
     * the law allows.
     */
    public Optional<String> refusesExtension(Extension more) {
        if (closed.isPresent()) {
            return Optional.of("the request is closed");
        }
        if (deadline.extensionDays() == 0) {
            return Optional.of(deadline.law().title() + " allows no extension of a " + kind.wireName().replace('_', ' '));
        }
        if (extension.isPresent()) {
            return Optional.of("the request was extended already; the law allows one extension");
        }
        if (more.at().isAfter(deadline.due())) {
            return Optional.of("the statutory due date has passed; an extension must be given within the first period");
        }
        if (more.days() > deadline.extensionDays()) {
            return Optional.of(deadline.law().title() + " allows an extension of at most " + deadline.extensionDays()
                    + " days");
        }
        return Optional.empty();
    }

    public Optional<Recipient> recipient(DestinationId destination) {
        return recipients.stream().filter(recipient -> recipient.destination().equals(destination)).findFirst();
    }

    /** Whether every recipient has confirmed or been waived once {@code destination} settles. */
    public boolean fulfilledOnceSettled(DestinationId destination) {
        return recipients.stream().allMatch(recipient -> recipient.settled()
                || recipient.destination().equals(destination));
    }
}
