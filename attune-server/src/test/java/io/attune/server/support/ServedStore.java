package io.attune.server.support;

import io.attune.core.handoff.RetryPolicy;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.server.AttuneServer;
import io.attune.server.delivery.Dispatcher;
import io.attune.store.Store;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the end-to-end tests start from: a real store on a fresh database of the engine under test,
 * one workspace in it, the server over it on loopback with a dispatcher quick enough that a test
 * sees a hand-off at once, and the receivers the test asks for. Closing stops all of it.
 */
public final class ServedStore implements AutoCloseable {
    /** Polls every 20 ms and retries within 80 ms. */
    public static final Dispatcher.Settings QUICK = new Dispatcher.Settings(Duration.ofMillis(20),
            Duration.ofMillis(500), new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(80)));

    private final Clock clock;
    private final TestDatabase database;
    private final Store store;
    private final Credentials credentials;
    private final AttuneServer server;
    private final ApiClient client;
    private final List<Receiver> receivers = new ArrayList<>();

    private ServedStore(TestDatabase.Engine engine, String workspace, Segment segment, Clock clock) {
        this.clock = clock;
        database = TestDatabase.create(engine);
        store = Store.over(database.database(), WriterSettings.DEFAULTS, clock);
        credentials = store.workspaces().create(workspace, segment, clock.instant());
        server = AttuneServer.start(store, "127.0.0.1", 0, clock, QUICK);
        client = new ApiClient(server.port());
    }

    /** A consumer workspace named after a counselling practice, as the enforcement cases use. */
    public static ServedStore start(TestDatabase.Engine engine) {
        return start(engine, Clock.systemUTC());
    }

    /** As {@link #start(TestDatabase.Engine)}, the store and server on {@code clock}. */
    public static ServedStore start(TestDatabase.Engine engine, Clock clock) {
        return new ServedStore(engine, "Lakeside Counseling", Segment.CONSUMER, clock);
    }

    /** An employer workspace, for the model and scoring tests that work with the employer starter model. */
    public static ServedStore employer(TestDatabase.Engine engine) {
        return new ServedStore(engine, "Acme Benefits", Segment.EMPLOYER, Clock.systemUTC());
    }

    public Clock clock() {
        return clock;
    }

    public Store store() {
        return store;
    }

    public Credentials credentials() {
        return credentials;
    }

    public ApiClient client() {
        return client;
    }

    /** A receiver on loopback, closed with the rest. */
    public Receiver receiver() {
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        return receiver;
    }

    @Override
    public void close() {
        server.close();
        receivers.forEach(Receiver::close);
        store.writer().close();
        database.close();
    }
}
