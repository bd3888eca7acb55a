package io.attune.server.sla;

import io.attune.core.sla.BreachIntake;
import io.attune.core.sla.OverdueTimers;
import io.attune.store.threads.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates MQLs that sales did not answer in time. Timers live in the database, opened in the
 * transaction that qualified the lead, so there is no nightly job and nothing to lose on a restart:
 * every poll takes the open timers now due and has the writer settle each one (breached and
 * escalated, or void), once.
 */
public final class SlaWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlaWatcher.class);
    private static final int BATCH = 500;

    private final OverdueTimers overdue;
    private final BreachIntake writer;
    private final Clock clock;
    private final Duration poll;
    private final Set<String> settling = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            new DaemonThreads("attune-sla-watcher"));

    public SlaWatcher(OverdueTimers overdue, BreachIntake writer, Clock clock, Duration poll) {
        this.overdue = overdue;
        this.writer = writer;
        this.clock = clock;
        this.poll = poll;
    }

    public SlaWatcher start() {
        schedule.scheduleWithFixedDelay(this::settleDue, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void settleDue() {
        try {
            for (OverdueTimers.Due due : overdue.due(clock.instant(), BATCH)) {
                String key = due.workspace() + "/" + due.timer().lead() + "/" + due.timer().qualifiedAt();
                if (!settling.add(key)) {
                    continue;
                }
                writer.settle(due.workspace(), due.timer()).whenComplete((settled, failure) -> {
                    settling.remove(key);
                    if (failure != null) {
                        LOG.warn("settling an overdue SLA timer failed ({}); the next poll retries",
                                failure.getClass().getSimpleName());
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for overdue SLA timers failed ({}); the next poll retries", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        DaemonThreads.drain(schedule, Duration.ofSeconds(5));
    }
}
