package io.attune.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback, as a customer's endpoint would be: it answers each request with the
 * next scripted reply (a status after an optional delay; 200 at once when the script runs out) and
 * keeps every request it was sent, in order of arrival.
 */
public final class Receiver implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final LinkedBlockingQueue<Request> arrived = new LinkedBlockingQueue<>();
    private final List<Request> taken = new ArrayList<>();

    /** One request as it arrived: its headers (names lower-cased) and its exact body. */
    public record Request(Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** What to answer: {@code status} after {@code delay}. */
    public record Reply(int status, Duration delay) {
        public static Reply status(int status) {
            return new Reply(status, Duration.ZERO);
        }

        public static Reply after(Duration delay, int status) {
            return new Reply(status, delay);
        }
    }

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not listen on loopback", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/attune");
    }

    /** Queues replies, answered in order before the default 200. */
    public Receiver script(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Waits for the next {@code count} requests and returns them; fails after a generous wait. */
    public List<Request> next(int count) {
        List<Request> requests = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Request request = arrived.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (request == null) {
                    throw new AssertionError("the receiver got " + requests.size() + " of the " + count
                            + " requests it waited for");
                }
                requests.add(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for requests", e);
        }
        taken.addAll(requests);
        return requests;
    }

    /** Requests that arrived and were not yet taken by {@link #next(int)}. */
    public List<Request> unread() {
        List<Request> requests = new ArrayList<>();
        arrived.drainTo(requests);
        taken.addAll(requests);
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        Reply reply = script.poll();
        if (reply == null) {
            reply = Reply.status(200);
        }
        try {
            Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        arrived.add(new Request(headers, body));
        try {
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (IOException e) {
            // the sender gave up waiting (a timeout under test); the request still arrived
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
