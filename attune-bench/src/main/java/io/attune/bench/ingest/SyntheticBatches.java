package io.attune.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Segment batch bodies for the ingestion benchmark: many people, each arriving in visits of three to
 * eight messages (pages, tracked actions, sometimes an identify with traits) that an SDK sends
 * together, in the shape analytics SDKs send.
 */
final class SyntheticBatches {
    private static final String[] PAGES = {"/", "/pricing", "/case-studies/acme", "/blog/eap-vs-digital",
        "/roi-calculator", "/webinars", "/careers", "/about", "/solutions/employers", "/resources/benefits-guide"};
    private static final String[] TRACKS = {"ROI Calculator Completed", "Webinar Registered", "Case Study Downloaded",
        "Demo Requested", "Pricing Viewed", "Email Link Clicked"};
    private static final String[] TITLES = {"VP, Benefits", "Chief People Officer", "Benefits Manager",
        "HR Generalist", "Benefits Broker", "Director of Total Rewards"};

    private SyntheticBatches() {
    }

    /** {@code events} messages for {@code people} people, {@code batchSize} to a batch, as JSON bodies. */
    static List<byte[]> generate(String prefix, int events, int people, int batchSize, Instant now, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> batches = new ArrayList<>();
        StringBuilder body = new StringBuilder(batchSize * 400);
        int inBatch = 0;
        int person = 0;
        int visitLeft = 0;
        Instant at = now;
        for (int i = 0; i < events; i++) {
            if (inBatch == 0) {
                body.setLength(0);
                body.append("{\"batch\":[");
            } else {
                body.append(',');
            }
            if (visitLeft == 0) {
                person = random.nextInt(people);
                visitLeft = 3 + random.nextInt(6);
                at = now.minusSeconds(random.nextInt(14 * 24 * 3600));
            }
            visitLeft--;
            at = at.plusSeconds(15 + random.nextInt(120));
            message(body, prefix + "-" + i, "user-" + person, person, at, random);
            if (++inBatch == batchSize || i == events - 1) {
                body.append("],\"sentAt\":\"").append(now).append("\"}");
                batches.add(body.toString().getBytes(StandardCharsets.UTF_8));
                inBatch = 0;
            }
        }
        return batches;
    }

    private static void message(StringBuilder out, String messageId, String userId, int person, Instant at,
            SplittableRandom random) {
        int roll = random.nextInt(100);
        out.append("{\"messageId\":\"").append(messageId).append("\",\"userId\":\"").append(userId)
                .append("\",\"timestamp\":\"").append(at).append("\",\"context\":{\"library\":{\"name\":")
                .append("\"analytics-node\",\"version\":\"2.1.0\"},\"campaign\":{\"source\":\"linkedin\",")
                .append("\"medium\":\"social\"},\"userAgent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4)\"},");
        if (roll < 10) {
            out.append("\"type\":\"identify\",\"traits\":{\"email\":\"person").append(person)
                    .append("@company").append(person % 500).append(".com\",\"title\":\"")
                    .append(TITLES[random.nextInt(TITLES.length)]).append("\",\"employees\":")
                    .append(200 + random.nextInt(20_000)).append(",\"segment\":\"employer\"}}");
        } else if (roll < 40) {
            out.append("\"type\":\"track\",\"event\":\"").append(TRACKS[random.nextInt(TRACKS.length)])
                    .append("\",\"properties\":{\"plan\":\"enterprise\",\"seats\":").append(random.nextInt(5000))
                    .append("}}");
        } else {
            String path = PAGES[random.nextInt(PAGES.length)];
            out.append("\"type\":\"page\",\"name\":\"").append(path).append("\",\"properties\":{\"path\":\"")
                    .append(path).append("\",\"url\":\"https://www.example-health.com").append(path)
                    .append("\",\"title\":\"Example Health\",\"referrer\":\"https://www.linkedin.com/\"}}");
        }
    }
}
