package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditFilter;
import io.attune.core.erasure.ErasureRequest;
import io.attune.core.event.Attributes;
import io.attune.core.event.EventHeader;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Track;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.Segment;
import io.attune.core.rights.RequestKind;
import io.attune.core.rights.RequestStatus;
import io.attune.core.rights.StatutoryDeadlines;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code attune lead export} on a SQLite store: the person's document, audited; an erased id says so. */
class LeadExportCommandTest {
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private TestDatabase database;
    private Store store;
    private WorkspaceId workspace;
    private LeadId lead;

    @BeforeEach
    void aLeadWithTwoEvents() throws Exception {
        database = TestDatabase.create(TestDatabase.Engine.SQLITE);
        store = Store.over(database.database(), WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
        workspace = store.workspaces().create("Northside Behavioral Health", Segment.CONSUMER, T0).workspace().id();
        EventHeader first = new EventHeader(new MessageId("m1"), "user-7", null, T0, T0, Attributes.EMPTY);
        EventHeader second = new EventHeader(new MessageId("m2"), "user-7", null, T0.plusSeconds(60),
                T0.plusSeconds(60), Attributes.EMPTY);
        List<IncomingEvent> events = List.of(
                new IncomingEvent(new Identify(first, Attributes.of(Map.of("email", "lee.morgan@gmail.com"))), "{}"),
                new IncomingEvent(new Track(second, "Intake Started", Attributes.EMPTY), "{}"));
        ((EventIntake.Admitted) store.writer().submit(workspace, events)).recorded().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "user-7")).orElseThrow()
                .id();
    }

    @AfterEach
    void close() {
        store.writer().close();
        database.close();
    }

    @Test
    void prints_the_person_s_document_and_records_the_read() throws Exception {
        Cli.Run run = export();

        assertThat(run.exit()).as(run.describe()).isZero();
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.path("lead").asText()).isEqualTo(lead.value());
        assertThat(document.path("events")).extracting(event -> event.path("messageId").asText())
                .containsExactly("m1", "m2");
        assertThat(document.path("state").path("traits").path("email").asText()).isEqualTo("lee.morgan@gmail.com");
        assertThat(store.audit().entries(workspace, new AuditFilter(Optional.of(AuditAction.PHI_READ),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10).items())
                .singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo(new Actor.System("cli")));
        assertThat(store.rightsRequests().list(workspace, Optional.of(RequestStatus.CLOSED), Instant.now(),
                Optional.empty(), 10).items()).as("a fulfilled access request").singleElement().satisfies(request -> {
                    assertThat(request.kind()).isEqualTo(RequestKind.ACCESS);
                    assertThat(request.lead()).isEqualTo(lead);
                    assertThat(request.recordedBy()).isEqualTo("system:cli");
                });
    }

    @Test
    void an_erased_lead_says_when_it_was_erased() throws Exception {
        store.writer().erase(workspace, new ErasureRequest(lead, "privacy-officer", "data-subject request",
                new Actor.User("dpo-1"), T0.plusSeconds(86_400), StatutoryDeadlines.STANDARD.of(RequestKind.DELETION,
                Jurisdiction.UNKNOWN, T0.plusSeconds(86_400)))).toCompletableFuture().get(30, TimeUnit.SECONDS);

        Cli.Run run = export();

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("erased on 2026-10-02");
        assertThat(run.out()).doesNotContain("lee.morgan");
    }

    private Cli.Run export() {
        return Cli.run("lead", "export", lead.value(), "--workspace", workspace.value(), "--data",
                ((StoreLocation.SqliteDirectory) database.location()).directory().toString());
    }
}
