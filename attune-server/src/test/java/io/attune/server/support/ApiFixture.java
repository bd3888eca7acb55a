package io.attune.server.support;

import io.attune.core.erasure.Erasure;
import io.attune.server.backtest.BacktestJobs;
import io.attune.server.backtest.BacktestRoutes;
import io.attune.server.backtest.Backtester;
import io.attune.server.fakes.InMemoryRightsRequests;
import io.attune.server.fakes.NoSubjectRecords;
import io.attune.server.fakes.ReadOnlyModelVersions;
import io.attune.server.models.ModelVersionRoutes;
import io.attune.server.proposal.ProposalJobs;
import io.attune.server.proposal.ProposalRoutes;
import io.attune.server.proposal.RuleProposer;
import io.attune.server.subject.RequestDeadlines;
import io.attune.server.subject.RightsRequestRoutes;
import io.attune.server.subject.SubjectRequestRoutes;
import java.util.concurrent.CompletableFuture;
import io.attune.core.TestEvents;
import io.attune.core.account.AccountId;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadScoring;
import io.attune.core.model.Decay;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.Segment;
import io.attune.core.model.StoredModel;
import io.attune.server.audit.PhiReads;
import io.attune.server.consent.ConsentRoutes;
import io.attune.server.delivery.DestinationRoutes;
import io.attune.server.delivery.EgressRoutes;
import io.attune.server.delivery.OutboxRoutes;
import io.attune.server.drift.DriftCheck;
import io.attune.server.drift.DriftRoutes;
import io.attune.server.drift.DriftSampler;
import io.attune.server.fakes.FakeStore;
import io.attune.server.fakes.Tenant;
import io.attune.server.http.HttpApp;
import io.attune.server.ingest.IngestionRoutes;
import io.attune.server.ingest.SegmentIngestion;
import io.attune.server.ingest.SegmentParser;
import io.attune.server.lint.LintRoutes;
import io.attune.server.outcomes.OutcomeRoutes;
import io.attune.server.crisis.CrisisRoutes;
import io.attune.server.sales.SalesFeedbackRoutes;
import io.attune.server.privacy.ClassificationRoutes;
import io.attune.server.settings.SettingsRoutes;
import io.attune.server.sla.SlaRoutes;
import io.attune.server.webhook.PresetFiles;
import io.attune.store.copy.YamlCopyRules;
import io.attune.store.model.YamlModels;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two workspaces of leads built by recording real events, and the server over them, with "now" one
 * decay quarter (91.31 days) after the events so that engagement reads at exactly 75% of its points.
 *
 * <p>Acme (employer, model employer-test@1 active, @2 a draft):
 * <ul>
 *   <li>pat (u-pat): group Acme Corp (2,000 employees), "VP Benefits", pricing 15 + demo 40 at T0:
 *       fit 20, engagement now 41.25, an MQL since T0, in account acme;
 *   <li>anon-1: pricing 15 at T0, never identified: a subscriber with engagement now 11.25;
 *   <li>casey (u-casey, a gmail address): a blog read, 2 points;
 *   <li>eve (u-eve, CFO): anon-3's pricing view at T0 was merged into her at T0+2h;
 *   <li>rival (u-rival, sam@rival.com): disqualified as a competitor, in account rival.com;
 *   <li>four anonymous blog readers, received ten days after T0.
 * </ul>
 * Globex has one lead, gina, to show that workspaces do not see each other.
 */
public final class ApiFixture {
    public static final Instant T0 = TestEvents.T0;
    public static final Instant NOW = T0.plus(Decay.QUARTER);
    public static final Instant LATER = T0.plus(Duration.ofDays(10));

    public final FakeStore store = new FakeStore();
    public final Tenant acme;
    public final Tenant globex;
    public final LeadId pat;
    public final LeadId anon1;
    public final LeadId casey;
    public final LeadId eve;
    public final LeadId mergedIntoEve;
    public final LeadId rival;
    public final List<LeadId> readers = new ArrayList<>();
    public final LeadId gina;
    public final AccountId acmeAccount;
    public final AccountId rivalAccount;
    public final AccountId globexAccount;

