package io.attune.core;

import io.attune.core.event.Alias;
import io.attune.core.event.Attributes;
import io.attune.core.event.EventHeader;
import io.attune.core.event.Group;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Page;
import io.attune.core.event.Screen;
import io.attune.core.event.Track;
import io.attune.core.identity.Digests;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Builds core events for tests from who sends them:
 *
 * <pre>{@code
 * Track demo = TestEvents.anonymous("a-1").at(T0.plus(Duration.ofDays(2))).track("Demo Requested");
 * Identify who = TestEvents.user("u-1", "a-1").at(T0).identify(Map.of("email", "pat@acme.com"));
 * }</pre>
 *
 * Unless one is given, an event's message id is derived from everything else about it, so two
 * events that differ in nothing are one message, as a retried message would be.
 */
public final class TestEvents {
    /** A Monday morning, the default time of events. */
    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private TestEvents() {
    }

    public static Sender anonymous(String anonymousId) {
        return new Sender(null, anonymousId, T0, null, null, Attributes.EMPTY);
    }

    public static Sender user(String userId) {
        return new Sender(userId, null, T0, null, null, Attributes.EMPTY);
    }

    public static Sender user(String userId, String anonymousId) {
        return new Sender(userId, anonymousId, T0, null, null, Attributes.EMPTY);
    }

    /** Who sends the next event, when, and with which message id and context. Immutable. */
    public static final class Sender {
        private final String userId;
        private final String anonymousId;
        private final Instant at;
        private final Instant receivedAt;
        private final String messageId;
        private final Attributes context;

        private Sender(String userId, String anonymousId, Instant at, Instant receivedAt, String messageId,
                Attributes context) {
            this.userId = userId;
            this.anonymousId = anonymousId;
            this.at = at;
            this.receivedAt = receivedAt;
            this.messageId = messageId;
            this.context = context;
        }

        /** The time the event happened; it is also received then unless {@link #receivedAt} says otherwise. */
        public Sender at(Instant at) {
            return new Sender(userId, anonymousId, at, receivedAt, messageId, context);
        }

        /** {@link TestEvents#T0} plus {@code offset}. */
        public Sender after(Duration offset) {
            return at(T0.plus(offset));
        }

        public Sender receivedAt(Instant receivedAt) {
            return new Sender(userId, anonymousId, at, receivedAt, messageId, context);
        }

        public Sender messageId(String messageId) {
            return new Sender(userId, anonymousId, at, receivedAt, messageId, context);
        }

        public Sender context(Map<String, ?> context) {
            return new Sender(userId, anonymousId, at, receivedAt, messageId, Attributes.of(context));
        }

        public Track track(String event) {
            return track(event, Map.of());
        }

        public Track track(String event, Map<String, ?> properties) {
            Attributes props = Attributes.of(properties);
            return new Track(header("track", event, props), event, props);
        }

        /** A page view of {@code path}, with no name or category. */
        public Page page(String path) {
            return page("", "", Map.of("path", path));
        }

        public Page page(String name, String category, Map<String, ?> properties) {
            Attributes props = Attributes.of(properties);
            return new Page(header("page", name + '\u0000' + category, props), name, category, props);
        }

        public Screen screen(String name, Map<String, ?> properties) {
            Attributes props = Attributes.of(properties);
            return new Screen(header("screen", name, props), name, props);
        }

        public Identify identify(Map<String, ?> traits) {
            Attributes attributes = Attributes.of(traits);
            return new Identify(header("identify", "", attributes), attributes);
        }

        public Group group(String groupId, Map<String, ?> traits) {
            Attributes attributes = Attributes.of(traits);
            return new Group(header("group", groupId, attributes), groupId, attributes);
        }

        public Alias alias(String previousId) {
            return new Alias(header("alias", previousId, Attributes.EMPTY), previousId);
        }

        private EventHeader header(String kind, String name, Attributes attributes) {
            String id = messageId != null ? messageId : "m-" + Digests.sha256Hex(String.join("\u0000", kind,
                    String.valueOf(userId), String.valueOf(anonymousId), at.toString(), name,
                    attributes.asMap().toString(), context.asMap().toString())).substring(0, 20);
            return new EventHeader(new MessageId(id), userId, anonymousId, at, receivedAt == null ? at : receivedAt,
                    context);
        }
    }
}
