package io.attune.cli;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ScoringModel;
import io.attune.store.model.YamlModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backtest", description = "Replays a workspace's stored events through a candidate model beside the "
        + "active model of its segment, with the same core scorer: MQLs per week, score distributions, the leads that "
        + "would newly qualify or stop qualifying (with reasons) and, where outcomes are known, precision, recall, "
        + "lift by decile, ROC AUC and the MQL→SQL rate. Safe while the server runs (it only reads).")
final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BacktestRun run;

    @Option(names = "--candidate", required = true, paramLabel = "FILE.yaml", description = "the candidate model file")
    Path candidate;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() throws Exception {
        ScoringModel model = load(candidate);
        return run.run(spec.commandLine().getOut(), store -> model, BacktestReport.Sides.BOTH, "Attune backtest");
    }

    private static ScoringModel load(Path file) {
        try {
            return YamlModels.load(file, new ModelCompiler(new ConditionCompiler()));
        } catch (InvalidModelException e) {
            throw new IllegalArgumentException("the candidate model does not check:\n" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
