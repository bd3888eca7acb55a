package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.ConsentOutcome;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Purpose;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.crypto.KeySource;
import io.attune.store.crypto.Keyring;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune keys}: rotating the data keys, re-sealing the store under the new one, and counting. */
class KeysCommandTest {
    private static final String MAPPING = """
            kind: leads
            ids: {userId: patient_id}
            timestamp: created_at
            fields:
              diagnosis: diagnosis
            constants: {segment: consumer}
            """;
    private static final String CSV = """
            patient_id,diagnosis,created_at
            P-1,bipolar II disorder,2025-03-02
            P-2,opioid use disorder,2025-03-03
            """;

    private static final Instant ASKED_AT = Instant.parse("2026-10-01T09:00:00Z");

    @TempDir
    Path directory;

    @Test
    void rotate_then_reencrypt_leaves_nothing_under_the_old_key_and_the_data_readable() throws IOException {
        Path data = directory.resolve("data");
        Path keys = directory.resolve("secrets/attune.keys");
        Cli.Run made = Cli.run("keys", "rotate", "--data-key-file", keys.toString());
        assertThat(made.exit()).as(made.describe()).isZero();
        assertThat(made.out()).contains("primary data key k1");
        String workspace = importHealthTraits(data, keys);
        assertThat(status(data, keys)).contains("leads.state: k1 (primary) 2, other keys 0, not sealed 0");

        Cli.Run rotated = Cli.run("keys", "rotate", "--data-key-file", keys.toString());
        Cli.Run reencrypted = Cli.run("keys", "reencrypt", "--batch", "1", "--data", data.toString(),
                "--data-key-file", keys.toString());

        assertThat(rotated.out()).as(rotated.describe()).contains("primary data key k2, also [k1]");
        assertThat(reencrypted.exit()).as(reencrypted.describe()).isZero();
        assertThat(reencrypted.out()).contains("leads.state: 1 re-sealed", "leads.state: 2 re-sealed",
                "values re-sealed under k2");
        String status = status(data, keys);
        assertThat(status).contains("leads.state: k2 (primary) 2, k1 0, other keys 0, not sealed 0")
                .containsPattern("events.event: k2 \\(primary\\) 2, k1 0, other keys 0, not sealed 0");
        Keyring newKeyOnly = new Keyring(List.of(KeySource.of(new StoreLocation.SqliteDirectory(data),
                Optional.of(keys), System.getenv()).load().primary()));
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(data), newKeyOnly, WriterSettings.DEFAULTS,
                Clock.systemUTC())) {
            assertThat(store.queries().leadByIdentity(new WorkspaceId(workspace),
                    new Identity(IdentityKind.USER_ID, "P-2")).orElseThrow().traits().attributes().asMap())
                    .containsEntry("diagnosis", "opioid use disorder");
        }
        for (Path file : List.of(data.resolve("attune.db"), data.resolve("attune.db-wal"))) {
            if (Files.exists(file)) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .doesNotContain("bipolar II disorder", "opioid use disorder");
            }
        }
    }

    @Test
    void reencrypt_reseals_the_consent_ledger_and_status_counts_only_its_filled_cells() throws Exception {
        Path data = directory.resolve("data");
        Path keys = directory.resolve("attune.keys");
        Cli.run("keys", "rotate", "--data-key-file", keys.toString());
        WorkspaceId workspace = new WorkspaceId(importHealthTraits(data, keys));
        ConsentRecord stop = new ConsentRecord(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(), false,
                Optional.of(new Disclosure("Asked by phone to stop the opioid use disorder program emails",
                        Optional.empty())), ConsentSource.API, Optional.of(CaptureMethod.VERBAL), ASKED_AT,
                Optional.empty(), Optional.empty(), new Actor.User("front-desk-2"), ASKED_AT, Evidence.NONE);
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(data), keyring(data, keys),
                WriterSettings.DEFAULTS, Clock.systemUTC())) {
            LeadId lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "P-1"))
                    .orElseThrow().id();
            assertThat(store.writer().submit(workspace, lead, stop).toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .isEqualTo(new ConsentOutcome.Recorded(lead, stop));
        }
        assertThat(status(data, keys)).contains("consents.disclosure: k1 (primary) 1, other keys 0, not sealed 0",
                "consents.page: k1 (primary) 0, other keys 0, not sealed 0");

        Cli.run("keys", "rotate", "--data-key-file", keys.toString());
        Cli.Run reencrypted = Cli.run("keys", "reencrypt", "--data", data.toString(), "--data-key-file",
                keys.toString());

        assertThat(reencrypted.exit()).as(reencrypted.describe()).isZero();
        assertThat(reencrypted.out()).contains("consents.disclosure: 1 re-sealed");
        assertThat(status(data, keys)).contains(
                "consents.disclosure: k2 (primary) 1, k1 0, other keys 0, not sealed 0");
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(data),
                new Keyring(List.of(keyring(data, keys).primary())), WriterSettings.DEFAULTS, Clock.systemUTC())) {
            LeadId lead = store.queries().leadByIdentity(workspace, new Identity(IdentityKind.USER_ID, "P-1"))
                    .orElseThrow().id();
            assertThat(store.consents().ledger(workspace, lead).history()).containsExactly(stop);
        }
        assertThat(new DataDirectory(data).rows("SELECT disclosure FROM consents")).singleElement()
                .satisfies(stored -> assertThat(stored).startsWith("enc1:k2:").doesNotContain("opioid"));
    }

    private static Keyring keyring(Path data, Path keys) {
        return KeySource.of(new StoreLocation.SqliteDirectory(data), Optional.of(keys), System.getenv()).load();
    }

    @Test
    void a_store_read_with_another_key_stops_with_a_message_and_changes_nothing() throws IOException {
        Path data = directory.resolve("data");
        Path keys = directory.resolve("attune.keys");
        Path otherKeys = directory.resolve("other.keys");
        Cli.run("keys", "rotate", "--data-key-file", keys.toString());
        Cli.run("keys", "rotate", "--data-key-file", otherKeys.toString());
        importHealthTraits(data, keys);
        List<String> before = new DataDirectory(data).rows("SELECT lead_id, state FROM leads ORDER BY lead_id");

        Cli.Run run = Cli.run("rebuild", "--data", data.toString(), "--data-key-file", otherKeys.toString());

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("events.event of ").contains("does not authenticate under data key 'k1'")
                .doesNotContain("disorder");
        assertThat(new DataDirectory(data).rows("SELECT lead_id, state FROM leads ORDER BY lead_id"))
                .isEqualTo(before);
    }

    @Test
    void with_the_keys_in_the_environment_rotate_prints_the_value_to_store_in_their_place() {
        String configured = System.getenv(KeySource.ENVIRONMENT);
        Assumptions.assumeTrue(configured != null, "the build sets ATTUNE_DATA_KEYS for the tests");

        Cli.Run run = Cli.run("keys", "rotate", "--data", directory.resolve("data").toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).startsWith("ATTUNE_DATA_KEYS is set: store this value in its place");
        String[] lines = run.out().strip().split("\n");
        Keyring before = Keyring.parse(configured, "configured");
        Keyring after = Keyring.parse(lines[lines.length - 1], "printed");
        assertThat(after.ids()).hasSize(before.ids().size() + 1).containsAll(before.ids());
        assertThat(after.keys()).containsAll(before.keys());
        assertThat(directory.resolve("data/attune.keys")).doesNotExist();
    }

    private String importHealthTraits(Path data, Path keys) throws IOException {
        Cli.Run created = Cli.run("workspace", "create", "Northside Clinic", "--segment", "consumer", "--json",
                "--data", data.toString(), "--data-key-file", keys.toString());
        assertThat(created.exit()).as(created.describe()).isZero();
        String workspace = new ObjectMapper().readTree(created.out()).path("workspace").asText();
        Cli.Run imported = Cli.run("import", ImportFiles.write(directory, "patients.csv", CSV).toString(),
                "--mapping", ImportFiles.write(directory, "patients.yaml", MAPPING).toString(),
                "--workspace", workspace, "--data", data.toString(), "--data-key-file", keys.toString());
        assertThat(imported.exit()).as(imported.describe()).isZero();
        return workspace;
    }

    private static String status(Path data, Path keys) {
        Cli.Run run = Cli.run("keys", "status", "--data", data.toString(), "--data-key-file", keys.toString());
        assertThat(run.exit()).as(run.describe()).isZero();
        return run.out();
    }
}
