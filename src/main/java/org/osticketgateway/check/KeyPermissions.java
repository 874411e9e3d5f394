package org.osticketgateway.check;

import java.util.EnumMap;
import java.util.Map;

/** What the key may do, one answer per permission. */
record KeyPermissions(Map<KeyPermission, PermissionAnswer> answers) {

    KeyPermissions {
        answers = Map.copyOf(new EnumMap<>(answers));
    }

    boolean allows(KeyPermission permission) {
        PermissionAnswer answer = answers.get(permission);
        return answer != null && answer.allowed();
    }

    boolean denies(KeyPermission permission) {
        PermissionAnswer answer = answers.get(permission);
        return answer != null && answer.access() == PermissionAnswer.Access.DENIED;
    }
}
