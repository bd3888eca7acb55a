package io.attune.cli.demo;

import java.util.Locale;

/**
 * What a demo person came to do, which decides the shape of their journey. Only {@link #BUYER}
 * and {@link #COMMITTEE} journeys are written to qualify; the rest are the realistic majority
 * (visitors, readers) and the negatives a scoring model must keep out of the queue.
 */
public enum Persona {
    /** Reads a page or two and leaves without ever saying who they are. */
    VISITOR,
    /** Leaves an email for a newsletter and not much else. */
    SUBSCRIBER,
    /** Identifies and reads, compares and downloads, without the intent that makes a conversation due. */
    RESEARCHER,
    /** Shows clear intent: insurance check and booking, pricing and a demo, a referral, a meeting. */
    BUYER,
    /** One of several people at an in-market organisation; together they make it a qualified account. */
    COMMITTEE,
    /** Already a patient or a customer: portal, bill pay, sign-in, support. */
    EXISTING_CUSTOMER,
    JOB_SEEKER,
    STUDENT,
    /** Works for a competitor and studies our pages. */
    COMPETITOR,
    /** Sells to us, or calls on the same practices (pharmaceutical representatives). */
    VENDOR,
    /** Engaged once, then unsubscribed. */
    UNSUBSCRIBER,
    /** Signs up with a disposable mailbox. */
    SPAM,
    /** Supports the mission with a donation; not a programme partner. */
    DONOR,
    /** Came to refer themselves, which makes them a patient, not a referral partner. */
    SELF_REFERRAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
