package io.attune.cli;

import io.attune.store.Store;
import io.attune.store.rebuild.Rebuild;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code attune rebuild}: recomputes every projection from the event log. */
@Command(name = "rebuild", description = "Recomputes leads, identities, accounts and transitions from the event log. "
        + "Stop the server first.")
final class RebuildCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        try (Store opened = store.open(Clock.systemUTC())) {
            for (Rebuild.Report report : opened.rebuild().rebuildAll()) {
                spec.commandLine().getOut().printf("%s: %d events replayed, %d leads%s%n", report.workspace(),
                        report.events(), report.leads(), report.movedEvents() == 0 ? ""
                                : ", " + report.movedEvents() + " events now belong to another lead");
            }
        }
        return 0;
    }
}
