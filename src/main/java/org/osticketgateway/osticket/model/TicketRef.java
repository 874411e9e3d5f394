package org.osticketgateway.osticket.model;

/**
 * Names a ticket by its public number, its internal id, or both. osTicket looks tickets up by
 * number first; some endpoints accept only one of the two, so the client resolves the other
 * when it must.
 */
public record TicketRef(String number, Long id) {

    public TicketRef {
        if ((number == null || number.isBlank()) && id == null) {
            throw new IllegalArgumentException("a ticket reference needs a number or an id");
        }
        number = number == null || number.isBlank() ? null : number.trim();
    }

    public static TicketRef ofNumber(String number) {
        return new TicketRef(number, null);
    }

    public boolean hasNumber() {
        return number != null;
    }

    public boolean hasId() {
        return id != null;
    }

    /** True when both refer to the same ticket by a key they share. */
    public boolean sameTicketAs(TicketRef other) {
        return (hasNumber() && number.equals(other.number)) || (hasId() && id.equals(other.id));
    }

    @Override
    public String toString() {
        return hasNumber() ? "#" + number : "id " + id;
    }
}
