package io.peregrine.rules.service;

import io.peregrine.rules.engine.names.ResolvedNames;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.peregrine.rules.runtime.names.NameRefresher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Runs the host name refresher for the ruleset in force (fd.*ip.name comparisons). */
@ApplicationScoped
public class NameResolution {

    private static final Logger LOG = Logger.getLogger(NameResolution.class);

    @Inject
    ActiveRuleset active;
    @Inject
    RulesConfig config;

    private volatile NameRefresher refresher;

    void onStart(@Observes @Priority(StartOrder.NAMES) StartupEvent e) {
        RulesConfig.Names c = config.names();
        refresher = new NameRefresher(NameRefresher.SYSTEM, c.hostsFile().orElse(null), c.refreshInterval(),
                c.lookupTimeout(), c.maxNames(), c.lookupThreads(), LOG::warn);
        c.hostsFile().ifPresent(f -> LOG.infof("Host names listed in %s are answered from it", f));
        active.addListener(s -> refresher.follow(s.compiled().names()));
        refresher.follow(active.current().compiled().names());
    }

    void onStop(@Observes ShutdownEvent e) {
        if (refresher != null) {
            refresher.close();
        }
    }

    /** Gives a trial's ruleset the addresses known without a lookup (hosts file, the ruleset in force). */
    public void fillKnown(ResolvedNames names) {
        NameRefresher r = refresher;
        if (r != null && names.size() > 0) {
            r.fillKnown(names);
        }
    }
}
