package org.osticketgateway.command;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON Schema of each command type's data, shipped in {@code schemas/commands/<type>.json}. A
 * command of an unknown type, or whose data breaks its schema, is rejected before any call.
 */
public final class CommandSchemas {

    public static final List<String> TYPES = List.of("osticket.ticket.create", "osticket.ticket.update",
            "osticket.ticket.delete", "osticket.ticket.get", "osticket.subticket.link", "osticket.subticket.unlink");

    private final Map<String, JsonSchema> schemas = new LinkedHashMap<>();

    public CommandSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        // 2020-12 makes "format" a note unless asked: an address osTicket would refuse is refused here, by name.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (String type : TYPES) {
            try (InputStream in = CommandSchemas.class.getResourceAsStream("/schemas/commands/" + type + ".json")) {
                schemas.put(type, factory.getSchema(in, config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void check(Command command) {
        JsonSchema schema = schemas.get(command.type());
        if (schema == null) {
            throw new RejectedCommandException("unknown command type '" + command.type() + "'; one of "
                    + String.join(", ", TYPES));
        }
        Set<ValidationMessage> errors = schema.validate(command.data());
        if (!errors.isEmpty()) {
            throw new RejectedCommandException("the data does not match the schema of " + command.type() + ": "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().limit(5)
                    .collect(Collectors.joining("; ")));
        }
    }
}
