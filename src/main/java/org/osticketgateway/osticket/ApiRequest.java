package org.osticketgateway.osticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osticketgateway.osticket.model.Attachment;

/**
 * One HTTP call to osTicket, relative to the API base URL. A body is JSON, multipart form data
 * (fields and files), raw bytes of a content type (a whole mail), or absent.
 */
public record ApiRequest(String operation, String method, String path, Map<String, String> query, JsonNode json,
                         Map<String, String> formFields, List<Attachment> files, Attachment raw) {

    public ApiRequest {
        query = query == null ? Map.of() : new LinkedHashMap<>(query);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static ApiRequest get(String operation, String path, Map<String, String> query) {
        return new ApiRequest(operation, "GET", path, query, null, null, null, null);
    }

    public static ApiRequest withJson(String operation, String method, String path, JsonNode json) {
        return new ApiRequest(operation, method, path, null, json, null, null, null);
    }

    public static ApiRequest withoutBody(String operation, String method, String path) {
        return new ApiRequest(operation, method, path, null, null, null, null, null);
    }

    public static ApiRequest multipart(String operation, String path, Map<String, String> fields,
                                       List<Attachment> files) {
        return new ApiRequest(operation, "POST", path, null, null, fields, files, null);
    }

    /** A POST of raw bytes; {@code body}'s content type is sent, its file name is not. */
    public static ApiRequest raw(String operation, String path, Attachment body) {
        return new ApiRequest(operation, "POST", path, null, null, null, null, body);
    }
}
