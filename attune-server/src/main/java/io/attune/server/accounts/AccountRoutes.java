package io.attune.server.accounts;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountScore;
import io.attune.core.account.AccountState;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ScoringModel;
import io.attune.core.query.LeadQueries;
import io.attune.core.query.Page;
import io.attune.core.scoring.Qualification;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.accounts.AccountBodies.AccountDocument;
import io.attune.server.accounts.AccountBodies.Contact;
import io.attune.server.accounts.AccountBodies.FitLine;
import io.attune.server.audit.PhiReads;
import io.attune.server.http.Caller;
import io.attune.server.http.Numbers;
import io.attune.server.http.PageBody;
import io.attune.server.http.PageRequest;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.QueryParams;
import io.attune.server.http.RouteGroup;
import io.attune.server.models.ModelLookup;
import io.attune.server.models.RuleDescriptions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** {@code GET /api/accounts} (optionally only MQAs) and {@code GET /api/accounts/{id}}. */
public final class AccountRoutes implements RouteGroup {
    private static final String MQA = "mqa";

    private final LeadQueries leads;
    private final ModelRegistry models;
    private final PhiReads reads;
    private final Clock clock;

    public AccountRoutes(LeadQueries leads, ModelRegistry models, PhiReads reads, Clock clock) {
        this.leads = leads;
        this.models = models;
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/accounts", this::list);
        routes.get("/api/accounts/{id}", this::get);
    }

    private void list(Context ctx) {
        QueryParams params = QueryParams.of(ctx, List.of(MQA, PageRequest.CURSOR, PageRequest.LIMIT));
        Optional<Boolean> mqa = params.bool(MQA);
        PageRequest request = PageRequest.from(params);
        params.throwIfInvalid();
        WorkspaceId workspace = Caller.workspace(ctx);
        Instant now = clock.instant();
        ModelLookup lookup = new ModelLookup(models, workspace);
        Page<AccountState> page;
        try {
            page = leads.accounts(workspace, mqa, request.cursor(), request.limit());
        } catch (IllegalArgumentException e) {
            if (request.cursor().isPresent()) {
                throw PageRequest.unreadableCursor();
            }
            throw e;
        }
        ctx.json(PageBody.of(page, account -> AccountViews.summary(account, lookup.get(account.model()), now)));
    }

    private void get(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        String rawId = ctx.pathParam("id");
        AccountState account = Optional.of(rawId).filter(AccountId::isValid)
                .flatMap(id -> leads.account(workspace, new AccountId(id)))
                .orElseThrow(() -> new ProblemException(Problem.notFound("No account with this id in your workspace.")));
        Instant now = clock.instant();
        ModelLookup lookup = new ModelLookup(models, workspace);
        ScoringModel model = lookup.get(account.model());
        RuleDescriptions descriptions = new RuleDescriptions(model);
        Optional<AccountScore> score = AccountViews.scoreOf(account, model, now);
        List<Contact> contacts = contacts(workspace, account.id(), lookup, now);
        reads.leads(ctx, "GET /api/accounts/{id}",
                contacts.stream().map(contact -> new LeadId(contact.id())).toList());
        ctx.json(new AccountDocument(account.id().value(), AccountViews.name(account), account.groupId().orElse(null),
                account.domain().orElse(null), account.segment().wireName(), account.model().toString(),
                account.mqa(), now, AccountViews.score(account, model, now),
                account.fitContributions().stream().map(fit -> new FitLine(fit.rule().value(),
                        descriptions.of(fit.rule()), Numbers.round(fit.points()))).toList(),
                score.map(s -> AccountViews.committee(account, s)).orElse(null),
                contacts, account.traits().attributes().asMap(),
                account.updatedAt()));
    }

    private List<Contact> contacts(WorkspaceId workspace, AccountId account, ModelLookup lookup, Instant now) {
        return leads.contacts(workspace, account).stream()
                .map(id -> leads.lead(workspace, id))
                .flatMap(Optional::stream)
                .map(lead -> contact(lead, lookup.get(lead.model()), now))
                .toList();
    }

    private static Contact contact(LeadState lead, ScoringModel model, Instant now) {
        Qualification qualification = Qualification.of(model, lead, now);
        return new Contact(lead.id().value(), lead.stage().wireName(), List.copyOf(new TreeSet<>(lead.roles())),
                Numbers.round(qualification.total()), qualification.qualified());
    }
}
