package org.osticketgateway.command;

import java.io.File;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.osticketgateway.Settings;
import org.osticketgateway.osticket.component.OsTicketComponent;

/** Binds the beans {@code routes/commands.yaml} calls. Runs once before the routes start. */
public final class CommandSetup {

    private CommandSetup() {
    }

    public static void install(CamelContext camel, Settings settings) throws Exception {
        FileStateRepository states = FileStateRepository.fileStateRepository(
                new File(settings.text("gateway.data-dir", "data"), "command-ledger.dat"));
        states.setMaxFileStoreSize(1024L * 1024 * 1024);
        camel.addService(states);
        camel.getRegistry().bind("commands", new CommandService(
                new CommandHandler(camel.getComponent("osticket", OsTicketComponent.class).client()),
                new CommandLedger(states), Clock.systemUTC()));
        camel.getRegistry().bind("commandRecords", new CommandRecords());
    }
}
