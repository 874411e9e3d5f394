package org.osticketgateway.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.osticketgateway.osticket.OsTicketException;
import org.osticketgateway.retry.RetryBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the command route calls for each record: read and check the command, apply it once, and
 * give its one result. A retryable osTicket failure is thrown, for the route to retry, until the
 * command has used up its attempts while osTicket answered other calls ({@link RetryBudget}): then,
 * like everything else, it ends in a result.
 */
public final class CommandService {

    private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);

    private final CommandReader reader = new CommandReader();
    private final CommandSchemas schemas = new CommandSchemas();
    private final CommandHandler handler;
    private final CommandLedger ledger;
    private final RetryBudget retries;
    private final Clock clock;
    private final CommandClaims claims = new CommandClaims();

    public CommandService(CommandHandler handler, CommandLedger ledger, RetryBudget retries, Clock clock) {
        this.handler = handler;
        this.ledger = ledger;
        this.retries = retries;
        this.clock = clock;
    }

    /** The command's result, or null when its result was already published (a redelivery). */
    public CommandResult handle(byte[] value, Map<String, Object> headers) {
        Command command;
        try {
            command = reader.read(value, headers);
        } catch (RejectedCommandException e) {
            // Not even a CloudEvent: named by its ce_id header if it has one, else by where it lies.
            String id = Optional.ofNullable(CommandReader.header(headers, "ce_id")).orElse(CommandRecords.name(headers));
            return outcome(CommandResult.rejected(id, CommandReader.header(headers, "ce_type"), e.getMessage()));
        }
        try {
            schemas.check(command);
        } catch (RejectedCommandException e) {
            return outcome(CommandResult.rejected(command.id(), command.type(), e.getMessage()));
        }
        return claims.exclusively(command.id(), () -> once(command));
    }

    private CommandResult once(Command command) {
        if (ledger.isPublished(command.id())) {
            LOG.info("Command {} ({}) was already applied and answered: skipped", command.id(), command.type());
            return null;
        }
        CommandResult done = ledger.done(command.id());
        if (done != null) {
            return done;
        }
        Instant before = ledger.startedBefore(command.id());
        try {
            CommandResult applied = apply(command, before);
            retries.succeeded(command.id());
            return applied;
        } catch (OsTicketException e) {
            OsTicketException failure = e.isRetryable() ? retries.afterFailure(command.id(), e) : e;
            if (failure.isRetryable()) {
                throw failure;
            }
            if (before != null && CommandHandler.alreadyDone(command, failure)) {
                return record(CommandResult.applied(command, JsonNodeFactory.instance.objectNode()
                        .put("alreadyInEffect", true).put("detail", failure.getMessage())));
            }
            return record(CommandResult.failed(command, failure));
        } catch (RejectedCommandException e) {
            return record(CommandResult.rejected(command.id(), command.type(), e.getMessage()));
        }
    }

    /** Applies the command, or finds the ticket a create interrupted by a crash had already made. */
    private CommandResult apply(Command command, Instant before) {
        if (before != null && command.type().equals("osticket.ticket.create")) {
            var created = handler.findCreated(command, before);
            if (created.isPresent()) {
                LOG.info("Command {} had created #{} before an interruption: not created again", command.id(),
                        created.get().path("number").asText());
                return record(CommandResult.applied(command, created.get()));
            }
        }
        ledger.started(command.id(), clock.instant());
        return record(CommandResult.applied(command, handler.apply(command)));
    }

    private CommandResult record(CommandResult result) {
        ledger.done(result);
        return outcome(result);
    }

    private static CommandResult outcome(CommandResult result) {
        LOG.info("Command {} ({}): {}{}", result.commandId(), result.commandType(),
                result.status().name().toLowerCase(), result.isApplied() ? "" : ": " + result.reason());
        return result;
    }

    /**
     * After the result is written: an applied command is never applied again; a failed or rejected
     * one is forgotten, so that replaying it from the dead-letter topic (once fixed) applies it.
     */
    public void published(CommandResult result) {
        if (result.isApplied()) {
            ledger.published(result.commandId());
        } else {
            ledger.forget(result.commandId());
        }
    }
}
