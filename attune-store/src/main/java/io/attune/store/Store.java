package io.attune.store;

import io.attune.store.audit.JdbcAuditLog;
import io.attune.store.consent.JdbcConsents;
import io.attune.store.crypto.CellCipher;
import io.attune.store.crypto.KeySource;
import io.attune.store.crypto.KeyUsage;
import io.attune.store.crypto.Keyring;
import io.attune.store.crypto.Reencryption;
import io.attune.store.db.Database;
import io.attune.store.db.StoreLocation;
import io.attune.store.egress.JdbcEgressLog;
import io.attune.store.erasure.SubjectExport;
import io.attune.store.ingest.GroupCommitWriter;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.model.JdbcModelRegistry;
import io.attune.store.model.JdbcModelVersions;
import io.attune.store.outbox.JdbcDestinations;
import io.attune.store.outbox.JdbcOutbox;
import io.attune.store.outcome.JdbcOutcomes;
import io.attune.store.privacy.JdbcPrivacyClassifications;
import io.attune.store.privacy.JdbcPrivacyKeys;
import io.attune.store.query.JdbcLeadQueries;
import io.attune.store.rights.JdbcRightsRequests;
import io.attune.store.rebuild.Rebuild;
import io.attune.store.sla.JdbcOverdueTimers;
import io.attune.store.workspace.JdbcWorkspaces;
import java.time.Clock;
import java.util.Optional;

/** Every storage adapter over one database, wired together; closing it stops the writer first. */
public final class Store implements AutoCloseable {
    private final Database database;
    private final JdbcModelRegistry models;
    private final JdbcWorkspaces workspaces;
    private final JdbcLeadQueries queries;
    private final GroupCommitWriter writer;
    private final JdbcDestinations destinations;
    private final JdbcOutbox outbox;
    private final JdbcOutcomes outcomes;
    private final JdbcOverdueTimers overdueTimers;
    private final JdbcEgressLog egress;
    private final JdbcPrivacyKeys privacyKeys;
    private final JdbcPrivacyClassifications classifications;
    private final JdbcAuditLog audit;
    private final JdbcConsents consents;
    private final CellCipher cipher;

    private Store(Database database, CellCipher cipher, WriterSettings settings, Clock clock) {
        this.database = database;
        this.cipher = cipher;
        this.models = new JdbcModelRegistry(database);
        this.workspaces = new JdbcWorkspaces(database, clock);
        this.queries = new JdbcLeadQueries(database, models, cipher);
        this.destinations = new JdbcDestinations(database);
        this.outbox = new JdbcOutbox(database, cipher);
        this.outcomes = new JdbcOutcomes(database);
        this.overdueTimers = new JdbcOverdueTimers(database);
        this.egress = new JdbcEgressLog(database);
        this.privacyKeys = new JdbcPrivacyKeys(database, clock);
        this.classifications = new JdbcPrivacyClassifications(database);
        this.audit = new JdbcAuditLog(database);
        this.consents = new JdbcConsents(database, cipher);
        this.writer = new GroupCommitWriter(database, models, destinations, workspaces, classifications, cipher,
                settings);
    }

    /** A store whose data keys come from {@code ATTUNE_DATA_KEYS}, else the SQLite directory's key file. */
    public static Store open(StoreLocation location, WriterSettings settings, Clock clock) {
        return open(location, configuredKeys(location), settings, clock);
    }

    public static Store open(StoreLocation location, Keyring keyring, WriterSettings settings, Clock clock) {
        return open(location, new CellCipher(keyring), settings, clock);
    }

    /** A store sealing with {@code cipher}: the ingestion benchmark's way to compare sealing with a pass-through. */
    public static Store open(StoreLocation location, CellCipher cipher, WriterSettings settings, Clock clock) {
        Database database = Database.open(location);
        try {
            return new Store(database, cipher, settings, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A store over an already open database (which the caller keeps ownership of only if it does not close this),
     * with the data keys of {@link #open(StoreLocation, WriterSettings, Clock)}.
     */
    public static Store over(Database database, WriterSettings settings, Clock clock) {
        return over(database, configuredKeys(database.location()), settings, clock);
    }

    public static Store over(Database database, Keyring keyring, WriterSettings settings, Clock clock) {
        return new Store(database, new CellCipher(keyring), settings, clock);
    }

    private static Keyring configuredKeys(StoreLocation location) {
        return KeySource.of(location, Optional.empty(), System.getenv()).load();
    }

    public Database database() {
        return database;
    }

    public JdbcModelRegistry models() {
        return models;
    }

    /** Writing model versions: drafts, approval, activation (which re-scores through the writer). */
    public JdbcModelVersions modelVersions() {
        return new JdbcModelVersions(database, models, writer);
    }

    public JdbcWorkspaces workspaces() {
        return workspaces;
    }

    public JdbcLeadQueries queries() {
        return queries;
    }

    public GroupCommitWriter writer() {
        return writer;
    }

    public JdbcDestinations destinations() {
        return destinations;
    }

    public JdbcOutbox outbox() {
        return outbox;
    }

    public JdbcOverdueTimers overdueTimers() {
        return overdueTimers;
    }

    public JdbcOutcomes outcomes() {
        return outcomes;
    }

    /** Every egress decision: what each destination was sent, redacted or refused, and by which rules. */
    public JdbcEgressLog egress() {
        return egress;
    }

    /** Each workspace's keys for content groups and pseudonyms. */
    public JdbcPrivacyClassifications classifications() {
        return classifications;
    }

    public JdbcPrivacyKeys privacyKeys() {
        return privacyKeys;
    }

    public JdbcConsents consents() {
        return consents;
    }

    /** The hash-chained audit log: PHI reads, consent changes, egress decisions, policy overrides. */
    public JdbcAuditLog audit() {
        return audit;
    }

    /** Everything held about one person, as one document (a data-subject export), and the tombstones of the erased. */
    public SubjectExport subjectExport() {
        return new SubjectExport(database, models, cipher);
    }

    /** Rights requests (USE-06) with their deadlines and, for deletions, the recipients' confirmations. */
    public JdbcRightsRequests rightsRequests() {
        return new JdbcRightsRequests(database);
    }

    public Rebuild rebuild() {
        return new Rebuild(database, models, workspaces, cipher);
    }

    /** Seals and opens the columns that hold health data (lead states, event bodies and extras). */
    public CellCipher cipher() {
        return cipher;
    }

    /** How many stored values each data key sealed. */
    public KeyUsage keyUsage() {
        return new KeyUsage(database, cipher.keyring());
    }

    /** Re-seals every stored value under the primary key. */
    public Reencryption reencryption() {
        return new Reencryption(database, cipher);
    }

    @Override
    public void close() {
        writer.close();
        database.close();
    }
}
