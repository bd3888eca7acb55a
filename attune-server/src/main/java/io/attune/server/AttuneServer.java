package io.attune.server;

import io.attune.core.lead.LeadScoring;
import io.attune.server.audit.PhiReads;
import io.attune.server.backtest.BacktestJobs;
import io.attune.server.backtest.BacktestRoutes;
import io.attune.server.backtest.Backtester;
import io.attune.server.proposal.ProposalJobs;
import io.attune.server.proposal.ProposalRoutes;
import io.attune.server.proposal.RuleProposer;
import io.attune.server.consent.ConsentRoutes;
import io.attune.server.delivery.DestinationRoutes;
import io.attune.server.delivery.Dispatcher;
import io.attune.server.delivery.EgressGate;
import io.attune.server.delivery.EgressRoutes;
import io.attune.server.delivery.OutboxRoutes;
import io.attune.server.delivery.WebhookRenderer;
import io.attune.server.drift.DriftCheck;
import io.attune.server.drift.DriftRoutes;
import io.attune.server.drift.DriftSampler;
import io.attune.server.http.HttpApp;
import io.attune.server.ingest.IngestionRoutes;
import io.attune.server.ingest.SegmentIngestion;
import io.attune.server.ingest.SegmentParser;
import io.attune.server.lint.LintRoutes;
import io.attune.server.models.ModelVersionRoutes;
import io.attune.server.models.RegistryRuleDescriber;
import io.attune.server.outcomes.OutcomeRoutes;
import io.attune.server.crisis.CrisisRoutes;
import io.attune.server.sales.SalesFeedbackRoutes;
import io.attune.server.privacy.ClassificationRoutes;
import io.attune.server.settings.SettingsRoutes;
import io.attune.server.sla.SlaRoutes;
import io.attune.server.subject.RequestDeadlines;
import io.attune.server.subject.RightsRequestRoutes;
import io.attune.server.subject.SubjectRequestRoutes;
import io.attune.server.sla.SlaWatcher;
import io.attune.server.webhook.HandOffEvents;
import io.attune.server.webhook.PresetFiles;
import io.attune.store.Store;
import io.attune.store.copy.YamlCopyRules;
import io.attune.store.rights.JdbcRightsRequests;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * The one place the server is wired by hand: the store's adapters behind the REST API, the
 * Segment-compatible ingestion and the sales feedback in front of the store's writer, on one port,
 * and the dispatcher that delivers the outbox to the workspaces' destinations.
 */
public final class AttuneServer implements AutoCloseable {
    private final HttpApp http;
    private final Dispatcher dispatcher;
    private final SlaWatcher watcher;
    private final BacktestJobs backtests;
    private final ProposalJobs proposals;

    private AttuneServer(HttpApp http, Dispatcher dispatcher, SlaWatcher watcher, BacktestJobs backtests,
            ProposalJobs proposals) {
        this.http = http;
        this.dispatcher = dispatcher;
        this.watcher = watcher;
        this.backtests = backtests;
        this.proposals = proposals;
    }

    /** Starts serving {@code store} on {@code host:port} (port 0 picks a free one). The caller keeps the store. */
    public static AttuneServer start(Store store, String host, int port, Clock clock) {
        return start(store, host, port, clock, Dispatcher.Settings.DEFAULTS);
    }

    /** As {@link #start(Store, String, int, Clock)}, delivering hand-offs with {@code delivery}'s timing. */
    public static AttuneServer start(Store store, String host, int port, Clock clock, Dispatcher.Settings delivery) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("attune_writer_queued_events", store.writer(), writer -> writer.queuedEvents())
                .description("events accepted by ingestion and waiting to be written").register(metrics);
        PresetFiles presets = new PresetFiles();
        // Every read of lead data through the API is audited; a read whose entry cannot be written fails.
        PhiReads reads = new PhiReads(store.audit(), clock);
        JdbcRightsRequests rights = store.rightsRequests();
        RequestDeadlines deadlines = new RequestDeadlines(store.queries(), store.workspaces());
        SegmentIngestion ingestion = new SegmentIngestion(new SegmentParser(), store.workspaces(), store.writer());
        Backtester backtester = new Backtester(store.queries(), store.outcomes(), store.models(), store.workspaces(),
                store.classifications());
        BacktestJobs backtests = new BacktestJobs(backtester);
        ProposalJobs proposals = new ProposalJobs(new RuleProposer(backtester, store.queries(), store.outcomes(),
                store.models(), store.modelVersions(), clock));
        HttpApp http = new HttpApp(store.queries(), store.workspaces(), store.classifications(), store.models(),
                new LeadScoring(),
                store.audit(), store.database()::healthy, metrics, clock,
                List.of(new IngestionRoutes(ingestion, clock), new SalesFeedbackRoutes(store.writer(), clock),
                        new CrisisRoutes(store.writer(), store.audit(), clock),
                        new ConsentRoutes(store.queries(), store.consents(), store.writer(), rights, deadlines, reads,
                                clock),
                        new OutcomeRoutes(store.queries(), store.outcomes(), store.writer(), reads, clock),
                        new DestinationRoutes(store.destinations(), store.classifications(), presets, clock),
                        new OutboxRoutes(store.outbox(), store.egress(), reads, clock),
                        new EgressRoutes(store.egress(), reads), new SettingsRoutes(store.workspaces(), clock),
                        new ClassificationRoutes(store.classifications(), clock),
                        new SlaRoutes(store.queries(), reads), new LintRoutes(YamlCopyRules.standardLinter()),
                        new SubjectRequestRoutes(store.subjectExport(), store.writer(), rights, deadlines, reads,
                                clock),
                        new RightsRequestRoutes(rights, clock),
                        new ModelVersionRoutes(store.modelVersions(), clock),
                        new BacktestRoutes(backtests, store.models(), reads, clock),
                        new ProposalRoutes(proposals, store.models(), clock),
                        new DriftRoutes(new DriftCheck(new DriftSampler(store.queries(), store.outcomes(),
                                store.workspaces(), store.classifications()), store.models()), clock)));
        http.start(host, port);
        HandOffEvents events = new HandOffEvents(new RegistryRuleDescriber(store.models()));
        // Every send is decided by the destination's egress policy first, and the decision recorded and audited.
        EgressGate gate = new EgressGate(store.queries(), store.workspaces(), store.consents(), store.privacyKeys(),
                store.classifications(), store.egress(), store.audit());
        Dispatcher dispatcher = new Dispatcher(store.outbox(), store.destinations(), gate,
                new WebhookRenderer(events, presets, clock), delivery, clock).start();
        // Overdue timers are looked for at the dispatcher's pace: a breach leaves as promptly as a hand-off.
        SlaWatcher watcher = new SlaWatcher(store.overdueTimers(), store.writer(), clock, delivery.poll()).start();
        return new AttuneServer(http, dispatcher, watcher, backtests, proposals);
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        watcher.close();
        dispatcher.close();
        backtests.close();
        proposals.close();
        http.stop();
    }
}
