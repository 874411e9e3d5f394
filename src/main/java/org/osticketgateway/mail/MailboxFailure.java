package org.osticketgateway.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Why a mailbox cannot be read, in words a user can act on: the cause, and the setting that mends
 * it. The mail API's exceptions wrap the real cause a few levels deep; this finds it.
 */
final class MailboxFailure {

    private MailboxFailure() {
    }

    static String describe(Mailbox mailbox, Throwable failure) {
        String key = "mail." + mailbox.name() + ".";
        String env = "MAIL_" + mailbox.name().toUpperCase(Locale.ROOT).replaceAll("[.-]", "_") + "_PASSWORD";
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationFailedException) {
                return "login refused: check " + key + "username and the password (" + env + ")";
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "certificate not trusted: add the CA with " + key + "trust-pem (a PEM file) or " + key
                        + "trust-store";
            }
            if (cause instanceof CertificateExpiredException) {
                return "certificate expired: the server's certificate must be renewed";
            }
            if (cause instanceof SSLHandshakeException && String.valueOf(cause.getMessage()).contains("No subject alt")
                    || String.valueOf(cause.getMessage()).startsWith("Can't verify identity of server")) {
                return "certificate is for another host than " + mailbox.host() + ": set " + key
                        + "host to a name the certificate has";
            }
            if (cause instanceof FolderNotFoundException) {
                return "folder not found: check " + key + "folder";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + mailbox.host() + ": check " + key + "host";
            }
            if (cause instanceof ConnectException) {
                return "connection refused: check " + key + "host and " + key + "port";
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer in time from the server";
            }
            if (cause instanceof SSLException ssl && cause.getCause() == null) {
                return "TLS failed: " + ssl.getMessage() + " (is " + key + "protocol right for port "
                        + mailbox.port() + "?)";
            }
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
