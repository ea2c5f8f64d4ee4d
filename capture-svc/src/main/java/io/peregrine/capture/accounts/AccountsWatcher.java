package io.peregrine.capture.accounts;

import io.peregrine.capture.pipeline.CapturePipeline;
import io.peregrine.driver.proc.ProcScanner;
import io.peregrine.driver.proc.SeedRecords;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends the host's users and groups again when {@code passwd} or {@code group} changes, so that
 * state-svc names a uid created after the capture started. The files are small; checking their
 * modification times every two seconds costs nothing.
 */
public final class AccountsWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AccountsWatcher.class);

    private final Path etc;
    private final Supplier<CapturePipeline> pipeline;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("accounts-watch").daemon().unstarted(r));
    private long lastStamp;
    private long resent;

    public AccountsWatcher(Path etc, Supplier<CapturePipeline> pipeline) {
        this.etc = etc;
        this.pipeline = pipeline;
        this.lastStamp = stamp();
    }

    public AccountsWatcher start(long periodMillis) {
        timer.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Checks once; public for tests. */
    public void check() {
        long now = stamp();
        if (now == lastStamp) {
            return;
        }
        lastStamp = now;
        CapturePipeline p = pipeline.get();
        if (p == null || p.source().finite()) {
            return;
        }
        SeedRecords seeds = new SeedRecords();
        int n = new ProcScanner(Path.of("/proc"), etc).accounts(seeds);
        p.inject(seeds);
        resent++;
        LOG.infof("Users or groups changed: sent %d account records again", n);
    }

    private long stamp() {
        long s = 0;
        for (String f : new String[] {"passwd", "group"}) {
            try {
                Path p = etc.resolve(f);
                s = s * 31 + Files.getLastModifiedTime(p).toMillis() * 7 + Files.size(p);
            } catch (Exception e) {
                s = s * 31; // a missing file is a state too
            }
        }
        return s;
    }

    public long resent() {
        return resent;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
