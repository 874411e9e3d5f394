package org.osticketgateway.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A key that Camel's file repositories can store. They keep one {@code key=value} per line, so a
 * Message-ID like {@code <CA+x=y@mail.gmail.com>} or a command id with a line break would be
 * refused or split; such a key is stored by its SHA-256 instead.
 */
public final class StateKey {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:@<>+/-]{1,200}");

    private StateKey() {
    }

    public static String of(String raw) {
        return PLAIN.matcher(raw).matches() ? raw : "sha256:" + sha256(raw);
    }

    public static String sha256(String raw) {
        return sha256(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
