package org.osticketgateway.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.osticketgateway.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the cluster service {@code cluster.service} names — none (one gateway: every poller runs
 * here), file (a lock file per poller on a volume all gateways share) or kubernetes (a Lease per
 * poller) — and binds the {@link LedRoutes} the flows' setups give their polling routes to. Runs
 * before the routes are read.
 */
public final class ClusterSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSetup.class);

    private ClusterSetup() {
    }

    public static void install(CamelContext camel, Settings settings) throws Exception {
        String kind = settings.text("cluster.service", "none");
        CamelClusterService service = switch (kind) {
            case "none" -> null;
            case "file" -> file(settings);
            case "kubernetes" -> kubernetes(settings);
            default -> throw new IllegalStateException("cluster.service must be none, file or kubernetes, not '" + kind
                    + "'");
        };
        LedRoutes led = new LedRoutes(camel, service);
        camel.getRegistry().bind("ledRoutes", led);
        if (service == null) {
            return;
        }
        if (service instanceof KubernetesClusterService kubernetes) {
            service.setId(kubernetes.getPodName());
        } else {
            service.setId(settings.text("cluster.member", member()));
        }
        camel.addService(service);
        camel.addRoutePolicyFactory(led);
        LOG.info("Clustered as member {} through {}: each mailbox, the ticket and stats events, each report "
                + "and the jobs run on the one gateway that leads them; commands are shared through the "
                + "consumer group", service.getId(), kind.equals("file") ? "lock files in "
                        + settings.text("cluster.file.root", "") : "Kubernetes Leases");
    }

    /** A name that tells the gateways apart in logs and health: the host (the pod's name) and the process. */
    private static String member() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "gateway";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    /**
     * A leader renews its lock file every {@code cluster.file.interval} ms; a follower takes over
     * once it has seen no renewal for {@code cluster.file.missed-renewals} intervals (a leader that
     * stops cleanly gives the lock up at once).
     */
    private static FileLockClusterService file(Settings settings) {
        FileLockClusterService service = new FileLockClusterService();
        service.setRoot(settings.required("cluster.file.root", "cluster.service=file needs a folder every gateway "
                + "shares (CLUSTER_FILE_ROOT)"));
        int interval = positive(settings, "cluster.file.interval", 2000);
        service.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
        service.setAcquireLockDelay(interval, TimeUnit.MILLISECONDS);
        service.setHeartbeatTimeoutMultiplier(positive(settings, "cluster.file.missed-renewals", 4));
        return service;
    }

    /**
     * A Lease per poller in the pod's namespace; the pod's name ({@code cluster.member}, else HOSTNAME)
     * is its holder. The members are the ready pods with the gateway's labels ({@code cluster.kubernetes.labels}).
     */
    private static KubernetesClusterService kubernetes(Settings settings) {
        KubernetesClusterService service = new KubernetesClusterService();
        String namespace = settings.text("cluster.kubernetes.namespace", "");
        if (!namespace.isEmpty()) {
            service.setKubernetesNamespace(namespace);
        }
        service.setKubernetesResourceName(settings.text("cluster.kubernetes.lease-prefix", "osticket-gateway"));
        // The holder must be the pod's own name: the members are found by listing pods.
        service.setPodName(settings.text("cluster.member", System.getenv().getOrDefault("HOSTNAME", "")));
        service.setClusterLabels(labels(settings.list("cluster.kubernetes.labels")));
        service.setLeaseDurationMillis(positive(settings, "cluster.kubernetes.lease-duration", 10000));
        service.setRenewDeadlineMillis(positive(settings, "cluster.kubernetes.renew-deadline", 7000));
        service.setRetryPeriodMillis(positive(settings, "cluster.kubernetes.retry-period", 2000));
        return service;
    }

    /** {@code app=osticket-gateway} pairs; a pair without {@code =} names its key. */
    private static Map<String, String> labels(List<String> pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalStateException("cluster.kubernetes.labels must be name=value pairs, not '" + pair + "'");
            }
            labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return labels;
    }

    private static int positive(Settings settings, String key, int fallback) {
        int value = settings.integer(key, fallback);
        if (value < 1) {
            throw new IllegalStateException(key + " must be 1 or more, not " + value);
        }
        return value;
    }
}
