package io.peregrine.notify.service;

import io.peregrine.protocol.Subjects;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** notify-svc's settings, {@code peregrine.notify.*}. */
@ConfigMapping(prefix = "peregrine.notify")
public interface NotifyConfig {

    /** The alert stream, created when missing. */
    @WithDefault(Subjects.ALERTS_STREAM)
    String stream();

    /** The subjects the alert stream captures and the consumer takes. */
    @WithDefault(Subjects.ALERTS_ALL)
    String subjects();

    /** How long the alert and dead-letter streams keep a message, when this replica creates them. */
    @WithDefault("P7D")
    Duration streamMaxAge();

    /** The durable consumer every replica shares. */
    @WithDefault("peregrine-notify")
    String durable();

    @WithDefault("PEREGRINE_DEADLETTER")
    String deadLetterStream();

    @WithDefault(Subjects.ALERTS_DEAD_LETTER)
    String deadLetterSubject();

    /** Redelivery of an alert a stopped or crashed replica held. */
    @WithDefault("PT5S")
    Duration ackWait();

    /**
     * Deliveries of one alert JetStream makes at most; redeliveries wait the ack wait, then twice
     * as long each time up to 5 minutes. Past it the alert stays in the stream, delivered no more.
     */
    @WithDefault("8")
    int maxDeliver();

    /** Larger alert bodies are refused unread (counted and dead-lettered). */
    @WithDefault("1048576")
    int maxAlertBytes();

    /** Alerts under way per replica. */
    @WithDefault("1024")
    int maxInFlight();

    /** Pull batch. */
    @WithDefault("256")
    int batch();

    /** How long deliveries under way may finish at shutdown; what is left is redelivered. */
    @WithDefault("PT10S")
    Duration shutdownGrace();

    /** The terminal output's file; absent: no terminal output. */
    Optional<String> terminalFile();

    /**
     * The one directory (with its subdirectories) where file and terminal outputs declared over
     * the API or in the outputs file may write; relative paths are taken from it.
     */
    @WithDefault("/var/lib/peregrine/notify")
    String fileOutputDirectory();

    /**
     * Key that encrypts output secrets stored in PostgreSQL (AES-256-GCM): base64 of 32 bytes.
     * Unset, and no {@link #secretsKeyFile()}: secrets are stored in plain text.
     */
    Optional<String> secretsKey();

    /** A file holding {@link #secretsKey()} (a mounted Secret); a file that does not exist counts as unset. */
    Optional<String> secretsKeyFile();

    /** A JSON array of output declarations in force from the start. */
    Optional<String> outputsFile();

    /** The broadcast that has every replica reload its outputs. */
    @WithDefault("peregrine.control.outputs")
    String controlSubject();

    Retry retry();

    History history();

    /** Retries per output, with jitter, before the dead letter. */
    interface Retry {

        @WithDefault("10")
        int maxAttempts();

        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT60S")
        Duration maxBackoff();

        /** Longest Retry-After (HTTP 429) honoured; a receiver asking for more is tried again after this. */
        @WithDefault("PT60S")
        Duration maxRetryAfter();
    }

    /** The alert history in PostgreSQL. */
    interface History {

        @WithDefault("true")
        boolean enabled();

        /** Rows older than this are deleted. */
        @WithDefault("P30D")
        Duration retention();
    }
}
