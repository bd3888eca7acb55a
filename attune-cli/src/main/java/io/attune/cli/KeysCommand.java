package io.attune.cli;

import io.attune.store.Store;
import io.attune.store.crypto.KeySource;
import io.attune.store.crypto.KeyUsage;
import io.attune.store.crypto.Keyring;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code attune keys rotate|reencrypt|status}: the data keys that seal health data at rest. Prints key
 * ids and counts, never key material (but for {@code rotate} with {@code ATTUNE_DATA_KEYS}, whose new value
 * only the operator can store).
 */
@Command(name = "keys", description = "Rotates the data keys that seal health data at rest, re-seals stored values "
        + "under the primary key, and counts the values under each key.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.Reencrypt.class, KeysCommand.Status.class})
final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: rotate, reencrypt or status");
    }

    @Command(name = "rotate", description = "Adds a fresh primary data key; the old keys stay to read what they "
            + "sealed. Restart the server, then run `attune keys reencrypt`.")
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SecureRandom random = new SecureRandom();
            KeySource source = store.keySource();
            if (source instanceof KeySource.KeyFile file) {
                Keyring rotated = Files.exists(file.path()) ? file.load().rotated(random) : Keyring.generate(random);
                KeySource.KeyFile.write(file.path(), rotated, true);
                out.printf("%s: primary data key %s, also %s%n", file.path(), rotated.primary().id(),
                        rotated.ids().subList(1, rotated.ids().size()));
                out.println("Restart the server so that it seals with the new key, then run `attune keys reencrypt`.");
                return 0;
            }
            Keyring rotated = source.load().rotated(random);
            out.printf("%s is set: store this value in its place (primary %s first), restart the server, then run "
                    + "`attune keys reencrypt`:%n", KeySource.ENVIRONMENT, rotated.primary().id());
            out.println(String.join(",", rotated.text().strip().split("\n")));
            return 0;
        }
    }

    @Command(name = "reencrypt", description = "Re-seals every stored value under the primary data key, a batch per "
            + "transaction; safe to stop and run again, and safe while the server runs with the same keys.")
    static final class Reencrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--batch", defaultValue = "1000", paramLabel = "N",
                description = "values per transaction (default ${DEFAULT-VALUE})")
        int batch;

        @Override
        public Integer call() throws Exception {
            if (batch < 1) {
                throw new IllegalArgumentException("--batch must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Store opened = store.open(Clock.systemUTC())) {
                long resealed = opened.reencryption().run(batch, progress ->
                        out.printf("%s: %d re-sealed%n", progress.column().label(), progress.resealed()));
                out.printf("%d values re-sealed under %s%n", resealed, opened.cipher().keyring().primary().id());
                Status.print(out, opened);
            }
            return 0;
        }
    }

    @Command(name = "status", description = "Counts the stored values sealed under each data key, under keys not "
            + "configured, and not sealed yet. A key with none left may be retired.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws Exception {
            try (Store opened = store.open(Clock.systemUTC())) {
                print(spec.commandLine().getOut(), opened);
            }
            return 0;
        }

        static void print(PrintWriter out, Store store) throws Exception {
            String primary = store.cipher().keyring().primary().id();
            for (KeyUsage.ColumnUsage usage : store.keyUsage().count()) {
                StringBuilder line = new StringBuilder(usage.column().label()).append(':');
                for (Map.Entry<String, Long> key : usage.byKey().entrySet()) {
                    line.append(' ').append(key.getKey()).append(key.getKey().equals(primary) ? " (primary)" : "")
                            .append(' ').append(key.getValue()).append(',');
                }
                line.append(" other keys ").append(usage.otherKeys()).append(", not sealed ").append(usage.plaintext());
                out.println(line);
            }
        }
    }
}
