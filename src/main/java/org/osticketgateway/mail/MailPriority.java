package org.osticketgateway.mail;

import java.util.Locale;

/** The priority a mail asks for with X-Priority (1 highest … 5 lowest) or Importance. */
final class MailPriority {

    private MailPriority() {
    }

    /** "High", "Low", or null for normal or unstated. */
    static String of(IncomingMail mail) {
        String xPriority = mail.header("X-Priority");
        if (xPriority != null && !xPriority.isBlank()) {
            char level = xPriority.trim().charAt(0);
            if (level == '1' || level == '2') {
                return "High";
            }
            if (level == '4' || level == '5') {
                return "Low";
            }
        }
        String importance = mail.header("Importance");
        if (importance != null) {
            String value = importance.trim().toLowerCase(Locale.ROOT);
            if (value.equals("high")) {
                return "High";
            }
            if (value.equals("low")) {
                return "Low";
            }
        }
        return null;
    }
}
