package io.attune.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.MessageBuilder;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Segment's own Java SDK (analytics-java 3.5.1), unchanged except for its endpoint, sending every kind
 * of message to a real Attune server. That SDK posts to {@code /v1/import/} with the write key in the
 * body; Attune must take it as Segment does.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SegmentJavaSdkIT {
    private static final String VISITOR = "visitor-4f1c";
    private static final String USER = "hr-lead-1";
    private static final String EMAIL = "dana.okafor@northwind-traders.com";
    private static final String GROUP = "northwind-traders";

    private SdkTarget target;

    @BeforeEach
    void start() {
        target = SdkTarget.start();
    }

    @AfterEach
    void stop() {
        target.close();
    }

    /**
     * An anonymous visitor reads a case study, signs up as a benefits leader at an employer, is aliased to
     * the visitor, requests a demo, opens pricing and the app, and is put in the employer's group.
     */
    private static List<MessageBuilder<?, ?>> journey() {
        return List.of(
                PageMessage.builder("Case study").anonymousId(VISITOR)
                        .properties(Map.of("path", "/case-studies/acme-health", "title", "Acme Health")),
                IdentifyMessage.builder().userId(USER)
                        .traits(Map.of("email", EMAIL, "title", "VP Benefits", "segment", "employer")),
                AliasMessage.builder(VISITOR).userId(USER),
                TrackMessage.builder("Demo Requested").userId(USER).properties(Map.of("plan", "enterprise")),
                PageMessage.builder("Pricing").userId(USER).properties(Map.of("path", "/pricing")),
                ScreenMessage.builder("Benefits Overview").userId(USER).properties(Map.of("tab", "summary")),
                GroupMessage.builder(GROUP).userId(USER).traits(Map.of("name", "Northwind Traders",
                        "employees", 2400, "selfInsured", true, "industry", "Software", "country", "US")));
    }

    @Test
    void every_kind_of_message_lands_once_on_the_right_lead() throws InterruptedException {
        List<Message> delivered = send(journey());

        assertThat(delivered).extracting(Message::type).extracting(Enum::name)
                .containsExactly("page", "identify", "alias", "track", "page", "screen", "group");
        JsonNode summary = target.leadByIdentity(USER);
        String id = summary.path("id").asText();
        assertThat(target.leadByIdentity(EMAIL).path("id").asText()).as("the email links").isEqualTo(id);
        assertThat(target.leadByIdentity(VISITOR).path("id").asText()).as("the alias merged").isEqualTo(id);
        assertThat(target.leads()).as("one person, one lead").hasSize(1);

        JsonNode lead = target.lead(id);
        assertThat(lead.path("events").asLong()).as("each message recorded once").isEqualTo(7);
        assertThat(lead.path("segment").asText()).isEqualTo("employer");
        assertThat(lead.path("identities")).extracting(identity -> identity.path("kind").asText() + ":"
                + identity.path("value").asText())
                .contains("userId:" + USER, "anonymousId:" + VISITOR, "email:" + EMAIL);
        assertThat(lead.path("explanation")).extracting(entry -> entry.path("messageId").asText())
                .doesNotHaveDuplicates()
                .isSubsetOf(delivered.stream().map(Message::messageId).toList());
        // VP Benefits 25 + 1,000-4,999 employees 15 + self-insured 15 + software 5 + US 5; the visitor's case
        // study (6, scored once the alias made the visitor an employer lead) + demo 40 + pricing 15.
        assertThat(lead.path("score").path("fit").asDouble()).isEqualTo(65.0);
        assertThat(lead.path("score").path("engagement").asDouble()).isCloseTo(61.0, within(0.01));
        assertThat(lead.path("stage").asText()).isEqualTo("mql");

        JsonNode account = target.account(lead.path("account").asText());
        assertThat(account.path("groupId").asText()).as("the group attached an account").isEqualTo(GROUP);
        assertThat(account.path("contacts")).extracting(contact -> contact.path("id").asText()).containsExactly(id);
    }

    @Test
    void sending_the_same_messages_again_changes_nothing() throws InterruptedException {
        List<Message> first = send(journey());
        List<String> before = stateOfEveryLead();

        List<Message> second = send(first.stream().<MessageBuilder<?, ?>>map(SegmentJavaSdkIT::again).toList());

        assertThat(second).extracting(Message::messageId)
                .containsExactlyElementsOf(first.stream().map(Message::messageId).toList());
        assertThat(stateOfEveryLead()).isEqualTo(before);
        assertThat(target.recordedEvents()).isEqualTo(7);
    }

    /** What recording changes, without the read-time parts (decayed values, asOf) that move with the clock. */
    private List<String> stateOfEveryLead() {
        List<String> states = new ArrayList<>();
        for (JsonNode lead : target.leads()) {
            List<String> engagement = new ArrayList<>();
            lead.path("engagement").forEach(line -> engagement.add(line.path("rule").asText() + " x"
                    + line.path("count").asInt() + " = " + line.path("earned").asDouble()));
            states.add(String.join(" | ", lead.path("id").asText(), lead.path("stage").asText(),
                    lead.path("segment").asText(), lead.path("account").asText(), lead.path("events").asText(),
                    lead.path("score").path("fit").asText(), String.valueOf(engagement),
                    lead.path("identities").toString(), lead.path("traits").toString(),
                    lead.path("lastSeen").asText(), lead.path("updatedAt").asText()));
        }
        return states;
    }

    /**
     * The message as it was, as a retrying application would resend it. {@code toBuilder()} keeps the
     * timestamp but not the messageId, so that is set again.
     */
    private static MessageBuilder<?, ?> again(Message message) {
        MessageBuilder<?, ?> builder;
        if (message instanceof IdentifyMessage identify) {
            builder = identify.toBuilder();
        } else if (message instanceof TrackMessage track) {
            builder = track.toBuilder();
        } else if (message instanceof PageMessage page) {
            builder = page.toBuilder();
        } else if (message instanceof ScreenMessage screen) {
            builder = screen.toBuilder();
        } else if (message instanceof GroupMessage group) {
            builder = group.toBuilder();
        } else if (message instanceof AliasMessage alias) {
            builder = alias.toBuilder();
        } else {
            throw new IllegalArgumentException("not a message this test sends: " + message.type());
        }
        builder.messageId(message.messageId());
        return builder;
    }

    /**
     * Sends through a fresh SDK client, flushes, and waits until the SDK has reported every message
     * delivered or failed; fails on any failure. Returns the delivered messages in delivery order.
     */
    private List<Message> send(List<MessageBuilder<?, ?>> messages) throws InterruptedException {
        Deliveries deliveries = new Deliveries(messages.size());
        Analytics analytics = Analytics.builder(target.writeKey()).endpoint(target.baseUrl()).callback(deliveries)
                .build();
        try {
            messages.forEach(analytics::enqueue);
            analytics.flush();
            deliveries.await();
        } finally {
            analytics.shutdown();
        }
        assertThat(deliveries.failures).as("the SDK reported failures").isEmpty();
        return List.copyOf(deliveries.delivered);
    }

    /** The SDK's callback: counts each message once, whether it was delivered or failed. */
    private static final class Deliveries implements Callback {
        final List<Message> delivered = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> settled = ConcurrentHashMap.newKeySet();
        private final CountDownLatch outstanding;

        Deliveries(int messages) {
            this.outstanding = new CountDownLatch(messages);
        }

        @Override
        public void success(Message message) {
            delivered.add(message);
            settle(message);
        }

        @Override
        public void failure(Message message, Throwable error) {
            failures.add(message.type() + " " + message.messageId() + ": " + error);
            settle(message);
        }

        private void settle(Message message) {
            if (settled.add(message.messageId())) {
                outstanding.countDown();
            }
        }

        void await() throws InterruptedException {
            outstanding.await();
        }
    }
}
