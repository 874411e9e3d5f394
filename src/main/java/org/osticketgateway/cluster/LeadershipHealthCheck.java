package org.osticketgateway.cluster;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Which gateway leads a poller ({@code leader-<led>}): always UP — following is as healthy as
 * leading, and a DOWN follower would be taken out of service for nothing — with {@code leader}
 * true or false and since when in its details.
 */
public final class LeadershipHealthCheck extends AbstractHealthCheck {

    private final PollerLeadership leadership;

    LeadershipHealthCheck(PollerLeadership leadership) {
        super("gateway", "leader-" + leadership.led());
        this.leadership = leadership;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("leader", leadership.leading());
        if (leadership.since() != null) {
            builder.detail("since", leadership.since().toString());
        }
        builder.message(leadership.leading() ? "this gateway leads " + leadership.led()
                : "another gateway leads " + leadership.led()).up();
    }
}
