package io.peregrine.capture.service;

import io.peregrine.capture.accounts.AccountsWatcher;
import io.peregrine.capture.pipeline.CapturePipeline;
import io.peregrine.capture.ownpods.CriRuntime;
import io.peregrine.capture.ownpods.OwnPodsExclusion;
import io.peregrine.capture.ownpods.OwnProcesses;
import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.capture.recording.Recordings;
import io.peregrine.capture.selection.EnterSelection;
import io.peregrine.capture.selection.InterestWatcher;
import io.peregrine.capture.source.Exclusions;
import io.peregrine.capture.source.Sources;
import io.peregrine.protocol.Subjects;
import io.peregrine.kit.nats.NatsClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs one capture pipeline for this node: opens the configured source, publishes its frames on
 * {@code peregrine.raw.<node>} and keeps the kernel's selection in step with the interest.
 */
@ApplicationScoped
public class CaptureService {

    private static final Logger LOG = Logger.getLogger(CaptureService.class);

    private final CaptureConfig config;
    private final NatsClient nats;
    private final String node;
    /** Identifies this run's stream: a restart of capture-svc starts a new sequence. */
    private final UUID bootId = UUID.randomUUID();
    private volatile CapturePipeline pipeline;
    private volatile String startError;
    private volatile InterestWatcher watcher;
    private final Recordings recordings;
    private AccountsWatcher accounts;
    private OwnPodsExclusion ownPods;

    private final Timer publishLatency;

    public CaptureService(CaptureConfig config, NatsClient nats, MeterRegistry registry) {
        this.config = config;
        this.nats = nats;
        this.publishLatency = Timer.builder("peregrine_capture_publish_latency")
                .description("Time to hand one frame to NATS")
                .publishPercentileHistogram()
                .register(registry);
        this.node = NodeName.resolve(config.node());
        this.recordings = new Recordings(Path.of(config.recordingsDir()), node, bootId,
                () -> pipeline != null && !pipeline.source().finite(), Path.of(config.hostRoot()));
    }

    void onStart(@Observes StartupEvent ev) {
        accounts = new AccountsWatcher(Path.of(config.hostEtc()), () -> pipeline).start(2000);
        if (config.autostart()) {
            start(config.source(), config.speed());
        }
    }

    /** Starts capturing from {@code source} ({@code live} or a file); a failure is kept for status. */
    public synchronized void start(String source, double speed) {
        stop();
        try {
            Set<String> enter = EnterSelection.parse(config.enterSyscalls().orElse(""));
            CaptureSource src = Sources.open(source, Path.of(config.hostRoot()), exclusions(), config.snaplen());
            try {
                src.selectEnter(enter);
                ownPods = ownPods(src);
            } catch (Exception e) {
                src.close();
                throw e;
            }
            pipeline = new CapturePipeline(src, new NatsFrameSink(nats.connection(), Subjects.raw(node)), node, bootId,
                    config.frameBytes(), config.frameMillis(), config.queueFrames(), speed);
            pipeline.publisher().tap(recordings);
            pipeline.publisher().latency(nanos -> publishLatency.record(nanos, TimeUnit.NANOSECONDS));
            pipeline.start();
            startError = null;
            watcher = new InterestWatcher(nats, src, config.interestRecheckSeconds());
            watcher.start();
            LOG.infof("Capturing from %s, publishing to %s", src.description(), Subjects.raw(node));
        } catch (Exception e) {
            startError = e.getMessage();
            LOG.errorf("Cannot capture from %s: %s", source, e.getMessage());
        }
    }

    private Exclusions exclusions() {
        CaptureConfig.Exclude ex = config.exclude();
        return new Exclusions(ex.self(), ex.pids().orElse(Set.of()),
                ex.cgroups().orElse(List.of()).stream().map(Path::of).toList());
    }

    /** Peregrine's own pods' processes kept out, when configured and the source is live. */
    private OwnPodsExclusion ownPods(CaptureSource src) throws IOException {
        CaptureConfig.OwnPods o = config.exclude().ownPods();
        if (!o.enabled() || src.finite()) {
            return null;
        }
        String namespace = o.namespace().filter(n -> !n.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "peregrine.capture.exclude.own-pods.enabled needs peregrine.capture.exclude.own-pods.namespace"));
        Path host = Path.of(config.hostRoot());
        Path socket = null;
        for (String s : o.criSockets()) {
            Path p = host.resolve(s.startsWith("/") ? s.substring(1) : s);
            if (Files.exists(p)) {
                socket = p;
                break;
            }
        }
        if (socket == null) {
            throw new IOException("own pods cannot be excluded: none of the CRI sockets " + o.criSockets()
                    + " exists under " + host + " (peregrine.capture.exclude.own-pods.cri-sockets)");
        }
        return new OwnPodsExclusion(new CriRuntime(socket, o.timeoutMs()),
                new OwnProcesses(namespace, o.containers(), host.resolve("proc")), src,
                TimeUnit.SECONDS.toMillis(o.periodSeconds())).start();
    }

    public synchronized void stop() {
        if (ownPods != null) {
            ownPods.close();
            ownPods = null;
        }
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        if (pipeline != null) {
            try {
                pipeline.close();
            } catch (Exception e) {
                LOG.warnf("Closing the capture: %s", e.getMessage());
            }
            pipeline = null;
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (accounts != null) {
            accounts.close();
        }
        stop();
    }

    public AccountsWatcher accounts() {
        return accounts;
    }

    /** The interest follower; null before the first start. */
    public InterestWatcher interestWatcher() {
        return watcher;
    }

    public CapturePipeline pipeline() {
        return pipeline;
    }

    public String startError() {
        return startError;
    }

    public Recordings recordings() {
        return recordings;
    }

    public String node() {
        return node;
    }

    public UUID bootId() {
        return bootId;
    }
}
