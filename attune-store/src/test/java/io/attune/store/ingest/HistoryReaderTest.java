package io.attune.store.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Histories read in groups on connections beside the writer's: each lead gets its own events, all of them. */
class HistoryReaderTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws_history");
    private static final LeadId ANNA = new LeadId("ld_a00000000000000000000001");
    private static final LeadId BEN = new LeadId("ld_b00000000000000000000002");
    private static final LeadId CARA = new LeadId("ld_c00000000000000000000003");

    private TestDatabase test;

    @BeforeEach
    void open() throws SQLException {
        test = TestDatabase.sqlite();
        try (Connection connection = test.database().connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO events (seq, workspace_id, "
                     + "message_id, lead_id, kind, name, occurred_at, received_at, event, extras) "
                     + "VALUES (?, ?, ?, ?, 'page', '', 0, 0, ?, '{}')")) {
            Object[][] events = {{1, ANNA}, {2, BEN}, {3, ANNA}, {4, CARA}};
            for (Object[] event : events) {
                insert.setLong(1, (Integer) event[0]);
                insert.setString(2, WORKSPACE.value());
                insert.setString(3, "m-" + event[0]);
                insert.setString(4, ((LeadId) event[1]).value());
                insert.setString(5, "sealed-" + event[0]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterEach
    void close() {
        test.close();
    }

    @Test
    void a_group_is_read_in_one_go_and_each_lead_gets_its_own_events() {
        HistoryReader reader = new HistoryReader(test.database(), WORKSPACE, 25);
        Supplier<List<HistoryReader.Stored>> anna = reader.reading(ANNA);
        Supplier<List<HistoryReader.Stored>> ben = reader.reading(BEN);
        Supplier<List<HistoryReader.Stored>> nobody = reader.reading(new LeadId("ld_d00000000000000000000004"));

        assertThat(anna.get()).extracting(HistoryReader.Stored::event)
                .containsExactlyInAnyOrder("sealed-1", "sealed-3");
        assertThat(ben.get()).extracting(HistoryReader.Stored::messageId).containsExactly("m-2");
        assertThat(nobody.get()).isEmpty();
    }

    @Test
    void a_lead_read_after_its_would_be_group_was_read_is_not_left_without_history() {
        HistoryReader reader = new HistoryReader(test.database(), WORKSPACE, 25);
        Supplier<List<HistoryReader.Stored>> anna = reader.reading(ANNA);
        assertThat(anna.get()).hasSize(2);

        Supplier<List<HistoryReader.Stored>> cara = reader.reading(CARA);

        assertThat(cara.get()).extracting(HistoryReader.Stored::seq).containsExactly(4L);
    }

    @Test
    void a_full_group_leaves_the_next_lead_to_a_group_of_its_own() {
        HistoryReader reader = new HistoryReader(test.database(), WORKSPACE, 1);
        Supplier<List<HistoryReader.Stored>> anna = reader.reading(ANNA);
        Supplier<List<HistoryReader.Stored>> ben = reader.reading(BEN);

        assertThat(ben.get()).extracting(HistoryReader.Stored::seq).containsExactly(2L);
        assertThat(anna.get()).extracting(HistoryReader.Stored::seq).containsExactlyInAnyOrder(1L, 3L);
    }
}
