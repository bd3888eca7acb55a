package io.attune.server.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.attune.core.event.Alias;
import io.attune.core.event.Event;
import io.attune.core.event.EventKind;
import io.attune.core.event.Group;
import io.attune.core.event.Identify;
import io.attune.core.event.Page;
import io.attune.core.event.Screen;
import io.attune.core.event.Track;
import io.attune.server.ingest.ParseResult.Parsed;
import io.attune.server.ingest.ParseResult.Rejected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentParserTest {
    static final Instant RECEIVED = Instant.parse("2024-05-01T12:00:00Z");

    final SegmentParser parser = new SegmentParser();

    @Nested
    class RealPayloads {
        /*
         * analytics-node (@segment/analytics-node, segmentio/analytics-next): packages/node/src/plugins/
         * segmentio/publisher.ts posts {batch, sentAt} to /v1/batch with "Authorization: Basic
         * base64(writeKey:)"; each event carries a "node-next-<ms>-<uuid>" messageId, an ISO timestamp
         * taken on the client, _metadata and context.library (plugins/segmentio/index.ts and
         * __tests__/test-helpers/assert-shape/segment-http-api.ts). Page events repeat the category in
         * properties (__tests__/methods.test.ts).
         */
        @Test
        void analytics_node_batch_is_accepted_and_its_client_timestamp_corrected_for_skew() {
            Parsed parsed = batch("""
                    {"batch":[
                      {"type":"track","event":"Insurance Check Completed","userId":"user-8812",
                       "properties":{"plan":"PPO","inNetwork":true},
                       "messageId":"node-next-1714564790000-6f2b1c7e-3c1a-4a57-9d55-0d6a0d2a1f00",
                       "timestamp":"2024-05-01T11:59:50.123Z",
                       "_metadata":{"nodeVersion":"20.11.1","jsRuntime":"node"},
                       "context":{"library":{"name":"@segment/analytics-node","version":"2.1.0"}},
                       "integrations":{}},
                      {"type":"page","userId":"user-8812","name":"Home","category":"Category",
                       "properties":{"category":"Category","url":"http://localhost"},
                       "messageId":"node-next-1714564790001-0c6c4a0e-8d3b-4b8f-bb0e-5a2d1f3e9c11",
                       "timestamp":"2024-05-01T11:59:51.000Z",
                       "_metadata":{"nodeVersion":"20.11.1","jsRuntime":"node"},
                       "context":{"library":{"name":"@segment/analytics-node","version":"2.1.0"}},
                       "integrations":{}}
                    ],"sentAt":"2024-05-01T11:59:59.900Z"}
                    """);

            assertThat(parsed.errors()).isEmpty();
            Track track = (Track) parsed.accepted().get(0).event();
            assertThat(track.event()).isEqualTo("Insurance Check Completed");
            assertThat(track.messageId().value()).isEqualTo("node-next-1714564790000-6f2b1c7e-3c1a-4a57-9d55-0d6a0d2a1f00");
            // recorded 9.777 s before the batch was sent, so 9.777 s before it was received
            assertThat(track.timestamp()).isEqualTo(RECEIVED.minusMillis(9_777));
            assertThat(track.properties().asMap()).containsEntry("plan", "PPO").containsEntry("inNetwork", true);
            Page page = (Page) parsed.accepted().get(1).event();
            assertThat(page.name()).isEqualTo("Home");
            assertThat(page.category()).isEqualTo("Category");
            assertThat(page.properties().text("url")).contains("http://localhost");
            assertThat(parsed.accepted().get(0).extras()).contains("\"_metadata\"", "\"integrations\":{}");
        }

        /*
         * analytics-java (segmentio/analytics-java): SegmentService posts to "/v1/import"; the body is
         * messages/Batch.java, {batch, sentAt, context} (later versions add sequence and writeKey), whose
         * context is AnalyticsClient's {library: {name: "analytics-java", version}}. Messages carry type,
         * a UUID messageId, a Date timestamp written as "1996-12-20T00:39:57.000Z" (ISO8601DateAdapterTest)
         * and integrations. The Authorization header is OkHttp's Credentials.basic(writeKey, "").
         */
        @Test
        void analytics_java_import_body_lends_its_context_to_each_message() {
            Parsed parsed = batch("""
                    {"batch":[
                      {"type":"identify","messageId":"0b0d6ca4-43a4-4b43-9c8c-7a3b0a1c5e11",
                       "timestamp":"2024-05-01T11:58:00.000Z","userId":"benefits-lead-17",
                       "traits":{"title":"VP Benefits","employees":4200},"context":{"ip":"203.0.113.7"},
                       "integrations":{}},
                      {"type":"group","messageId":"1c1e7db5-54b5-4c54-8d9d-8b4c1b2d6f22",
                       "timestamp":"2024-05-01T11:58:01.000Z","userId":"benefits-lead-17","groupId":"acme-corp",
                       "traits":{"selfInsured":true},"integrations":{}}
                    ],
                    "sentAt":"2024-05-01T11:59:59.000Z",
                    "context":{"library":{"name":"analytics-java","version":"3.5.1"}},
                    "sequence":7,"writeKey":"wk_java_source"}
                    """);

            assertThat(parsed.errors()).isEmpty();
            assertThat(parsed.writeKey()).map(WriteKey::value).contains("wk_java_source");
            Identify identify = (Identify) parsed.accepted().get(0).event();
            assertThat(identify.traits().asMap()).containsEntry("employees", 4200L);
            assertThat(identify.header().context().asMap())
                    .containsEntry("ip", "203.0.113.7")
                    .containsEntry("library", Map.of("name", "analytics-java", "version", "3.5.1"));
            Group group = (Group) parsed.accepted().get(1).event();
            assertThat(group.groupId()).isEqualTo("acme-corp");
            assertThat(group.header().context().nested("library")).isPresent();
            assertThat(parsed.accepted()).allSatisfy(message -> assertThat(message.extras())
                    .contains("\"sentAt\":\"2024-05-01T11:59:59.000Z\"")
                    .doesNotContain("wk_java_source"));
        }

        /*
         * RudderStack's Node SDK (rudderlabs/rudder-sdk-node, src/index.js): enqueue() copies identify
         * traits into context.traits, sets channel "server", _metadata.nodeVersion, originalTimestamp and a
         * uuid messageId; flush() stamps every message with sentAt and posts {batch, timestamp, sentAt}
         * gzipped, authenticating with the write key as Basic user name.
         */
        @Test
        void rudderstack_gzipped_batch_is_skew_corrected_and_its_batch_timestamp_ignored() {
            byte[] body = gzip(utf8("""
                    {"batch":[
                      {"userId":"u-77","traits":{"state":"OR"},
                       "context":{"traits":{"state":"OR"},"library":{"name":"analytics-node","version":"1.1.2"}},
                       "type":"identify","channel":"server","_metadata":{"nodeVersion":"18.19.0"},
                       "originalTimestamp":"2024-05-01T14:00:00.000Z",
                       "messageId":"5d2c8a5e-6f0b-4f5a-9a7e-2b9c3d4e5f60",
                       "sentAt":"2024-05-01T14:00:05.000Z"}
                    ],"timestamp":"2024-05-01T14:00:05.000Z","sentAt":"2024-05-01T14:00:05.000Z"}
                    """));

            GzipBody.Result inflated = GzipBody.inflate(body, parser.limits().maxBatchBytes());
            Parsed parsed = (Parsed) parser.parseBatch(((GzipBody.Inflated) inflated).body(), RECEIVED);

            // the device clock ran two hours fast: the event happened 5 s before receipt
            Identify identify = (Identify) parsed.accepted().get(0).event();
            assertThat(identify.timestamp()).isEqualTo(Instant.parse("2024-05-01T11:59:55Z"));
            assertThat(identify.traits().asMap()).containsEntry("state", "OR");
            assertThat(identify.header().context().nested("traits")).isPresent();
        }

        /*
         * segmentio/segment-docs, src/connections/sources/catalog/libraries/server/http-api/index.md: the
         * batch example's last two messages carry "2015-2-02T00:30:08.276Z", which is not ISO-8601.
         */
        @Test
        void segment_docs_batch_example_rejects_only_the_messages_with_an_impossible_date() {
            Parsed parsed = batch("""
                    {"batch":[
                      {"type":"identify","userId":"019mr8mf4r","traits":{"email":"jake@yahoo.com","name":"Jake Peterson","age":26},
                       "timestamp":"2012-12-02T00:30:08.276Z"},
                      {"type":"track","userId":"019mr8mf4r","event":"Song Played",
                       "properties":{"name":"Fallin for You","artist":"Dierks Bentley"},"timestamp":"2012-12-02T00:30:12.984Z"},
                      {"type":"identify","userId":"971mj8mk7p","traits":{"email":"cindy@example.com","name":"Cindy Gonzalez","age":23},
                       "timestamp":"2015-2-02T00:30:08.276Z"},
                      {"type":"track","userId":"971mj8mk7p","event":"Song Played",
                       "properties":{"name":"Get Right","artist":"Jennifer Lopez"},"timestamp":"2015-2-02T00:30:12.984Z"}
                    ],
                    "writeKey":"YOUR_WRITE_KEY",
                    "context":{"device":{"type":"phone","name":"Apple iPhone 6"}}}
                    """);

            assertThat(parsed.accepted()).extracting(AcceptedMessage::index).containsExactly(0, 1);
            assertThat(parsed.accepted().get(0).event().timestamp()).isEqualTo(Instant.parse("2012-12-02T00:30:08.276Z"));
            assertThat(parsed.errors()).extracting(MessageError::index, MessageError::field)
                    .containsExactly(tuple(2, "batch[2].timestamp"),
                            tuple(3, "batch[3].timestamp"));
            assertThat(parsed.writeKey()).map(WriteKey::value).contains("YOUR_WRITE_KEY");
        }

        /* The same page's single-endpoint identify example, write key in the body. */
        @Test
        void segment_docs_single_identify_returns_the_write_key_and_keeps_it_out_of_the_extras() {
            Parsed parsed = single(EventKind.IDENTIFY, """
                    {"userId":"019mr8mf4r","traits":{"email":"pgibbons@example.com","name":"Peter Gibbons",
                     "industry":"Technology"},"context":{"ip":"24.5.68.47"},
                     "timestamp":"2012-12-02T00:30:08.276Z","writeKey":"YOUR_WRITE_KEY"}
                    """);

            assertThat(parsed.writeKey()).map(WriteKey::value).contains("YOUR_WRITE_KEY");
            AcceptedMessage accepted = parsed.accepted().get(0);
            assertThat(accepted.event()).isInstanceOf(Identify.class);
            assertThat(accepted.extras()).doesNotContain("YOUR_WRITE_KEY").contains("\"timestamp\":\"2012-12-02T00:30:08.276Z\"");
        }
    }

    @Nested
    class Envelopes {
        @ParameterizedTest
        @ValueSource(strings = {"{\"batch\":[", "{\"batch\":[{\"type\":\"track\",}]}", "{'batch':[]}", "{\"batch\":[] /* c */}"})
        void malformed_json_is_refused_whole_without_quoting_the_body(String body) {
            RequestError error = rejectedBatch(body);

            assertThat(error.kind()).isEqualTo(RequestError.Kind.MALFORMED_JSON);
            assertThat(error.message()).startsWith("body is not valid JSON").doesNotContain("batch", "track");
        }

        @Test
        void a_token_from_the_body_is_not_echoed_in_the_error() {
            RequestError error = rejectedBatch("{\"batch\":[{\"diagnosis\": depression}]}");

            assertThat(error.message()).doesNotContain("depression");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"batch\"", "42", "null", "true"})
        void body_that_is_not_an_object_is_refused(String body) {
            assertThat(rejectedBatch(body).kind()).isEqualTo(RequestError.Kind.NOT_AN_OBJECT);
            assertThat(rejectedSingle(EventKind.TRACK, body).kind()).isEqualTo(RequestError.Kind.NOT_AN_OBJECT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n"})
        void empty_body_is_refused(String body) {
            assertThat(rejectedBatch(body).message()).isEqualTo("body is empty");
        }

        @Test
        void content_after_the_object_is_refused() {
            assertThat(rejectedBatch("{\"batch\":[]} {}").kind()).isEqualTo(RequestError.Kind.MALFORMED_JSON);
            assertThat(rejectedSingle(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\"}]").kind())
                    .isEqualTo(RequestError.Kind.MALFORMED_JSON);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"batch\":null}", "{\"batch\":{}}", "{\"batch\":\"[]\"}"})
        void batch_must_be_an_array(String body) {
            RequestError error = rejectedBatch(body);

            assertThat(error.kind()).isEqualTo(RequestError.Kind.INVALID_FIELD);
            assertThat(error.field()).contains("batch");
        }

        @Test
        void batch_envelope_fields_of_the_wrong_type_are_refused_naming_them() {
            assertThat(rejectedBatch("{\"batch\":[],\"context\":[]}").field()).contains("context");
            assertThat(rejectedBatch("{\"batch\":[],\"sentAt\":\"soon\"}").field()).contains("sentAt");
            assertThat(rejectedBatch("{\"batch\":[],\"writeKey\":42}").field()).contains("writeKey");
            assertThat(rejectedBatch("{\"batch\":[],\"writeKey\":\"has space\"}").field()).contains("writeKey");
            assertThat(rejectedSingle(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"writeKey\":{}}").field())
                    .contains("writeKey");
        }

        @Test
        void duplicate_envelope_key_is_refused() {
            RequestError error = rejectedBatch("{\"batch\":[],\"batch\":[]}");

            assertThat(error.field()).contains("batch");
            assertThat(error.message()).isEqualTo("is a duplicate key");
        }

        @Test
        void utf16_body_is_refused() {
            byte[] utf16 = "{\"batch\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_16BE);

            assertThat(rejectedBatch(utf16).kind()).isEqualTo(RequestError.Kind.MALFORMED_ENCODING);
        }

        @Test
        void utf8_byte_order_mark_is_tolerated() {
            byte[] body = ("\uFEFF{\"batch\":[" + track("\"userId\":\"u\"") + "]}").getBytes(UTF_8);

            assertThat(((Parsed) parser.parseBatch(body, RECEIVED)).accepted()).hasSize(1);
        }

        @Test
        void batch_body_over_500_kb_is_refused() {
            byte[] body = utf8("{\"batch\":[],\"pad\":\"" + "x".repeat(500 * 1024) + "\"}");

            RequestError error = rejectedBatch(body);

            assertThat(error.kind()).isEqualTo(RequestError.Kind.BODY_TOO_LARGE);
        }

        @Test
        void single_body_over_32_kb_is_refused() {
            String body = "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"p\":\"" + "x".repeat(32 * 1024) + "\"}}";

            assertThat(rejectedSingle(EventKind.TRACK, body).kind()).isEqualTo(RequestError.Kind.BODY_TOO_LARGE);
        }

        @Test
        void batch_with_more_than_2500_messages_is_refused() {
            String messages = IntStream.range(0, 2_501).mapToObj(i -> "{}").collect(Collectors.joining(","));

            RequestError error = rejectedBatch("{\"batch\":[" + messages + "]}");

            assertThat(error.kind()).isEqualTo(RequestError.Kind.TOO_MANY_MESSAGES);
        }

        @Test
        void empty_batch_parses_to_nothing() {
            Parsed parsed = batch("{\"batch\":[]}");

            assertThat(parsed.accepted()).isEmpty();
            assertThat(parsed.errors()).isEmpty();
            assertThat(parsed.writeKey()).isEmpty();
        }

        @Test
        void message_of_exactly_32_kb_is_accepted_and_one_byte_more_is_rejected_alone() {
            String atLimit = messageOfBytes(32 * 1024);
            String overLimit = messageOfBytes(32 * 1024 + 1);

            Parsed parsed = batch("{\"batch\":[" + atLimit + "," + overLimit + "," + track("\"userId\":\"u\"") + "]}");

            assertThat(parsed.accepted()).extracting(AcceptedMessage::index).containsExactly(0, 2);
            assertThat(parsed.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("batch[1]");
                assertThat(error.message()).contains("32769 bytes");
            });
        }

        @Test
        void batch_element_that_is_not_an_object_is_rejected_alone() {
            Parsed parsed = batch("{\"batch\":[\"track\"," + track("\"userId\":\"u\"") + ",[1],null]}");

            assertThat(parsed.accepted()).extracting(AcceptedMessage::index).containsExactly(1);
            assertThat(parsed.errors()).extracting(MessageError::field).containsExactly("batch[0]", "batch[2]", "batch[3]");
        }

        @Test
        void batch_context_is_merged_under_each_message_context_with_message_keys_winning() {
            Parsed parsed = batch("""
                    {"batch":[{"type":"track","userId":"u","event":"e","context":{"locale":"es-US","ip":"198.51.100.2"}},
                              {"type":"track","userId":"u","event":"e"}],
                     "context":{"locale":"en-US","library":{"name":"analytics-java"}}}
                    """);

            assertThat(parsed.accepted().get(0).event().header().context().asMap())
                    .containsEntry("locale", "es-US").containsEntry("ip", "198.51.100.2").containsKey("library");
            assertThat(parsed.accepted().get(1).event().header().context().asMap())
                    .containsEntry("locale", "en-US").containsKey("library");
        }

        @Test
        void unknown_envelope_fields_are_ignored() {
            Parsed parsed = batch("{\"retryCount\":2,\"batch\":[" + track("\"userId\":\"u\"") + "],\"channel\":{\"x\":[1]}}");

            assertThat(parsed.accepted()).hasSize(1);
        }
    }

    @Nested
    class SingleEndpoints {
        @Test
        void path_names_the_kind_when_the_body_has_no_type() {
            Parsed parsed = single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"Pricing Viewed\"}");

            assertThat(parsed.accepted().get(0).event()).isInstanceOf(Track.class);
            assertThat(parsed.accepted().get(0).extras()).isEqualTo("{}");
        }

        @Test
        void type_that_disagrees_with_the_path_is_an_error() {
            Parsed parsed = single(EventKind.IDENTIFY, "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\"}");

            assertThat(parsed.accepted()).isEmpty();
            assertThat(parsed.errors()).singleElement().satisfies(error -> {
                assertThat(error.index()).isZero();
                assertThat(error.field()).isEqualTo("type");
                assertThat(error.message()).contains("/v1/identify");
            });
        }

        @Test
        void type_that_agrees_in_another_case_is_accepted() {
            assertThat(single(EventKind.TRACK, "{\"type\":\"Track\",\"userId\":\"u\",\"event\":\"e\"}").accepted()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "\"event\":\"\",", "\"event\":\"   \",", "\"event\":7,", "\"event\":null,"})
        void track_needs_an_event_name(String event) {
            Parsed parsed = single(EventKind.TRACK, "{" + event + "\"userId\":\"u\"}");

            assertThat(fields(parsed)).containsExactly("event");
        }

        @Test
        void track_event_name_is_at_most_200_characters() {
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"" + "e".repeat(201) + "\"}")))
                    .containsExactly("event");
            assertThat(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"" + "e".repeat(200) + "\"}").accepted())
                    .hasSize(1);
        }

        @Test
        void group_needs_a_group_id() {
            assertThat(fields(single(EventKind.GROUP, "{\"userId\":\"u\",\"traits\":{}}"))).containsExactly("groupId");
            Group group = (Group) single(EventKind.GROUP, "{\"userId\":\"u\",\"groupId\":9001,\"traits\":{\"plan lives\":120000}}")
                    .accepted().get(0).event();
            assertThat(group.groupId()).isEqualTo("9001");
            assertThat(group.traits().asMap()).containsEntry("plan lives", 120000L);
        }

        @Test
        void alias_needs_a_user_id_and_a_previous_id() {
            assertThat(fields(single(EventKind.ALIAS, "{\"anonymousId\":\"a\",\"previousId\":\"p\"}"))).containsExactly("userId");
            assertThat(fields(single(EventKind.ALIAS, "{\"userId\":\"u\"}"))).containsExactly("previousId");
            Alias alias = (Alias) single(EventKind.ALIAS, "{\"userId\":\"u\",\"previousId\":\"anon-1\"}").accepted().get(0).event();
            assertThat(alias.previousId()).isEqualTo("anon-1");
            assertThat(alias.header().userId()).isEqualTo("u");
        }

        @Test
        void page_keeps_name_category_and_properties() {
            Page page = (Page) single(EventKind.PAGE, """
                    {"anonymousId":"a-1","name":"Insurance","category":"Admissions",
                     "properties":{"path":"/insurance","url":"https://example.org/insurance","title":"Insurance",
                                   "referrer":"https://www.google.com/","search":"?utm_source=google"}}
                    """).accepted().get(0).event();

            assertThat(page.name()).isEqualTo("Insurance");
            assertThat(page.category()).isEqualTo("Admissions");
            assertThat(page.properties().asMap()).containsKeys("path", "url", "title", "referrer", "search");
        }

        @Test
        void page_name_and_category_must_be_strings_when_given() {
            assertThat(fields(single(EventKind.PAGE, "{\"anonymousId\":\"a\",\"name\":{},\"category\":1}")))
                    .containsExactly("name", "category");
            Page page = (Page) single(EventKind.PAGE, "{\"anonymousId\":\"a\"}").accepted().get(0).event();
            assertThat(page.name()).isEmpty();
        }

        @Test
        void screen_keeps_name_and_properties() {
            Screen screen = (Screen) single(EventKind.SCREEN,
                    "{\"userId\":\"u\",\"name\":\"Book Appointment\",\"properties\":{\"step\":2}}").accepted().get(0).event();

            assertThat(screen.name()).isEqualTo("Book Appointment");
            assertThat(screen.properties().asMap()).containsEntry("step", 2L);
        }

        @Test
        void identify_traits_sent_in_context_traits_stay_in_the_context() {
            Identify identify = (Identify) single(EventKind.IDENTIFY,
                    "{\"userId\":\"u\",\"context\":{\"traits\":{\"email\":\"a@example.org\"}}}").accepted().get(0).event();

            assertThat(identify.traits().isEmpty()).isTrue();
            assertThat(identify.header().context().nested("traits").orElseThrow().text("email")).contains("a@example.org");
        }
    }

    @Nested
    class Identities {
        @ParameterizedTest
        @ValueSource(strings = {"", "\"userId\":null,", "\"userId\":\"\",\"anonymousId\":\"  \","})
        void user_id_or_anonymous_id_is_required(String ids) {
            Parsed parsed = single(EventKind.TRACK, "{" + ids + "\"event\":\"e\"}");

            assertThat(parsed.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("userId");
                assertThat(error.message()).contains("anonymousId");
            });
        }

        @Test
        void anonymous_id_alone_is_enough() {
            Event event = single(EventKind.TRACK, "{\"anonymousId\":\"507f191e810c19729de860ea\",\"event\":\"e\"}")
                    .accepted().get(0).event();

            assertThat(event.header().anonymousId()).isEqualTo("507f191e810c19729de860ea");
            assertThat(event.header().userId()).isNull();
        }

        @Test
        void numeric_ids_are_read_as_their_decimal_string() {
            assertThat(userIdOf("42")).isEqualTo("42");
            assertThat(userIdOf("-7")).isEqualTo("-7");
            assertThat(userIdOf("12.50")).isEqualTo("12.5");
            assertThat(userIdOf("12.0")).isEqualTo("12");
            assertThat(userIdOf("1e3")).isEqualTo("1000");
            assertThat(userIdOf("123456789012345678901234567890")).isEqualTo("123456789012345678901234567890");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"id\":1}", "[1]", "true", "1e999999999"})
        void ids_that_are_not_strings_or_plain_numbers_are_rejected(String id) {
            Parsed parsed = single(EventKind.TRACK, "{\"userId\":" + id + ",\"anonymousId\":\"a\",\"event\":\"e\"}");

            assertThat(fields(parsed)).containsExactly("userId");
        }

        @Test
        void ids_longer_than_256_characters_are_rejected() {
            String longId = "\"" + "u".repeat(257) + "\"";

            assertThat(fields(single(EventKind.TRACK, "{\"anonymousId\":" + longId + ",\"event\":\"e\"}")))
                    .containsExactly("anonymousId");
            assertThat(fields(single(EventKind.ALIAS, "{\"userId\":\"u\",\"previousId\":" + longId + "}")))
                    .containsExactly("previousId");
        }

        @Test
        void batch_message_must_name_a_known_type() {
            Parsed parsed = batch("{\"batch\":[{\"userId\":\"u\"},{\"type\":\"purchase\",\"userId\":\"u\"},{\"type\":3,\"userId\":\"u\"}]}");

            assertThat(parsed.errors()).extracting(MessageError::field)
                    .containsExactly("batch[0].type", "batch[1].type", "batch[2].type");
            assertThat(parsed.errors().get(1).message()).contains("identify, track, page, screen, group, alias");
        }

        private String userIdOf(String json) {
            return single(EventKind.TRACK, "{\"userId\":" + json + ",\"event\":\"e\"}").accepted().get(0).event().header().userId();
        }
    }

    @Nested
    class MessageIds {
        @Test
        void message_id_is_kept_as_sent() {
            AcceptedMessage accepted = single(EventKind.TRACK, "{\"messageId\":\"m-1\",\"userId\":\"u\",\"event\":\"e\"}")
                    .accepted().get(0);

            assertThat(accepted.event().messageId().value()).isEqualTo("m-1");
            assertThat(accepted.messageIdGenerated()).isFalse();
        }

        @Test
        void missing_message_id_is_derived_and_a_retry_with_a_new_sent_at_gets_the_same_one() {
            String message = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"Booking Started\",\"originalTimestamp\":\"2024-05-01T11:00:00Z\"}";
            AcceptedMessage first = batch("{\"sentAt\":\"2024-05-01T11:00:01Z\",\"batch\":[" + message + "]}").accepted().get(0);
            AcceptedMessage retry = batch("{\"sentAt\":\"2024-05-01T11:30:00Z\",\"batch\":[" + message + "]}").accepted().get(0);

            assertThat(first.messageIdGenerated()).isTrue();
            assertThat(first.event().messageId().value()).startsWith("gen-").hasSize(4 + 64);
            assertThat(retry.event().messageId()).isEqualTo(first.event().messageId());
        }

        @Test
        void derived_message_id_ignores_key_order_and_whitespace_but_not_content() {
            String a = messageIdOf("{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"x\":1,\"y\":2.50}}");
            String b = messageIdOf("{ \"properties\" : { \"y\" : 2.5, \"x\" : 1 }, \"event\" : \"e\", \"userId\" : \"u\" }");
            String c = messageIdOf("{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"x\":1,\"y\":3}}");

            assertThat(a).isEqualTo(b).isNotEqualTo(c);
        }

        @Test
        void derived_message_id_does_not_depend_on_the_write_key() {
            assertThat(messageIdOf("{\"userId\":\"u\",\"event\":\"e\",\"writeKey\":\"one\"}"))
                    .isEqualTo(messageIdOf("{\"userId\":\"u\",\"event\":\"e\",\"writeKey\":\"two\"}"));
        }

        @Test
        void message_id_must_be_a_string_of_at_most_200_characters() {
            assertThat(fields(single(EventKind.TRACK, "{\"messageId\":12,\"userId\":\"u\",\"event\":\"e\"}")))
                    .containsExactly("messageId");
            assertThat(fields(single(EventKind.TRACK, "{\"messageId\":\"" + "m".repeat(201) + "\",\"userId\":\"u\",\"event\":\"e\"}")))
                    .containsExactly("messageId");
        }

        private String messageIdOf(String body) {
            return single(EventKind.TRACK, body).accepted().get(0).event().messageId().value();
        }
    }

    @Nested
    class Timestamps {
        @Test
        void original_timestamp_is_the_clock_reading_when_both_it_and_timestamp_are_sent() {
            assertThat(timeOf("\"timestamp\":\"2019-03-04T05:06:07Z\",\"originalTimestamp\":\"2024-05-01T12:59:00Z\","
                    + "\"sentAt\":\"2024-05-01T13:00:00Z\""))
                    .isEqualTo(RECEIVED.minusSeconds(60));
        }

        @Test
        void timestamp_from_a_server_library_is_corrected_by_sent_at() {
            // a server clock two days fast: Segment's libraries put the caller's time in timestamp
            assertThat(timeOf("\"timestamp\":\"2024-05-03T11:59:30Z\",\"sentAt\":\"2024-05-03T12:00:00Z\""))
                    .isEqualTo(RECEIVED.minusSeconds(30));
        }

        @Test
        void timestamp_without_sent_at_is_used_as_is_for_imports() {
            assertThat(timeOf("\"timestamp\":\"2019-03-04T05:06:07Z\""))
                    .isEqualTo(Instant.parse("2019-03-04T05:06:07Z"));
        }

        @Test
        void original_timestamp_is_corrected_by_the_sender_clock_skew() {
            // recorded 30 s before sending, on a clock three minutes slow
            assertThat(timeOf("\"originalTimestamp\":\"2024-05-01T11:56:30Z\",\"sentAt\":\"2024-05-01T11:57:00Z\""))
                    .isEqualTo(Instant.parse("2024-05-01T11:59:30Z"));
        }

        @Test
        void batch_sent_at_corrects_messages_without_their_own() {
            Parsed parsed = batch("{\"sentAt\":\"2024-05-01T11:57:00Z\",\"batch\":["
                    + track("\"userId\":\"u\",\"originalTimestamp\":\"2024-05-01T11:56:30Z\"") + "]}");

            assertThat(parsed.accepted().get(0).event().timestamp()).isEqualTo(Instant.parse("2024-05-01T11:59:30Z"));
        }

        @Test
        void device_clock_stuck_in_1970_is_corrected_to_a_plausible_time() {
            assertThat(timeOf("\"originalTimestamp\":\"1970-01-01T00:04:00Z\",\"sentAt\":\"1970-01-01T00:05:00Z\""))
                    .isEqualTo(Instant.parse("2024-05-01T11:59:00Z"));
        }

        @Test
        void original_timestamp_without_sent_at_is_used_as_is() {
            assertThat(timeOf("\"originalTimestamp\":\"2024-05-01T09:00:00Z\"")).isEqualTo(Instant.parse("2024-05-01T09:00:00Z"));
        }

        @Test
        void receipt_time_is_used_when_no_time_is_given() {
            assertThat(timeOf("\"sentAt\":\"2024-05-01T09:00:00Z\"")).isEqualTo(RECEIVED);
            assertThat(timeOf("\"timestamp\":null")).isEqualTo(RECEIVED);
        }

        @Test
        void a_received_at_in_the_body_is_ignored() {
            assertThat(timeOf("\"receivedAt\":\"2020-01-01T00:00:00Z\"")).isEqualTo(RECEIVED);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "2024-05-01T11:00:00Z", "2024-05-01T11:00:00.000Z", "2024-05-01T13:00:00+02:00",
            "2024-05-01T13:00:00+0200", "2024-05-01T07:00-04:00", "2024-05-01T11:00:00.000000000+00:00"})
        void iso_8601_times_with_an_offset_are_accepted(String time) {
            assertThat(timeOf("\"timestamp\":\"" + time + "\"")).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
        }

        @Test
        void fractional_seconds_are_kept_to_the_nanosecond() {
            assertThat(timeOf("\"timestamp\":\"2024-05-01T11:00:00.123456789Z\""))
                    .isEqualTo(Instant.parse("2024-05-01T11:00:00.123456789Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "\"2015-2-02T00:30:08.276Z\"", "\"yesterday\"", "\"2024-05-01T11:00:00\"", "\"2024-13-01T00:00:00Z\"",
            "\"2024-02-30T00:00:00Z\"", "\"2024-05-01 11:00:00Z\"", "\"\"", "1714561200000", "{}", "true",
            "\"+10000-01-01T00:00:00Z\""})
        void unreadable_timestamps_reject_the_message_naming_the_field(String time) {
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"timestamp\":" + time + "}")))
                    .containsExactly("timestamp");
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"originalTimestamp\":" + time + "}")))
                    .containsExactly("originalTimestamp");
        }

        @Test
        void unreadable_sent_at_is_an_error_even_when_timestamp_decides() {
            assertThat(fields(single(EventKind.TRACK,
                    "{\"userId\":\"u\",\"event\":\"e\",\"timestamp\":\"2024-05-01T11:00:00Z\",\"sentAt\":\"now\"}")))
                    .containsExactly("sentAt");
        }

        @Test
        void times_more_than_24_hours_after_receipt_are_rejected() {
            assertThat(timeOf("\"timestamp\":\"2024-05-02T12:00:00Z\"")).isEqualTo(Instant.parse("2024-05-02T12:00:00Z"));
            Parsed parsed = single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"timestamp\":\"2024-05-02T12:00:00.001Z\"}");

            assertThat(parsed.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("timestamp");
                assertThat(error.message()).contains("24 hours");
            });
        }

        @Test
        void skew_corrected_time_still_in_the_future_names_the_original_timestamp() {
            Parsed parsed = single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\","
                    + "\"originalTimestamp\":\"2024-05-04T00:00:00Z\",\"sentAt\":\"2024-05-01T00:00:00Z\"}");

            assertThat(parsed.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("originalTimestamp");
                assertThat(error.message()).contains("clock-skew correction");
            });
        }

        @Test
        void times_before_2000_are_rejected() {
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"timestamp\":\"1999-12-31T23:59:59Z\"}")))
                    .containsExactly("timestamp");
            assertThat(timeOf("\"timestamp\":\"2000-01-01T00:00:00Z\"")).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        }

        private Instant timeOf(String fields) {
            Parsed parsed = single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\"," + fields + "}");
            assertThat(parsed.errors()).isEmpty();
            return parsed.accepted().get(0).event().timestamp();
        }
    }

    @Nested
    class Values {
        @ParameterizedTest
        @ValueSource(strings = {"1e400", "-1e400", "1e2147483648", "123456789012345678901234567890e300"})
        void numbers_the_core_cannot_hold_reject_the_message_not_the_request(String number) {
            Parsed parsed = batch("{\"batch\":[" + track("\"userId\":\"u\",\"properties\":{\"score\":" + number + "}")
                    + "," + track("\"userId\":\"u\"") + "]}");

            assertThat(parsed.accepted()).extracting(AcceptedMessage::index).containsExactly(1);
            assertThat(parsed.errors()).singleElement().satisfies(error ->
                    assertThat(error.field()).startsWith("batch[0].properties"));
        }

        @Test
        void non_finite_literals_are_not_json() {
            assertThat(rejectedBatch("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"x\":NaN}}]}")
                    .kind()).isEqualTo(RequestError.Kind.MALFORMED_JSON);
        }

        @Test
        void integers_beyond_long_and_small_decimals_become_doubles() {
            Track track = trackWithProperties("{\"big\":123456789012345678901234,\"tiny\":1e-300,\"whole\":2.0}");

            assertThat(track.properties().asMap())
                    .containsEntry("big", 1.2345678901234568E23)
                    .containsEntry("tiny", 1e-300)
                    .containsEntry("whole", 2L);
        }

        @Test
        void nul_and_unpaired_surrogates_reject_the_message_naming_the_field() {
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"note\":\"a\\u0000b\"}}")))
                    .containsExactly("properties.note");
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"x\":\"\\uD800\"}}")))
                    .containsExactly("properties.x");
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\\uDC00\",\"event\":\"e\"}")))
                    .containsExactly("userId");
        }

        @Test
        void a_key_holding_nul_is_named_with_a_replacement_character() {
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"a\\u0000\":1}}")))
                    .containsExactly("properties.a\uFFFD");
        }

        @Test
        void a_key_holding_an_unpaired_surrogate_is_malformed_json() {
            // Jackson refuses a broken surrogate pair in a field name as a syntax error
            assertThat(rejectedSingle(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"a\\uD800\":1}}")
                    .kind()).isEqualTo(RequestError.Kind.MALFORMED_JSON);
        }

        @Test
        void right_to_left_marks_emoji_and_sql_are_kept_verbatim() {
            String rtl = "\u202Egpj.exe\u200F";
            String sql = "'; DROP TABLE events; --";
            String emoji = "\uD83D\uDE00 calm";
            Track track = trackWithProperties("{\"rtl\":\"" + rtl + "\",\"sql\":\"" + sql + "\",\"emoji\":\"" + emoji
                    + "\",\"escaped\":\"\\uD83D\\uDE00\"}");

            assertThat(track.properties().asMap())
                    .containsEntry("rtl", rtl).containsEntry("sql", sql).containsEntry("emoji", emoji)
                    .containsEntry("escaped", "\uD83D\uDE00");
        }

        @Test
        void nesting_of_32_levels_is_accepted_and_33_rejects_the_message() {
            // the message object is level 1 and properties level 2, so 30 more levels reach 32
            assertThat(single(EventKind.TRACK, messageNested(30)).accepted()).hasSize(1);
            Parsed tooDeep = batch("{\"batch\":[" + messageNested(31).replace("{\"userId\"", "{\"type\":\"track\",\"userId\"")
                    + "," + track("\"userId\":\"u\"") + "]}");

            assertThat(tooDeep.accepted()).extracting(AcceptedMessage::index).containsExactly(1);
            assertThat(tooDeep.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).startsWith("batch[0].properties.a[0][0]");
                assertThat(error.message()).contains("32 levels");
            });
        }

        @Test
        void absurd_nesting_refuses_the_body() {
            String deep = "[".repeat(5_000) + "]".repeat(5_000);

            RequestError error = rejectedBatch("{\"batch\":[{\"properties\":{\"a\":" + deep + "}}]}");

            assertThat(error.kind()).isEqualTo(RequestError.Kind.LIMIT_EXCEEDED);
            assertThat(error.message()).doesNotContain("StreamReadConstraints");
        }

        @Test
        void duplicate_keys_reject_the_message_naming_the_key() {
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"plan\":\"a\",\"plan\":\"b\"}}")))
                    .containsExactly("properties.plan");
            assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"userId\":\"v\",\"event\":\"e\"}")))
                    .containsExactly("userId");
        }

        @ParameterizedTest
        @ValueSource(strings = {"properties", "traits", "context"})
        void properties_traits_and_context_must_be_objects(String field) {
            for (String value : List.of("[]", "\"x\"", "1", "true")) {
                assertThat(fields(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"" + field + "\":" + value + "}")))
                        .containsExactly(field);
            }
            assertThat(single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"" + field + "\":null}").accepted()).hasSize(1);
        }

        @Test
        void every_error_of_a_message_is_reported_together() {
            Parsed parsed = batch("{\"batch\":[{\"type\":\"track\",\"userId\":{},\"timestamp\":\"later\",\"properties\":[]}]}");

            assertThat(parsed.errors()).extracting(MessageError::field)
                    .containsExactlyInAnyOrder("batch[0].userId", "batch[0].timestamp", "batch[0].properties", "batch[0].event");
        }

        @Test
        void errors_per_message_are_capped() {
            String duplicates = IntStream.range(0, 50).mapToObj(i -> "\"k\":1").collect(Collectors.joining(","));

            Parsed parsed = single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{" + duplicates + "}}");

            assertThat(parsed.errors()).hasSize(Problems.MAX_PER_MESSAGE);
        }

        @Test
        void a_rejected_message_leaves_its_neighbours_accepted_in_order() {
            Parsed parsed = batch("{\"batch\":[" + track("\"userId\":\"a\"") + "," + track("\"anonymousId\":\"\"") + ","
                    + track("\"userId\":\"c\"") + "]}");

            assertThat(parsed.accepted()).extracting(message -> message.event().header().userId()).containsExactly("a", "c");
            assertThat(parsed.accepted()).extracting(AcceptedMessage::index).containsExactly(0, 2);
            assertThat(parsed.errors()).extracting(MessageError::index).containsExactly(1);
        }

        @Test
        void unknown_fields_are_kept_in_the_extras() {
            String extras = single(EventKind.TRACK,
                    "{\"userId\":\"u\",\"event\":\"e\",\"channel\":\"web\",\"custom\":{\"nested\":[1,\"two\",null]}}")
                    .accepted().get(0).extras();

            assertThat(extras).isEqualTo("{\"channel\":\"web\",\"custom\":{\"nested\":[1,\"two\",null]}}");
        }

        @Test
        void extras_keep_the_clock_readings_as_sent_and_the_batch_sent_at() {
            AcceptedMessage accepted = batch("""
                    {"sentAt":"2024-05-01T11:57:00Z","context":{"library":{"name":"analytics-java"}},
                     "batch":[{"type":"page","anonymousId":42,"name":"Pricing","originalTimestamp":"2024-05-01T11:56:30+00:00",
                               "properties":{"url":"https://example.org/pricing","price":1.50},"context":{"ip":"192.0.2.1"}}]}
                    """).accepted().get(0);

            assertThat(accepted.extras()).isEqualTo(
                    "{\"originalTimestamp\":\"2024-05-01T11:56:30+00:00\",\"sentAt\":\"2024-05-01T11:57:00Z\"}");
        }

        private Track trackWithProperties(String properties) {
            Parsed parsed = single(EventKind.TRACK, "{\"userId\":\"u\",\"event\":\"e\",\"properties\":" + properties + "}");
            assertThat(parsed.errors()).isEmpty();
            return (Track) parsed.accepted().get(0).event();
        }

        /** A track message whose properties hold {@code levels} nested arrays under key a. */
        private String messageNested(int levels) {
            return "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"a\":" + "[".repeat(levels) + "]".repeat(levels) + "}}";
        }
    }

    static String track(String fields) {
        return "{\"type\":\"track\",\"event\":\"Pricing Viewed\"," + fields + "}";
    }

    /** A batch track message whose JSON text is exactly {@code bytes} UTF-8 bytes long. */
    static String messageOfBytes(int bytes) {
        String empty = track("\"userId\":\"u\",\"properties\":{\"pad\":\"\"}");
        int padding = bytes - utf8(empty).length;
        return track("\"userId\":\"u\",\"properties\":{\"pad\":\"" + "x".repeat(padding) + "\"}");
    }

    Parsed batch(String body) {
        ParseResult result = parser.parseBatch(utf8(body), RECEIVED);
        assertThat(result).isInstanceOf(Parsed.class);
        return (Parsed) result;
    }

    Parsed single(EventKind kind, String body) {
        ParseResult result = parser.parseSingle(kind, utf8(body), RECEIVED);
        assertThat(result).isInstanceOf(Parsed.class);
        Parsed parsed = (Parsed) result;
        assertThat(parsed.accepted().size() + (parsed.errors().isEmpty() ? 0 : 1)).isEqualTo(1);
        return parsed;
    }

    RequestError rejectedBatch(String body) {
        return rejectedBatch(utf8(body));
    }

    RequestError rejectedBatch(byte[] body) {
        ParseResult result = parser.parseBatch(body, RECEIVED);
        assertThat(result).isInstanceOf(Rejected.class);
        return ((Rejected) result).error();
    }

    RequestError rejectedSingle(EventKind kind, String body) {
        ParseResult result = parser.parseSingle(kind, utf8(body), RECEIVED);
        assertThat(result).isInstanceOf(Rejected.class);
        return ((Rejected) result).error();
    }

    static List<String> fields(Parsed parsed) {
        assertThat(parsed.accepted()).isEmpty();
        return parsed.errors().stream().map(MessageError::field).collect(Collectors.toList());
    }

    static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
