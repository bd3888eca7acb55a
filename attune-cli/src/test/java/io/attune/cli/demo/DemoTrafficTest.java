package io.attune.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.account.AccountState;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.event.Event;
import io.attune.core.ingest.InMemoryLeadBook;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.ingest.AcceptedMessage;
import io.attune.server.ingest.ParseResult;
import io.attune.server.ingest.SegmentLimits;
import io.attune.server.ingest.SegmentParser;
import io.attune.store.model.YamlModels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo's traffic: deterministic, within Segment's limits, accepted whole by the real parser,
 * and, scored by the real core over the five starter models, a believable funnel in every segment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTrafficTest {
    private static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONDITION_WORDS = Pattern.compile(
            "(?i)anxiety|depress|ptsd|trauma|\\bocd\\b|adhd|bipolar|postpartum|insomnia|grief|panic|sleep");
    private static final Pattern CRISIS_WORDS = Pattern.compile(
            "(?i)suicid|self-?harm|kill (my|him|her)self|end (my|it all)|want to die|overdose|hurt (my|him|her)self|crisis");

    private SyntheticTraffic traffic;
    private Scored scored;

    /** The core's view of the whole stream, recorded once and shared by the end-to-end tests. */
    private record Scored(InMemoryLeadBook book, int accepted, int duplicates, int merges, int ruleFailures,
            int parseErrors) {
    }

    @BeforeAll
    void generate_and_score_once() {
        traffic = new DemoTraffic(DemoTraffic.Settings.defaults(NOW)).generate();
        scored = score(traffic);
    }

    @Test
    void the_same_seed_gives_the_same_batches_byte_for_byte() {
        SyntheticTraffic again = new DemoTraffic(DemoTraffic.Settings.defaults(NOW)).generate();

        assertThat(again.batches()).isEqualTo(traffic.batches());
        assertThat(again.people()).isEqualTo(traffic.people());
        assertThat(again.batches().get(0).body(NOW)).isEqualTo(traffic.batches().get(0).body(NOW));
    }

    @Test
    void another_seed_gives_other_traffic() {
        SyntheticTraffic other = new DemoTraffic(DemoTraffic.Settings.defaults(NOW).withSeed(7)).generate();

        assertThat(other.batches().get(0).messages()).isNotEqualTo(traffic.batches().get(0).messages());
    }

    @Test
    void a_few_thousand_people_send_many_batches() {
        assertThat(traffic.people()).hasSize(DemoTraffic.Settings.DEFAULT_PEOPLE);
        assertThat(traffic.messages()).isGreaterThan(3 * DemoTraffic.Settings.DEFAULT_PEOPLE);
        assertThat(traffic.batches()).hasSizeGreaterThan(10);
        assertThat(traffic.batches()).extracting(DemoBatch::lane).containsOnly(0, 1, 2, 3);
    }

    @Test
    void every_batch_and_message_is_within_segments_limits() {
        SegmentLimits limits = SegmentLimits.DEFAULT;
        for (DemoBatch batch : traffic.batches()) {
            assertThat(batch.body(NOW).length).as("batch %d bytes", batch.sequence())
                    .isLessThan(500 * 1024).isLessThanOrEqualTo(limits.maxBatchBytes());
            assertThat(batch.messageCount()).isLessThanOrEqualTo(2_500);
            for (String message : batch.messages()) {
                assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThan(32 * 1024);
            }
        }
    }

    @Test
    void every_message_parses_with_the_real_parser_and_keeps_its_time_in_the_window() {
        assertThat(scored.parseErrors()).isZero();
        assertThat(scored.accepted() + scored.duplicates()).isEqualTo(traffic.messages());
        SegmentParser parser = new SegmentParser();
        for (DemoBatch batch : traffic.batches()) {
            ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parseBatch(batch.body(NOW), NOW);
            for (AcceptedMessage message : parsed.accepted()) {
                assertThat(message.messageIdGenerated()).isFalse();
                assertThat(message.event().timestamp()).isBetween(NOW.minus(Duration.ofDays(21)), NOW);
            }
        }
    }

    @Test
    void consumers_are_the_majority_and_each_business_segment_a_smaller_share() {
        Map<Segment, Integer> people = traffic.peopleBySegment();
        int total = traffic.people().size();

        assertThat(people.get(Segment.CONSUMER)).isGreaterThan(total * 6 / 10);
        for (Segment segment : List.of(Segment.EMPLOYER, Segment.PAYER, Segment.REFERRAL, Segment.COMMUNITY)) {
            assertThat(people.get(segment)).as("%s people", segment).isBetween(total * 3 / 100, total * 15 / 100);
        }
    }

    @Test
    void people_arrive_through_the_channels_of_their_segment() {
        assertThat(channelsOf(Segment.CONSUMER)).contains(Channel.ORGANIC_SEARCH, Channel.PAID_SEARCH,
                Channel.ASSOCIATION_PARTNER, Channel.EAP_MANAGED_CARE, Channel.REFERRAL_NETWORK);
        assertThat(channelsOf(Segment.EMPLOYER)).contains(Channel.LINKEDIN, Channel.HR_PUBLICATION);
        assertThat(channelsOf(Segment.PAYER)).contains(Channel.EAP_MANAGED_CARE);
        assertThat(channelsOf(Segment.REFERRAL)).contains(Channel.REFERRAL_NETWORK);
        assertThat(channelsOf(Segment.COMMUNITY)).contains(Channel.ASSOCIATION_PARTNER, Channel.GRANTS_AND_CONTRACTS);
        assertThat(allMessages()).anySatisfy(message -> assertThat(message)
                .contains("\"referrer\":\"https://www.google.com/\"").contains("\"term\":\"anxiety therapist near me\""));
    }

    @Test
    void resent_messages_repeat_an_earlier_message_id_and_are_recorded_once() {
        Set<String> ids = new HashSet<>();
        int repeats = 0;
        for (String message : allMessages()) {
            if (!ids.add(read(message).get("messageId").asText())) {
                repeats++;
            }
        }

        assertThat(traffic.resent()).isPositive();
        assertThat(repeats).isEqualTo(traffic.resent());
        assertThat(scored.duplicates()).isEqualTo(traffic.resent());
    }

    @Test
    void condition_names_travel_only_in_page_paths_urls_and_search_terms() {
        for (String message : allMessages()) {
            PersonText.of(read(message)).forEach(text ->
                    assertThat(text).as("text outside paths and search terms").doesNotContainPattern(CONDITION_WORDS));
        }
    }

    @Test
    void no_message_carries_crisis_language() {
        for (String message : allMessages()) {
            assertThat(message).doesNotContainPattern(CRISIS_WORDS);
        }
    }

    @Test
    void devices_are_joined_by_email_identifies_and_aliases() {
        assertThat(allMessages()).anyMatch(message -> message.startsWith("{\"type\":\"alias\""));
        assertThat(scored.merges()).isGreaterThan(10);
    }

    @Test
    void the_starter_models_score_every_message_without_a_rule_failure() {
        assertThat(scored.ruleFailures()).isZero();
    }

    @Test
    void every_segment_qualifies_a_few_people_and_far_fewer_than_all_its_leads() {
        Map<Segment, Integer> people = traffic.peopleBySegment();
        Map<Segment, Integer> leads = new EnumMap<>(Segment.class);
        Map<Segment, Integer> mqls = new EnumMap<>(Segment.class);
        for (LeadState lead : scored.book().leads()) {
            leads.merge(lead.segment(), 1, Integer::sum);
            if (lead.stage() == Stage.MQL) {
                mqls.merge(lead.segment(), 1, Integer::sum);
            }
        }

        for (Segment segment : Segment.values()) {
            int qualified = mqls.getOrDefault(segment, 0);
            assertThat(qualified).as("%s MQLs of %d people", segment, people.get(segment))
                    .isBetween(people.get(segment) * 2 / 100, people.get(segment) * 10 / 100);
            assertThat(qualified).as("%s MQLs of %d leads", segment, leads.get(segment))
                    .isBetween(leads.get(segment) * 2 / 100, leads.get(segment) * 15 / 100);
        }
    }

    @Test
    void negatives_never_qualify() {
        Set<String> excluded = Set.of("mailinator.com", "yopmail.com", "guerrillamail.com", "lyrahealth.com",
                "springhealth.com", "modernhealth.com", "headspace.com", "headway.co", "helloalma.com", "rula.com",
                "growtherapy.com");
        for (LeadState lead : scored.book().leads()) {
            if (lead.stage() != Stage.MQL) {
                continue;
            }
            Map<String, Object> traits = lead.traits().facts(DataDictionary.defaults());
            assertThat(traits.get("isPatient")).isNotEqualTo(true);
            assertThat(String.valueOf(traits.get("emailDomain"))).isNotIn(excluded);
            assertThat(String.valueOf(traits.get("title")).toLowerCase(Locale.ROOT))
                    .doesNotContain("student", "intern", "account executive", "sales representative");
        }
    }

    @Test
    void in_market_accounts_become_marketing_qualified_in_every_business_segment() {
        Map<Segment, Integer> mqas = new EnumMap<>(Segment.class);
        scored.book().accountTransitions().forEach(transition -> {
            AccountState account = scored.book().account(transition.account()).orElseThrow();
            mqas.merge(account.segment(), 1, Integer::sum);
        });

        assertThat(mqas).containsKeys(Segment.EMPLOYER, Segment.PAYER, Segment.REFERRAL, Segment.COMMUNITY);
        assertThat(mqas.values().stream().mapToInt(Integer::intValue).sum())
                .isLessThan(scored.book().accounts().size() / 5);
    }

    @Test
    void settings_refuse_batches_beyond_segments_limits() {
        DemoTraffic.Settings defaults = DemoTraffic.Settings.defaults(NOW);

        assertThatThrownBy(() -> new DemoTraffic.Settings(1, 100, NOW, Duration.ofDays(21), 4, 2_501,
                defaults.maxBatchBytes())).hasMessageContaining("messages");
        assertThatThrownBy(() -> new DemoTraffic.Settings(1, 100, NOW, Duration.ofDays(21), 4, 500,
                600 * 1024)).hasMessageContaining("byte budget");
    }

    private Set<Channel> channelsOf(Segment segment) {
        Set<Channel> channels = new HashSet<>();
        traffic.people().stream().filter(person -> person.segment() == segment)
                .forEach(person -> channels.add(person.channel()));
        return channels;
    }

    private List<String> allMessages() {
        List<String> messages = new ArrayList<>(traffic.messages());
        traffic.batches().forEach(batch -> messages.addAll(batch.messages()));
        return messages;
    }

    private static JsonNode read(String message) {
        try {
            return JSON.readTree(message);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a demo message is not JSON", e);
        }
    }

    /** Records the stream, batch by batch as the server would, through the real parser and core. */
    private static Scored score(SyntheticTraffic traffic) {
        Map<Segment, ScoringModel> models = YamlModels.starterModels(new ModelCompiler(new ConditionCompiler()));
        ModelCatalog catalog = new ModelCatalog() {
            @Override
            public ScoringModel active(Segment segment) {
                return models.get(segment);
            }

            @Override
            public Segment defaultSegment() {
                return Segment.CONSUMER;
            }
        };
        InMemoryLeadBook book = new InMemoryLeadBook();
        RecordEvent record = new RecordEvent(new WorkspaceId("demo"), catalog, book, new LeadScoring());
        SegmentParser parser = new SegmentParser();
        int accepted = 0;
        int duplicates = 0;
        int merges = 0;
        int failures = 0;
        int errors = 0;
        for (DemoBatch batch : traffic.batches()) {
            ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parseBatch(batch.body(NOW), NOW);
            errors += parsed.errors().size();
            for (AcceptedMessage message : parsed.accepted()) {
                Event event = message.event();
                Recorded recorded = record.record(event);
                if (recorded instanceof Recorded.Accepted done) {
                    accepted++;
                    merges += done.merged().size();
                    failures += done.failures().size();
                } else {
                    duplicates++;
                }
            }
        }
        return new Scored(book, accepted, duplicates, merges, failures, errors);
    }

    /**
     * The text of a message a reader could see as saying something about a person: every string
     * value except page paths, URLs, referrers, query strings and campaign search terms, which are
     * where a real site's analytics carries a condition name.
     */
    private static final class PersonText {
        private static final Set<String> ALLOWED = Set.of("path", "url", "referrer", "search", "term");

        static List<String> of(JsonNode node) {
            List<String> texts = new ArrayList<>();
            collect(node, texts);
            return texts;
        }

        private static void collect(JsonNode node, List<String> texts) {
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!ALLOWED.contains(field.getKey())) {
                        collect(field.getValue(), texts);
                    }
                }
            } else if (node.isArray()) {
                node.forEach(element -> collect(element, texts));
            } else if (node.isTextual()) {
                texts.add(node.asText());
            }
        }
    }
}
