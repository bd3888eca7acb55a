package io.attune.server.proposal;

import io.attune.core.model.StoredModel;
import io.attune.core.workspace.Principal;
import io.attune.server.jobs.BackgroundJobs;
import java.util.Optional;

/** Proposals as {@link BackgroundJobs}: a proposal replays every lead of a segment. */
public final class ProposalJobs implements AutoCloseable {
    private final RuleProposer proposer;
    private final BackgroundJobs<Proposal> jobs = new BackgroundJobs<>("proposal", "rp_");

    public ProposalJobs(RuleProposer proposer) {
        this.proposer = proposer;
    }

    public BackgroundJobs.Status<Proposal> start(StoredModel base, ProposalRequest request, Principal author) {
        return jobs.start(author.workspace(),
                progress -> proposer.propose(author.workspace(), base, request, author, progress));
    }

    /** A job of the caller's workspace; another workspace's is not found. */
    public Optional<BackgroundJobs.Status<Proposal>> status(Principal caller, String id) {
        return jobs.status(caller.workspace(), id);
    }

    @Override
    public void close() {
        jobs.close();
    }
}
