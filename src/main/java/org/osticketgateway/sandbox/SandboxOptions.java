package org.osticketgateway.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the sandbox behaves: the dialect it speaks, which API keys it accepts with which permissions,
 * whether the Markdown Support and Subticket Manager plugins are installed, and — in the plugin
 * dialect — whether two failures of the shipped plugin are reproduced: the subticket endpoints'
 * crash (a PHP fatal error answered as {@code 200 text/html}) and ticket creation without a key.
 */
public record SandboxOptions(SandboxDialect dialect, Map<String, Set<Permission>> apiKeys, boolean markdownPlugin,
                             boolean subticketPlugin, boolean subticketCrash, boolean unauthenticatedCreate) {

    public SandboxOptions {
        apiKeys = Map.copyOf(apiKeys);
    }

    /** The documented API, one key with every permission, both plugins installed. */
    public static SandboxOptions withKey(String apiKey) {
        return new SandboxOptions(SandboxDialect.REFERENCE, Map.of(apiKey, Permission.all()), true, true, false,
                false);
    }

    /** The plugin as shipped: one key with every permission, no Markdown plugin, both failures on. */
    public static SandboxOptions shippedPlugin(String apiKey) {
        return new SandboxOptions(SandboxDialect.PLUGIN, Map.of(apiKey, Permission.all()), false, true, true, true);
    }

    public SandboxOptions withApiKey(String apiKey, Set<Permission> permissions) {
        Map<String, Set<Permission>> keys = new LinkedHashMap<>(apiKeys);
        keys.put(apiKey, Set.copyOf(permissions));
        return new SandboxOptions(dialect, keys, markdownPlugin, subticketPlugin, subticketCrash,
                unauthenticatedCreate);
    }

    public SandboxOptions withMarkdownPlugin(boolean installed) {
        return new SandboxOptions(dialect, apiKeys, installed, subticketPlugin, subticketCrash, unauthenticatedCreate);
    }

    public SandboxOptions withSubticketPlugin(boolean installed) {
        return new SandboxOptions(dialect, apiKeys, markdownPlugin, installed, subticketCrash, unauthenticatedCreate);
    }

    /** The plugin's two failures off: subtickets as with the fix applied, create asking for a key. */
    public SandboxOptions patched() {
        return new SandboxOptions(dialect, apiKeys, markdownPlugin, subticketPlugin, false, false);
    }
}
