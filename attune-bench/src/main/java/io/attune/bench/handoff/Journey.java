package io.attune.bench.handoff;

import io.attune.core.identity.LeadId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One person's visit as the load sends it: which lead it becomes, how many messages it sends, and for
 * each sent message when it was meant to leave (the load is open-loop: the intended time, so a stall
 * in the sender counts against the latency instead of hiding it), its event time and the batch it
 * went in.
 */
final class Journey {
    /** What kind of visitor: only {@link #QUALIFYING} ones are meant to become MQLs. */
    enum Shape { QUALIFYING, READER, OUT_OF_AREA, JOB_SEEKER, PATIENT }

    private final int number;
    private final LeadId lead;
    private final List<LeadId> leads;
    private final Shape shape;
    private final boolean accept;
    private final long[] intendedNanos;
    private final long[] timestampMillis;
    private final int[] batches;
    private int sent;

    Journey(int number, LeadId lead, Shape shape, int length, boolean accept) {
        this(number, lead, Optional.empty(), shape, length, accept);
    }

    /**
     * @param seededByUser the lead it becomes instead when the server refused its anonymous messages and
     *     the first one it recorded carried the user id (a new lead is derived from the user id first)
     */
    Journey(int number, LeadId lead, Optional<LeadId> seededByUser, Shape shape, int length, boolean accept) {
        this.number = number;
        this.lead = lead;
        this.leads = seededByUser.map(other -> List.of(lead, other)).orElse(List.of(lead));
        this.shape = shape;
        this.accept = accept;
        this.intendedNanos = new long[length];
        this.timestampMillis = new long[length];
        this.batches = new int[length];
    }

    int number() {
        return number;
    }

    LeadId lead() {
        return lead;
    }

    /** Every lead this journey may have become: {@link #lead()} and, if it identifies, the one its user id derives. */
    List<LeadId> leads() {
        return leads;
    }

    Shape shape() {
        return shape;
    }

    /** Whether sales accepts this lead once its visit is over (an MQL becomes an SQL: a second message). */
    boolean accept() {
        return accept;
    }

    int length() {
        return intendedNanos.length;
    }

    int sent() {
        return sent;
    }

    boolean finished() {
        return sent == intendedNanos.length;
    }

    /** Notes that the next message left in {@code batch}, meant for {@code intended}, stamped {@code timestamp}. */
    int markSent(long intended, long timestamp, int batch) {
        int step = sent++;
        intendedNanos[step] = intended;
        timestampMillis[step] = timestamp;
        batches[step] = batch;
        return step;
    }

    /** The step of the sent message whose event time is {@code timestamp}, if any. */
    OptionalInt stepAt(long timestamp) {
        for (int step = 0; step < sent; step++) {
            if (timestampMillis[step] == timestamp) {
                return OptionalInt.of(step);
            }
        }
        return OptionalInt.empty();
    }

    long intendedNanos(int step) {
        return intendedNanos[step];
    }

    int batch(int step) {
        return batches[step];
    }

    @Override
    public String toString() {
        return "Journey[" + number + " " + shape + " " + lead + " " + sent + "/" + length() + " sent, "
                + Arrays.toString(Arrays.copyOf(timestampMillis, sent)) + "]";
    }
}
