package org.osticketgateway.mail;

import java.io.File;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.osticketgateway.Settings;
import org.osticketgateway.state.KafkaStateRepository;
import org.osticketgateway.state.RecentIds;
import org.osticketgateway.state.StateIds;
import org.osticketgateway.state.StateSection;
import org.osticketgateway.state.StateStores;

/**
 * What the mail flow keeps: the mails taken ({@code seen}), which mail became which ticket
 * ({@code threads}), what was in flight at a crash ({@code started}) and where each mailbox began
 * ({@code positions}). Files in {@code gateway.data-dir} on one gateway; sections of one compacted
 * Kafka topic ({@code mail.state-topic}) when {@code state.store=kafka}, so the gateway that takes a
 * mailbox over knows all of it. Started here: the start positions are read while setting up.
 */
record MailState(IdempotentRepository seen, StateRepository<String, String> threads,
        StateRepository<String, String> started, StateRepository<String, String> positions,
        List<StateRepository<String, String>> kept) {

    static MailState open(CamelContext camel, Settings settings) throws Exception {
        if (new StateStores(settings).inKafka("state.store")) {
            KafkaStateRepository mail = new StateStores(settings).kafka("mail", new ConcurrentHashMap<>());
            camel.addService(mail);
            mail.start();
            return new MailState(new StateIds(new StateSection(mail, "taken:")), new StateSection(mail, "thread:"),
                    new StateSection(mail, "started:"), new StateSection(mail, "start:"), List.of(mail));
        }
        String data = settings.text("gateway.data-dir", "data");
        // The last 100,000 mails taken are remembered; the file keeps them across restarts.
        IdempotentRepository seen = new RecentIds(new File(data, "mail-seen.dat"), 100_000);
        FileStateRepository threads = FileStateRepository.fileStateRepository(new File(data, "mail-threads.dat"));
        threads.setMaxFileStoreSize(512L * 1024 * 1024);
        FileStateRepository started = FileStateRepository.fileStateRepository(new File(data, "mail-started.dat"));
        started.setMaxFileStoreSize(512L * 1024 * 1024);
        // Where each mailbox began (start = now): kept, so that a restart or a kill changes nothing.
        FileStateRepository positions = FileStateRepository.fileStateRepository(new File(data, "mail-start.dat"));
        camel.addService(seen);
        camel.addService(threads);
        camel.addService(started);
        camel.addService(positions);
        positions.start();
        return new MailState(seen, threads, started, positions, List.of());
    }
}
