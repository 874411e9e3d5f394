package org.osticketgateway.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What both emulated dialects share: matching a request to an endpoint, checking method, key,
 * permission and plugin, running the endpoint under the store's lock, and rendering answers as
 * JSON, XML or text. The dialects differ in their endpoints and in the form of their errors.
 */
abstract class RoutedApi implements SandboxApi {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * As osTicket 1.18's RFC 822 parser takes an address (recorded): no dot at either end of the local
     * part or the domain, none doubled, no space even quoted.
     */
    static final Pattern EMAIL = Pattern.compile("^(?!\\.)(?!.*\\.\\.)[^@\\s]+(?<!\\.)@[^@\\s]+\\.[^@\\s]+(?<!\\.)$");

    /**
     * An answer: a tree rendered as JSON or XML (root element {@code xmlRoot}), or ready text; and how
     * many tickets the server walked to give it (what a search or stats costs osTicket's database).
     */
    record Answer(int status, JsonNode body, String xmlRoot, String textType, String text, int walked) {

        static Answer of(int status, JsonNode body) {
            return new Answer(status, body, "response", null, null, 0);
        }

        static Answer ok(JsonNode body) {
            return of(200, body);
        }

        static Answer text(int status, String type, String text) {
            return new Answer(status, null, null, type, text, 0);
        }

        Answer walking(int tickets) {
            return new Answer(status, body, xmlRoot, textType, text, tickets);
        }
    }

    interface Handler {
        Answer handle(SandboxRequest request, Matcher match);
    }

    /** Checks done before the key is looked up (URL form, say); throws a {@link SandboxError}. */
    interface Precheck {
        void check(SandboxRequest request, Matcher match);

        Precheck NONE = (request, match) -> { };
    }

    /**
     * One endpoint. The path pattern has a group {@code ext} (json or xml). A null permission means
     * the endpoint asks for no key. {@code denied} is the answer to a key without the permission.
     */
    record Route(Pattern path, Set<String> methods, Permission permission, boolean subticket, SandboxError denied,
                 Precheck precheck, Handler handler) {
    }

    final SandboxStore store;
    final SandboxOptions options;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Route> routes;

    RoutedApi(SandboxStore store, SandboxOptions options) {
        this.store = store;
        this.options = options;
        this.routes = routes();
    }

    abstract List<Route> routes();

    /** The error answer in the dialect's form. */
    abstract Answer error(SandboxError error);

    abstract SandboxError methodNotAllowed(Route route);

    abstract SandboxError missingKey();

    /** The name of list items in this dialect's XML. */
    abstract String xmlItemName();

    abstract boolean xmlDeclaresEncoding();

    /** An answer given after the prechecks instead of the endpoint's own, as a crash would; null for none. */
    Answer instead(Route route) {
        return null;
    }

    /** osTicket core's mail intake, {@code POST /tickets.email}: the same under every plugin. */
    Route mailIntake(SandboxError denied) {
        return route("/tickets\\.(?<ext>email)", Set.of("POST"), Permission.CAN_CREATE_TICKETS, false, denied,
                Precheck.NONE, (request, match) -> Answer.text(201, SandboxResponse.HTML,
                        new MailIntake(store).take(request.body())));
    }

    /** A create's {@code mid}, kept as osTicket keeps it, so that mail answering it threads there. */
    void rememberMessageId(Map<String, String> fields, SandboxTicket ticket) {
        String messageId = fields.get("mid");
        if (messageId != null && !messageId.isBlank()) {
            store.rememberMessageId(messageId.trim(), ticket);
        }
    }

    static Route route(String path, Set<String> methods, Permission permission, boolean subticket,
                       SandboxError denied, Precheck precheck, Handler handler) {
        return new Route(Pattern.compile(path), methods, permission, subticket, denied, precheck, handler);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        for (Route route : routes) {
            Matcher match = route.path().matcher(request.path());
            if (match.matches()) {
                boolean xml = "xml".equals(match.group("ext"));
                return render(answer(route, request, match), xml);
            }
        }
        return render(error(SandboxError.notFound("Unknown endpoint " + request.path())), false);
    }

    private Answer answer(Route route, SandboxRequest request, Matcher match) {
        try {
            if (!route.methods().contains(request.method())) {
                throw methodNotAllowed(route);
            }
            route.precheck().check(request, match);
            Answer replacement = instead(route);
            if (replacement != null) {
                return replacement;
            }
            if (route.permission() != null) {
                Set<Permission> granted = request.apiKey() == null ? null : options.apiKeys().get(request.apiKey());
                if (granted == null) {
                    throw missingKey();
                }
                if (!granted.contains(route.permission())) {
                    throw route.denied();
                }
            }
            if (route.subticket() && !options.subticketPlugin()) {
                throw new SandboxError(501, "Subticket plugin not available");
            }
            synchronized (store) {
                return route.handler().handle(request, match);
            }
        } catch (SandboxError e) {
            return error(e);
        }
    }

    private SandboxResponse render(Answer answer, boolean xml) {
        if (answer.text() != null) {
            return new SandboxResponse(answer.status(), answer.textType(), answer.text(), answer.walked());
        }
        if (xml) {
            return new SandboxResponse(answer.status(), SandboxResponse.XML,
                    XmlRenderer.render(answer.xmlRoot(), xmlItemName(), answer.body(), xmlDeclaresEncoding()),
                    answer.walked());
        }
        return new SandboxResponse(answer.status(), SandboxResponse.JSON, answer.body().toString(), answer.walked());
    }

    // ---- reading requests

    /** Create's fields from a JSON object or a multipart form; uploads go to {@code files}. */
    Map<String, String> formOrJson(SandboxRequest request, List<MultipartForm.Upload> files) {
        if (request.contentType() != null && request.contentType().toLowerCase().startsWith("multipart/form-data")) {
            MultipartForm form = MultipartForm.parse(request.contentType(), request.body());
            files.addAll(form.files());
            return new java.util.LinkedHashMap<>(form.fields());
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        jsonBody(request).fields().forEachRemaining(f -> fields.put(f.getKey(),
                f.getValue().isNull() || f.getValue().isContainerNode() ? null : f.getValue().asText()));
        return fields;
    }

    JsonNode jsonBody(SandboxRequest request) {
        if (request.body().length == 0) {
            return NODES.objectNode();
        }
        try {
            JsonNode body = json.readTree(new String(request.body(), StandardCharsets.UTF_8));
            if (body == null || !body.isObject()) {
                throw SandboxError.badRequest("The body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw SandboxError.badRequest("Invalid JSON body");
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Instant dueDate(String value) {
        Instant due = ServerTime.parse(value);
        if (due == null) {
            throw SandboxError.badRequest("Invalid due date format. Use ISO 8601 (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)");
        }
        return due;
    }

    static long count(List<SandboxTicket> tickets, Predicate<SandboxTicket> which) {
        return tickets.stream().filter(which).count();
    }

    boolean isOpen(SandboxTicket ticket) {
        return store.directory().status(ticket.statusId).isOpen();
    }

    ObjectNode object() {
        return NODES.objectNode();
    }
}
