package io.peregrine.rules.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** rules-svc's settings, {@code peregrine.rules.*}. */
@ConfigMapping(prefix = "peregrine.rules")
public interface RulesConfig {

    /** Evaluate projected events; off, a replica only serves the rule management API. */
    @WithDefault("true")
    boolean evaluate();

    /** {@code first}: an event raises the first matching rule only, as Falco does; {@code all}: every one. */
    @WithDefault("first")
    String matching();

    /** The byte bound of the events work queue stream when this replica creates it. */
    @WithDefault("268435456")
    long eventsStreamBytes();

    /** Priority of the alerts that report lost events. */
    @WithDefault("ERROR")
    String lossPriority();

    Throttle throttle();

    /** Largest request body, except capture files. */
    @WithDefault("4M")
    MemorySize maxBodySize();

    /** Largest capture file a trial takes. */
    @WithDefault("64M")
    MemorySize maxCaptureSize();

    /** Upper bound of a capture trial's {@code maxMatches}. */
    @WithDefault("10000")
    int captureMaxMatches();

    /**
     * Largest .scap block or Peregrine record a capture trial reads whole; a length field claiming
     * more is refused before anything is allocated for it.
     */
    @WithDefault("32M")
    MemorySize captureMaxBlockSize();

    /** Validations and event trials ({@code /validate}, {@code /test}) that may run at once. */
    @WithDefault("2")
    int checkConcurrency();

    /** Capture trials that may run at once. */
    @WithDefault("2")
    int captureConcurrency();

    @WithDefault("5000")
    int maxItems();

    @WithDefault("100")
    int maxConditionDepth();

    /** How often a replica checks PostgreSQL for a ruleset change it missed. */
    @WithDefault("PT5S")
    Duration reconcileInterval();

    /** Host names that {@code fd.*ip.name} comparisons resolve (see docs/rules.md). */
    Names names();

    interface Names {

        /**
         * A file in /etc/hosts form whose names are answered from it instead of the system
         * resolver (tests, closed networks); re-read at every refresh.
         */
        java.util.Optional<java.nio.file.Path> hostsFile();

        /** How often the names are resolved again. */
        @WithDefault("PT60S")
        Duration refreshInterval();

        /** Longest wait for one lookup; a slower one keeps the name's previous addresses. */
        @WithDefault("PT2S")
        Duration lookupTimeout();

        /** Most names resolved per round. */
        @WithDefault("1000")
        int maxNames();

        /** Lookups that may run at once. */
        @WithDefault("2")
        int lookupThreads();
    }

    /** Alerts per rule: a token bucket. */
    interface Throttle {

        /** Alerts per second a rule may raise on average; 0 turns throttling off. */
        @WithDefault("20")
        double rate();

        /** Alerts a rule may raise at once. */
        @WithDefault("100")
        int burst();
    }
}
