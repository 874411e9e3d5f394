package org.osticketgateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft) in its own JVM on fixed ports, so that it can be stopped
 * and started again at the same address with its data, as a broker restart is.
 */
public final class KafkaProcess implements KafkaAccess, AutoCloseable {

    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private KafkaProcess(Path config, Path log, int port) {
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /** Formats a fresh broker in {@code dir} and starts it. */
    public static KafkaProcess start(Path dir) throws Exception {
        int port = GatewayTestRun.freePort();
        int controller = GatewayTestRun.freePort();
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0") + "\n");
        KafkaProcess broker = new KafkaProcess(config, dir.resolve("kafka.log"), port);
        Process format = broker.java("kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting the Kafka log folder failed: see " + broker.log);
        }
        broker.startBroker();
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker (SIGTERM, a clean shutdown) and starts it again on the same port and data. */
    public void restart() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        startBroker();
    }

    private void startBroker() throws IOException {
        process = java("kafka.Kafka", List.of(config.toString())).start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers(),
                    "request.timeout.ms", "2000", "default.api.timeout.ms", "3000"))) {
                return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
            }
        });
    }

    private ProcessBuilder java(String mainClass, List<String> args) {
        return JavaProcess.builder(mainClass, List.of("-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=classpath:log4j2-test.properties"), args, Map.of(), log);
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }
}
