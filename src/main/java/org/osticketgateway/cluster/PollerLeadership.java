package org.osticketgateway.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.osticketgateway.state.KafkaStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this gateway leads one poller ({@code led}: {@code mailbox-support}, {@code ticket-events},
 * …), since when, and the one line each time that changes. Listens to the poller's cluster view ahead
 * of the route policy: on taking the lead it first reads the poller's state in Kafka to its end, so
 * the route starts from exactly where the last leader stopped.
 */
public final class PollerLeadership implements CamelClusterEventListener.Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(PollerLeadership.class);

    private final String led;
    private final List<KafkaStateRepository> states;
    private final Clock clock;
    private final List<Runnable> onLead = new CopyOnWriteArrayList<>();
    private volatile boolean leading;
    private volatile Instant since;

    PollerLeadership(String led, List<KafkaStateRepository> states, Clock clock) {
        this.led = led;
        this.states = states;
        this.clock = clock;
    }

    public String led() {
        return led;
    }

    public boolean leading() {
        return leading;
    }

    void onLead(Runnable then) {
        onLead.add(then);
    }

    /** When this gateway last took or gave up the lead; null before either. */
    public Instant since() {
        return since;
    }

    @Override
    public void leadershipChanged(CamelClusterView view, CamelClusterMember leader) {
        boolean now = view.getLocalMember().isLeader();
        if (now == leading) {
            return;
        }
        if (now) {
            states.forEach(KafkaStateRepository::catchUp);
            onLead.forEach(Runnable::run);
            LOG.info("Leading {} now (cluster member {}){}", led, view.getLocalMember().getId(), states.isEmpty() ? ""
                    : ", its state read to the end of " + states.stream().map(KafkaStateRepository::topic).toList());
        } else {
            LOG.info("No longer leading {}: {} stops here{}", led, led,
                    leader == null ? "" : " (" + leader.getId() + " leads it)");
        }
        leading = now;
        since = clock.instant();
    }
}
