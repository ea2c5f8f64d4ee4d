package io.peregrine.notify.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Dispatcher;
import io.peregrine.notify.delivery.DeliveryMetrics;
import io.peregrine.notify.delivery.OutputChannel;
import io.peregrine.notify.delivery.OutputSet;
import io.peregrine.notify.delivery.RetryPolicy;
import io.peregrine.notify.output.OutputConfinement;
import io.peregrine.notify.output.OutputSpec;
import io.peregrine.notify.output.Outputs;
import io.peregrine.notify.service.NotifyConfig;
import io.peregrine.kit.nats.NatsClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The outputs in force on this replica: those of the application configuration (bootstrap: the
 * terminal file, an outputs file) and those stored in PostgreSQL. A change over the API reloads
 * them here and, through a NATS broadcast, on every other replica.
 */
@ApplicationScoped
public class OutputRegistry {

    private static final Logger LOG = Logger.getLogger(OutputRegistry.class);

    @Inject
    NatsClient natsClient;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry meterRegistry;

    @Inject
    NotifyConfig config;

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("notify-timer-", 0).daemon().factory());
    private volatile OutputSet outputs;
    private volatile DeliveryMetrics metrics;
    private volatile Map<String, OutputSpec> bootstrap;
    private volatile Map<String, OutputSpec> stored = Map.of();
    private Dispatcher dispatcher;
    private volatile Optional<SecretBox> secrets;

    public synchronized void init() {
        if (outputs != null) {
            return;
        }
        secrets();
        metrics = new DeliveryMetrics(meterRegistry);
        outputs = new OutputSet(timer);
        bootstrap = readBootstrap();
        reloadBlocking();
        dispatcher = natsClient.connection().createDispatcher(m -> {
            LOG.info("Output configuration changed on another replica; reloading");
            reloadBlocking();
        });
        dispatcher.subscribe(config.controlSubject());
    }

    public OutputSet outputs() {
        return outputs;
    }

    public DeliveryMetrics metrics() {
        return metrics;
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    private Optional<SecretBox> readSecretsKey() {
        Optional<String> key = config.secretsKey().filter(k -> !k.isBlank());
        String origin = "peregrine.notify.secrets-key";
        if (key.isEmpty() && config.secretsKeyFile().isPresent() && !config.secretsKeyFile().get().isBlank()) {
            Path file = Path.of(config.secretsKeyFile().get());
            origin = "peregrine.notify.secrets-key-file " + file;
            if (Files.exists(file)) {
                try {
                    key = Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot read " + origin + ": " + e.getMessage(), e);
                }
            }
        }
        if (key.isEmpty()) {
            LOG.warn("No output secrets key (peregrine.notify.secrets-key or -file): output secrets are stored in plain text");
            return Optional.empty();
        }
        try {
            return Optional.of(SecretBox.ofBase64(key.get()));
        } catch (IllegalArgumentException e) {
            // The message speaks of the key's form, never of its value.
            throw new IllegalStateException(origin + ": " + e.getMessage());
        }
    }

    /** The declaration as it is stored: secrets encrypted when a key is configured. */
    public OutputSpec sealed(OutputSpec s) {
        return secrets().map(b -> b.seal(s)).orElse(s);
    }

    /**
     * A stored declaration with its secrets readable.
     *
     * @throws IllegalStateException when they are encrypted and do not open (no key, another key, altered)
     */
    public OutputSpec opened(OutputSpec s) {
        Optional<SecretBox> box = secrets();
        if (box.isPresent()) {
            return box.get().open(s);
        }
        if (SecretBox.sealed(s)) {
            throw new IllegalStateException("the secrets of output " + s.name() + " are encrypted and no key is configured");
        }
        return s;
    }

    private Optional<SecretBox> secrets() {
        Optional<SecretBox> b = secrets;
        if (b == null) {
            synchronized (this) {
                if (secrets == null) {
                    secrets = readSecretsKey();
                }
                b = secrets;
            }
        }
        return b;
    }

    /** What outputs declared over the API or in the outputs file may reach. */
    public OutputConfinement confinement() {
        return new OutputConfinement(Path.of(config.fileOutputDirectory()),
                List.of(config.subjects(), config.deadLetterSubject(), config.controlSubject()));
    }

    public RetryPolicy retryPolicy() {
        NotifyConfig.Retry retry = config.retry();
        return new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(), retry.maxRetryAfter());
    }

    public Map<String, OutputSpec> bootstrapOutputs() {
        return bootstrap;
    }

    /** Every declaration in force, bootstrap first. */
    public Map<String, OutputSpec> all() {
        Map<String, OutputSpec> m = new LinkedHashMap<>(bootstrap);
        stored.forEach(m::putIfAbsent);
        return m;
    }

    /** Every declaration as stored now (another replica may have changed them), without putting them in force. */
    public Uni<Map<String, OutputSpec>> declared() {
        return Panache.withSession(() -> OutputEntity.<OutputEntity>listAll()).map(rows -> {
            Map<String, OutputSpec> m = new LinkedHashMap<>(bootstrap);
            parse(rows).forEach(m::putIfAbsent);
            return m;
        });
    }

    private Map<String, OutputSpec> readBootstrap() {
        Map<String, OutputSpec> m = new LinkedHashMap<>();
        Optional<String> outputsFile = config.outputsFile();
        config.terminalFile().filter(s -> !s.isBlank()).ifPresent(p ->
                m.put("terminal", OutputSpec.builder("terminal", "terminal").path(p).build()));
        if (outputsFile.isPresent() && !outputsFile.get().isBlank()) {
            try {
                OutputSpec[] specs = json.readValue(Files.readString(Path.of(outputsFile.get()), StandardCharsets.UTF_8), OutputSpec[].class);
                OutputConfinement confinement = confinement();
                for (OutputSpec declared : specs) {
                    OutputSpec s = confinement.resolve(declared);
                    List<String> problems = new ArrayList<>(s.problems());
                    problems.addAll(confinement.problems(s));
                    if (!problems.isEmpty()) {
                        throw new IllegalStateException("peregrine.notify.outputs-file " + outputsFile.get() + ": output "
                                + s.name() + ": " + String.join("; ", problems));
                    }
                    m.put(s.name(), s);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read peregrine.notify.outputs-file " + outputsFile.get() + ": " + e.getMessage(), e);
            }
        }
        return m;
    }

    /** Loads the stored outputs (from any thread that may block) and puts all outputs in force. */
    public void reloadBlocking() {
        try {
            List<OutputEntity> rows = VertxContextSupport.subscribeAndAwait(() ->
                    Panache.withSession(() -> OutputEntity.<OutputEntity>listAll()));
            apply(rows);
        } catch (Throwable t) {
            LOG.errorf("Cannot load the stored outputs: %s; keeping the outputs in force", t.toString());
        }
    }

    /** Loads the stored outputs on the caller's reactive session and puts all outputs in force. */
    public Uni<Void> reload() {
        return Panache.withSession(() -> OutputEntity.<OutputEntity>listAll()).invoke(this::apply).replaceWithVoid();
    }

    /** Tells the other replicas to reload. */
    public void announce() {
        natsClient.connection().publish(config.controlSubject(), "outputs".getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, OutputSpec> parse(List<OutputEntity> rows) {
        Map<String, OutputSpec> fromDb = new LinkedHashMap<>();
        for (OutputEntity e : rows) {
            try {
                fromDb.put(e.name, opened(json.readValue(e.spec, OutputSpec.class)));
            } catch (JsonProcessingException ex) {
                LOG.errorf("Stored output %s is unreadable (%s); skipped", e.name, ex.getOriginalMessage());
            } catch (IllegalStateException ex) {
                LOG.errorf("Stored output %s is skipped: %s", e.name, ex.getMessage());
            }
        }
        return fromDb;
    }

    private synchronized void apply(List<OutputEntity> rows) {
        stored = parse(rows);
        List<OutputChannel> channels = new ArrayList<>();
        OutputConfinement confinement = confinement();
        for (OutputSpec declared : all().values()) {
            if (!declared.isEnabled()) {
                continue;
            }
            // Stored before outputs were confined, or written to the database by hand: held to the
            // same rules (a relative path is taken from the output directory, not the working one).
            boolean fromApi = !bootstrap.containsKey(declared.name());
            OutputSpec s = fromApi ? confinement.resolve(declared) : declared;
            List<String> outside = fromApi ? confinement.problems(s) : List.of();
            if (!outside.isEmpty()) {
                LOG.errorf("Output %s is not put in force: %s", s.name(), String.join("; ", outside));
                continue;
            }
            try {
                channels.add(new OutputChannel(s, Outputs.create(s, natsClient.connection()), retryPolicy(), metrics, timer));
            } catch (RuntimeException ex) {
                LOG.errorf("Output %s cannot be set up: %s", s.name(), ex.getMessage());
            }
        }
        outputs.replace(channels);
        LOG.infof("Outputs in force: %s", channels.stream().map(OutputChannel::name).toList());
    }

    @PreDestroy
    void close() {
        if (outputs != null) {
            outputs.close();
        }
        timer.shutdownNow();
    }
}
