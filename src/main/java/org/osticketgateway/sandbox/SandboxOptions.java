package org.osticketgateway.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the sandbox behaves: which API keys it accepts with which permissions, and whether the
 * Markdown Support and Subticket Manager plugins are installed.
 */
public record SandboxOptions(Map<String, Set<Permission>> apiKeys, boolean markdownPlugin, boolean subticketPlugin) {

    public SandboxOptions {
        apiKeys = Map.copyOf(apiKeys);
    }

    /** One key with every permission, both plugins installed. */
    public static SandboxOptions withKey(String apiKey) {
        return new SandboxOptions(Map.of(apiKey, Permission.all()), true, true);
    }

    public SandboxOptions withApiKey(String apiKey, Set<Permission> permissions) {
        Map<String, Set<Permission>> keys = new LinkedHashMap<>(apiKeys);
        keys.put(apiKey, Set.copyOf(permissions));
        return new SandboxOptions(keys, markdownPlugin, subticketPlugin);
    }

    public SandboxOptions withMarkdownPlugin(boolean installed) {
        return new SandboxOptions(apiKeys, installed, subticketPlugin);
    }

    public SandboxOptions withSubticketPlugin(boolean installed) {
        return new SandboxOptions(apiKeys, markdownPlugin, installed);
    }
}
