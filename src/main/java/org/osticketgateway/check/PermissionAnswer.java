package org.osticketgateway.check;

import java.util.Locale;

/** Whether the key has a permission, and what osTicket answered that says so. */
record PermissionAnswer(KeyPermission permission, Access access, String evidence) {

    enum Access {
        ALLOWED, DENIED, UNKNOWN
    }

    boolean allowed() {
        return access == Access.ALLOWED;
    }

    Finding finding() {
        String topic = "permission " + permission.name().toLowerCase(Locale.ROOT);
        String what = permission.label() + ": ";
        return switch (access) {
            case ALLOWED -> Finding.ok(topic, what + "allowed (" + evidence + ")");
            case UNKNOWN -> Finding.warn(topic, what + "cannot tell: " + evidence);
            case DENIED -> {
                String text = what + "not allowed (" + evidence + "): " + permission.without() + "; grant "
                        + permission.osTicketName() + " to the key in osTicket (Admin panel, Manage, API)";
                yield Finding.problem(topic, text, permission.neededBy());
            }
        };
    }
}
