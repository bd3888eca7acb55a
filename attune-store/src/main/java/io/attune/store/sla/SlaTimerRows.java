package io.attune.store.sla;

import io.attune.core.identity.LeadId;
import io.attune.core.sla.SlaTimer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Reads an {@code sla_timers} row. */
public final class SlaTimerRows {
    public static final String COLUMNS = "lead_id, qualified_at, due_at, status, breached_at, closed_at";

    private SlaTimerRows() {
    }

    public static SlaTimer timer(ResultSet rs) throws SQLException {
        return new SlaTimer(new LeadId(rs.getString("lead_id")), Instant.ofEpochMilli(rs.getLong("qualified_at")),
                Instant.ofEpochMilli(rs.getLong("due_at")), SlaTimer.Status.fromWireName(rs.getString("status")),
                instant(rs, "breached_at"), instant(rs, "closed_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
