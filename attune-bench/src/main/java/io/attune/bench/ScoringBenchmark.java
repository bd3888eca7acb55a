package io.attune.bench;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.event.Event;
import io.attune.core.event.Group;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.InMemoryLeadBook;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.LeadTraits;
import io.attune.core.lead.Safeguards;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.scoring.EventFacts;
import io.attune.core.scoring.LeadScore;
import io.attune.core.scoring.ScoreUpdate;
import io.attune.core.scoring.Scorer;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.model.YamlModels;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Core scoring throughput on the employer starter model, in events per second on one thread (one
 * JMH op is one event), beside the naive baseline measured in the same run. The events are a
 * deterministic synthetic employer stream ({@link EmployerWorkload}), built before measuring; the
 * setup prints the model's rule counts and how many rules the scorer tests per event.
 * <ul>
 *   <li>{@code scorer}: {@link Scorer#score} per event over per-lead {@link LeadScore}s preloaded with
 *       the first half of the stream: the incremental, O(1)-per-event path. The second half is
 *       measured, cycling, with the preloaded scores restored at each pass.
 *   <li>{@code naiveRecompute}: the baseline, what a batch tool does: for each of the same events,
 *       the lead's score recomputed from {@link LeadScore#empty} through the same scorer over all of
 *       the lead's events so far (in shuffled order, see {@link Replays}). The setup checks that it
 *       agrees with the incremental scores.
 *   <li>{@code leadScoring}: {@link LeadScoring#apply}, i.e. the scorer plus identify traits and the
 *       fit recomputation they trigger, over preloaded {@link LeadState}s.
 *   <li>{@code recordEvent}: the whole per-event path, {@link RecordEvent} over an
 *       {@link InMemoryLeadBook} without history: duplicate check, identity resolution, lead creation,
 *       account roll-up, scoring and stage rules. It records the whole stream from an empty book,
 *       cycling, with a new book at each pass.
 * </ul>
 * Run from the repository root (about three minutes; results in docs/bench-scoring.md):
 * <pre>
 * mvn -q -B -pl attune-bench -am package -DskipTests
 * java -jar attune-bench/target/benchmarks.jar ScoringBenchmark
 * </pre>
 * Add {@code -prof gc} for allocation per event, or {@code -prof jfr} (or {@code -prof stack}) for
 * where the time goes. {@code -p leads=2000 -p eventsPerLead=100} changes the stream: the naive
 * baseline's cost grows with events per lead, the incremental paths' does not.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms2g", "-Xmx2g"})
@Threads(1)
public class ScoringBenchmark {
    /** Events per benchmark invocation; {@code @OperationsPerInvocation} makes one op one event. */
    static final int BATCH = 1_000;
    private static final long SEED = 20_250_106L;
    private static final WorkspaceId WORKSPACE = new WorkspaceId("bench");

    /** The model and the event stream, shared by every benchmark. */
    @State(Scope.Benchmark)
    public static class Stream {
        @Param("10000")
        public int leads;
        @Param("20")
        public int eventsPerLead;

        Map<Segment, ScoringModel> models;
        ScoringModel model;
        EmployerWorkload workload;
        /** The measured events of the preloaded benchmarks: {@code [liveFrom, liveTo)}, whole batches. */
        int liveFrom;
        int liveTo;

        @Setup(Level.Trial)
        public void generate() {
            models = YamlModels.starterModels(new ModelCompiler(new ConditionCompiler()));
            model = models.get(Segment.EMPLOYER);
            workload = EmployerWorkload.generate(leads, eventsPerLead, SEED);
            liveFrom = workload.size() / 2;
            liveTo = liveFrom + (workload.size() - liveFrom) / BATCH * BATCH;
            RuleCensus.print(model, workload, System.out);
        }

        ScoreUpdate score(Scorer scorer, LeadScore score, int index) {
            Event event = workload.event(index);
            int lead = workload.leadOf(index);
            return scorer.score(model, score, event,
                    new EventFacts(event, workload.leadFacts(lead), workload.accountFacts(lead), score, model));
        }

        /** The naive way: the lead's score from nothing, over its events up to {@code upTo} inclusive. */
        LeadScore recompute(Scorer scorer, int lead, int upTo) {
            Event[] history = workload.history(lead);
            Map<String, Object> leadFacts = workload.leadFacts(lead);
            Map<String, Object> accountFacts = workload.accountFacts(lead);
            LeadScore score = LeadScore.empty(model);
            for (int k = 0; k <= upTo; k++) {
                Event event = history[k];
                score = scorer.score(model, score, event, new EventFacts(event, leadFacts, accountFacts, score, model))
                        .score();
            }
            return score;
        }
    }

    /** Per-lead scores preloaded with the first half of the stream. */
    @State(Scope.Thread)
    public static class Scores {
        final Scorer scorer = new Scorer();
        LeadScore[] preloaded;
        LeadScore[] current;
        int next;

        @Setup(Level.Trial)
        public void preload(Stream stream) {
            preloaded = new LeadScore[stream.leads];
            int[] lastPosition = new int[stream.leads];
            Arrays.fill(preloaded, LeadScore.empty(stream.model));
            Arrays.fill(lastPosition, -1);
            long scored = 0;
            for (int i = 0; i < stream.liveFrom; i++) {
                int lead = stream.workload.leadOf(i);
                ScoreUpdate update = stream.score(scorer, preloaded[lead], i);
                preloaded[lead] = update.score();
                lastPosition[lead] = stream.workload.positionOf(i);
                scored += update.contributions().isEmpty() ? 0 : 1;
            }
            for (int lead = 0; lead < stream.leads; lead++) {
                if (lastPosition[lead] >= 0 && !stream.recompute(scorer, lead, lastPosition[lead]).equals(preloaded[lead])) {
                    throw new IllegalStateException("the naive recomputation disagrees with the scorer for lead " + lead);
                }
            }
            System.out.printf(Locale.ROOT, "[census] preloaded %d leads with %d events (%.1f%% earned points);"
                    + " naive recomputation agrees with the incremental scores%n", stream.leads, stream.liveFrom,
                    100.0 * scored / stream.liveFrom);
            current = preloaded.clone();
            next = stream.liveFrom;
        }

        int nextBatch(Stream stream) {
            if (next == stream.liveTo) {
                System.arraycopy(preloaded, 0, current, 0, preloaded.length);
                next = stream.liveFrom;
            }
            int from = next;
            next += BATCH;
            return from;
        }
    }

    /**
     * The measured events in a fixed shuffled order. The baseline keeps no state between events, so
     * order does not change what it computes; shuffling makes every batch a fair sample, where the
     * time order would put the long histories of the most active leads into a few batches.
     */
    @State(Scope.Thread)
    public static class Replays {
        final Scorer scorer = new Scorer();
        int[] order;
        int next;

        @Setup(Level.Trial)
        public void start(Stream stream) {
            order = new int[stream.liveTo - stream.liveFrom];
            long replayed = 0;
            for (int i = 0; i < order.length; i++) {
                order[i] = stream.liveFrom + i;
                replayed += stream.workload.positionOf(order[i]) + 1;
            }
            Random random = new Random(SEED);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            System.out.printf(Locale.ROOT, "[census] the naive baseline replays %.1f events per measured event%n",
                    (double) replayed / order.length);
            next = 0;
        }

        int nextBatch() {
            if (next == order.length) {
                next = 0;
            }
            int from = next;
            next += BATCH;
            return from;
        }
    }

    /** Per-lead states preloaded with the first half of the stream through {@link LeadScoring#apply}. */
    @State(Scope.Thread)
    public static class Leads {
        /** The employer segment is not gated, so the ledger is never read. */
        private static final Safeguards SAFEGUARDS = Safeguards.of(ScoringGate.STANDARD, DataDictionary.defaults(),
                ConsentLedger.EMPTY);

        final LeadScoring scoring = new LeadScoring();
        LeadState[] preloaded;
        LeadState[] current;
        int next;

        @Setup(Level.Trial)
        public void preload(Stream stream) {
            preloaded = new LeadState[stream.leads];
            for (int lead = 0; lead < stream.leads; lead++) {
                Event first = stream.workload.history(lead)[0];
                preloaded[lead] = new LeadState(LeadId.derivedFrom(WORKSPACE, first.header().identities().get(0)),
                        stream.model.segment(), Stage.LEAD, true, LeadTraits.NONE, Optional.empty(), Set.of(),
                        stream.model.version(), LeadScore.empty(stream.model), first.timestamp(), first.timestamp(), 0,
                        first.header().receivedAt());
            }
            for (int i = 0; i < stream.liveFrom; i++) {
                int lead = stream.workload.leadOf(i);
                preloaded[lead] = apply(stream, scoring, preloaded[lead], i).lead();
            }
            current = preloaded.clone();
            next = stream.liveFrom;
        }

        int nextBatch(Stream stream) {
            if (next == stream.liveTo) {
                System.arraycopy(preloaded, 0, current, 0, preloaded.length);
                next = stream.liveFrom;
            }
            int from = next;
            next += BATCH;
            return from;
        }

        static LeadScoring.Step apply(Stream stream, LeadScoring scoring, LeadState lead, int index) {
            Event event = stream.workload.event(index);
            return scoring.apply(stream.model, lead, event, stream.workload.accountFacts(stream.workload.leadOf(index)),
                    event instanceof Group, SAFEGUARDS);
        }
    }

    /** A {@link RecordEvent} over an in-memory book without history, restarted empty at each pass of the stream. */
    @State(Scope.Thread)
    public static class Recording {
        ModelCatalog catalog;
        InMemoryLeadBook book;
        RecordEvent record;
        int next;
        int end;

        @Setup(Level.Trial)
        public void start(Stream stream) {
            catalog = new ModelCatalog() {
                @Override
                public ScoringModel active(Segment segment) {
                    return stream.models.get(segment);
                }

                @Override
                public Segment defaultSegment() {
                    return Segment.EMPLOYER;
                }
            };
            end = stream.workload.size() / BATCH * BATCH;
            restart();
            long failures = 0;
            for (int i = 0; i < end; i++) {
                if (record.record(stream.workload.event(i)) instanceof Recorded.Accepted accepted) {
                    failures += accepted.failures().size();
                }
            }
            System.out.printf(Locale.ROOT, "[census] one recordEvent pass: %d events, %d leads, %d accounts,"
                    + " %d leads reached MQL, %d rule failures%n", end, book.leads().size(), book.accounts().size(),
                    book.transitions().stream().filter(t -> t.to() == Stage.MQL).count(), failures);
            restart();
        }

        private void restart() {
            book = new InMemoryLeadBook(false);
            record = new RecordEvent(WORKSPACE, catalog, book, new LeadScoring());
            next = 0;
        }

        int nextBatch() {
            if (next == end) {
                restart();
            }
            int from = next;
            next += BATCH;
            return from;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void scorer(Stream stream, Scores scores, Blackhole blackhole) {
        int from = scores.nextBatch(stream);
        LeadScore[] current = scores.current;
        for (int i = from; i < from + BATCH; i++) {
            int lead = stream.workload.leadOf(i);
            ScoreUpdate update = stream.score(scores.scorer, current[lead], i);
            current[lead] = update.score();
            blackhole.consume(update);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void naiveRecompute(Stream stream, Replays replays, Blackhole blackhole) {
        int from = replays.nextBatch();
        for (int k = from; k < from + BATCH; k++) {
            int i = replays.order[k];
            blackhole.consume(stream.recompute(replays.scorer, stream.workload.leadOf(i), stream.workload.positionOf(i)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void leadScoring(Stream stream, Leads leads, Blackhole blackhole) {
        int from = leads.nextBatch(stream);
        LeadState[] current = leads.current;
        for (int i = from; i < from + BATCH; i++) {
            int lead = stream.workload.leadOf(i);
            LeadScoring.Step step = Leads.apply(stream, leads.scoring, current[lead], i);
            current[lead] = step.lead();
            blackhole.consume(step);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void recordEvent(Stream stream, Recording recording, Blackhole blackhole) {
        int from = recording.nextBatch();
        for (int i = from; i < from + BATCH; i++) {
            blackhole.consume(recording.record.record(stream.workload.event(i)));
        }
    }
}