    public ApiFixture() {
        List<StoredModel> models = List.of(stored("employer-test-1.yaml", "active"),
                stored("employer-test-2.yaml", "draft"));
        acme = store.tenant("Acme Health", Segment.EMPLOYER, models, T0);
        pat = acme.record(
                TestEvents.user("u-pat").at(T0).group("acme",
                        Map.of("name", "Acme Corp", "employees", 2000, "domain", "acme-corp.com")),
                TestEvents.user("u-pat").at(T0).identify(Map.of("email", "Pat@Acme-Corp.com", "title", "VP Benefits")),
                TestEvents.user("u-pat").at(T0).page("/pricing"),
                TestEvents.user("u-pat").at(T0).track("Demo Requested"));
        anon1 = acme.record(TestEvents.anonymous("anon-1").at(T0).page("/pricing"));
        casey = acme.record(
                TestEvents.user("u-casey").at(T0).identify(Map.of("email", "casey@gmail.com", "title", "Engineer")),
                TestEvents.user("u-casey").at(T0).page("/blog/burnout"));
        mergedIntoEve = acme.record(TestEvents.anonymous("anon-3").at(T0).page("/pricing"));
        acme.record(TestEvents.user("u-eve").after(Duration.ofHours(1)).identify(Map.of("title", "CFO")));
        eve = acme.record(TestEvents.user("u-eve", "anon-3").after(Duration.ofHours(2)).page("/blog/roi"));
        rival = acme.record(
                TestEvents.user("u-rival").at(T0).identify(Map.of("email", "sam@rival.com", "title", "VP Sales")));
        for (int i = 1; i <= 4; i++) {
            readers.add(acme.record(TestEvents.anonymous("anon-p" + i).at(LATER).page("/blog/p" + i)));
        }
        acmeAccount = AccountId.ofGroup(acme.id(), "acme");
        rivalAccount = AccountId.ofDomain(acme.id(), "rival.com");

        globex = store.tenant("Globex Care", Segment.EMPLOYER, List.of(stored("employer-test-1.yaml", "active")), T0);
        gina = globex.record(
                TestEvents.user("u-gina").at(T0).identify(Map.of("email", "gina@globex.example", "title", "VP People")));
        globexAccount = AccountId.ofDomain(globex.id(), "globex.example");
        if (!mergedIntoEve.equals(LeadId.derivedFrom(acme.id(), new Identity(IdentityKind.ANONYMOUS_ID, "anon-3")))
                || eve.equals(mergedIntoEve)) {
            throw new IllegalStateException("the fixture expected anon-3's lead to be merged into eve's");
        }
    }

    /**
     * The app over this fixture's fakes, its clock fixed at {@link #NOW}, with Segment ingestion, the
     * sales feedback and outcomes routes, and the destination and outbox routes (over
     * {@link FakeStore#destinations()} and {@link FakeStore#outbox()}, with the shipped presets) mounted
     * as the server's wiring mounts them; not started.
     */
    public HttpApp app(PrometheusMeterRegistry metrics) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SegmentIngestion ingestion = new SegmentIngestion(new SegmentParser(), store.workspaces(), store.intake());
        PhiReads reads = new PhiReads(store.audit(), clock);
        InMemoryRightsRequests rights = new InMemoryRightsRequests();
        RequestDeadlines deadlines = new RequestDeadlines(store.leads(), store.workspaces());
        return new HttpApp(store.leads(), store.workspaces(), store.classifications(), store.models(),
                new LeadScoring(), store.audit(),
                () -> true, metrics, clock, List.of(new IngestionRoutes(ingestion, clock),
                        new SalesFeedbackRoutes(store.actions(), clock),
                        new CrisisRoutes(store.actions(), store.audit(), clock),
                        new ConsentRoutes(store.leads(), store.consents(), store.consentIntake(), rights,
                                deadlines, reads, clock),
                        new OutcomeRoutes(store.leads(), store.outcomes(), store.actions(), reads, clock),
                        new DestinationRoutes(store.destinations(), store.classifications(), new PresetFiles(), clock),
                        new OutboxRoutes(store.outbox(), store.egress(), reads, clock),
                        new EgressRoutes(store.egress(), reads), new SettingsRoutes(store.workspaces(), clock),
                        new ClassificationRoutes(store.classifications(), clock),
                        new SlaRoutes(store.leads(), reads), new LintRoutes(YamlCopyRules.standardLinter()),
                        new SubjectRequestRoutes(new NoSubjectRecords(), (workspace, request) ->
                                CompletableFuture.completedFuture(new Erasure.NotFound()), rights, deadlines, reads,
                                clock),
                        new RightsRequestRoutes(rights, clock),
                        new ModelVersionRoutes(new ReadOnlyModelVersions(), clock),
                        new BacktestRoutes(new BacktestJobs(backtester()), store.models(), reads, clock),
                        new ProposalRoutes(new ProposalJobs(new RuleProposer(backtester(), store.leads(),
                                store.outcomes(), store.models(), new ReadOnlyModelVersions(), clock)),
                                store.models(), clock),
                        new DriftRoutes(new DriftCheck(new DriftSampler(store.leads(), store.outcomes(),
                                store.workspaces(), store.classifications()), store.models()), clock)));
    }

    /** The backtester over this fixture's fakes. */
    public Backtester backtester() {
        return new Backtester(store.leads(), store.outcomes(), store.models(), store.workspaces(),
                store.classifications());
    }

    /** The app started on a free loopback port. */
    public Running start() {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpApp app = app(metrics).start("127.0.0.1", 0);
        return new Running(app, new ApiClient(app.port()), metrics);
    }

    /** A started app and a client for it; close it to stop the server. */
    public record Running(HttpApp app, ApiClient client, PrometheusMeterRegistry metrics) implements AutoCloseable {
        @Override
        public void close() {
            app.stop();
        }
    }

    public static String modelText(String file) {
        try (InputStream in = ApiFixture.class.getResourceAsStream("/models/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test model " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredModel stored(String file, String status) {
        String text = modelText(file);
        try {
            return new StoredModel(YamlModels.load(file, text, new ModelCompiler(new ConditionCompiler())), text,
                    status, T0.minus(Duration.ofDays(30)));
        } catch (InvalidModelException e) {
            throw new IllegalStateException("a test model does not check:\n" + e.getMessage(), e);
        }
    }
}
