package org.osticketgateway.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sandbox's fixed reference data: departments, help topics, priorities, SLA plans, staff,
 * teams and statuses, looked up by name or id as osTicket does.
 */
record Directory(List<Named> departments, List<Named> topics, List<Named> priorities, List<Named> slas,
                 List<Staff> staff, List<Named> teams, List<Status> statuses) {

    /** Anything osTicket lists with an id and a name. */
    record Named(long id, String name) {
    }

    record Staff(long id, String username, String firstName, String lastName) {
        String name() {
            return firstName + " " + lastName;
        }
    }

    record Status(long id, String name, String state, String description) {
        boolean isOpen() {
            return "open".equals(state);
        }
    }

    /** A name (case-insensitive) first, then an id, as the plugin resolves "name or id" fields. */
    static Optional<Named> byNameOrId(List<Named> items, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String key = value.trim().toLowerCase(Locale.ROOT);
        return items.stream().filter(i -> i.name().toLowerCase(Locale.ROOT).equals(key)).findFirst()
                .or(() -> items.stream().filter(i -> String.valueOf(i.id()).equals(key)).findFirst());
    }

    static Optional<Named> byId(List<Named> items, Long id) {
        return id == null ? Optional.empty() : items.stream().filter(i -> i.id() == id).findFirst();
    }

    Optional<Status> status(String nameOrId) {
        String key = nameOrId.trim().toLowerCase(Locale.ROOT);
        return statuses.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).equals(key)).findFirst()
                .or(() -> statuses.stream().filter(s -> String.valueOf(s.id()).equals(key)).findFirst());
    }

    Status status(long id) {
        return statuses.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    Optional<Staff> staffMember(String usernameOrId) {
        String key = usernameOrId.trim().toLowerCase(Locale.ROOT);
        return staff.stream().filter(s -> s.username().toLowerCase(Locale.ROOT).equals(key)).findFirst()
                .or(() -> staff.stream().filter(s -> String.valueOf(s.id()).equals(key)).findFirst());
    }

    Optional<Staff> staffMember(Long id) {
        return id == null ? Optional.empty() : staff.stream().filter(s -> s.id() == id).findFirst();
    }

    String name(List<Named> items, Long id) {
        return byId(items, id).map(Named::name).orElse(null);
    }

    /**
     * The reference data of the reference's own examples. The top priority is "Urgent" in the
     * reference and "Emergency" in a real osTicket.
     */
    static Directory demo(String topPriority) {
        return new Directory(
                List.of(new Named(1, "Support"), new Named(2, "Sales"), new Named(3, "IT Support"),
                        new Named(4, "Billing"), new Named(5, "Development"), new Named(6, "IT Operations"),
                        new Named(7, "QA"), new Named(8, "Accounting")),
                List.of(new Named(1, "General Inquiry"), new Named(2, "Feedback"), new Named(10, "Technical Support"),
                        new Named(15, "Billing Question")),
                List.of(new Named(1, "Low"), new Named(2, "Normal"), new Named(3, "High"), new Named(4, topPriority)),
                List.of(new Named(1, "Default SLA"), new Named(2, "Premium Support"), new Named(3, "Standard SLA")),
                List.of(new Staff(1, "admin", "Site", "Admin"), new Staff(2, "john.doe", "John", "Doe"),
                        new Staff(3, "jane.smith", "Jane", "Smith"), new Staff(5, "bob.wilson", "Bob", "Wilson")),
                List.of(new Named(1, "Level 1 Support"), new Named(3, "Level 2 Support")),
                List.of(new Status(1, "Open", "open", "Ticket is open and awaiting response"),
                        new Status(2, "Resolved", "closed", "Ticket has been resolved"),
                        new Status(3, "Closed", "closed", "Ticket is closed"),
                        new Status(4, "Archived", "archived", "Ticket has been archived"),
                        new Status(5, "Deleted", "deleted", "Ticket has been deleted")));
    }
}
