package io.attune.cli;

import io.attune.core.model.ModelVersion;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.model.StoredModel;
import io.attune.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", description = "Evaluates a stored model version against the workspace's stored outcomes: "
        + "its scores replayed from the stored events, precision, recall, MQL→SQL and MQL→won rates, ROC AUC and lift "
        + "by decile, MQLs per week and the score distribution. Default: the active model of the workspace's default "
        + "segment.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BacktestRun run;

    @Option(names = "--model", paramLabel = "VERSION", description = "a stored version, e.g. employer-starter@2")
    String version;

    @Option(names = "--segment", paramLabel = "SEGMENT", description = "the active model of this segment")
    String segment;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() throws Exception {
        if (version != null && segment != null) {
            throw new IllegalArgumentException("give --model or --segment, not both");
        }
        return run.run(spec.commandLine().getOut(), this::model, BacktestReport.Sides.CANDIDATE, "Attune evaluation");
    }

    private ScoringModel model(Store store) {
        if (version != null) {
            ModelVersion wanted;
            try {
                wanted = ModelVersion.parse(version);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--model " + e.getMessage());
            }
            return store.models().model(run.workspace, wanted).map(StoredModel::model).orElseThrow(() ->
                    new IllegalArgumentException("no model " + version + " in workspace " + run.workspace));
        }
        Segment chosen = segment == null ? store.models().catalog(run.workspace).defaultSegment()
                : Segment.fromWireName(segment).orElseThrow(() -> new IllegalArgumentException(
                        "--segment must be consumer, employer, payer, referral or community"));
        return store.models().catalog(run.workspace).active(chosen);
    }
}
