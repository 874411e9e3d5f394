package org.osticketgateway.sandbox;

import java.util.Arrays;

/**
 * A name split as osTicket's {@code PersonsName::splitName()} splits it (include/class.user.php in
 * 1.18.1): a first word with a period is a salutation, a last word with one a suffix, the word before
 * the suffix the last name and any words between the middle name. A single word has no last name
 * (null: PHP reads a missing index), as a real osTicket answers for "Carol".
 */
record PersonsName(String salutation, String first, String middle, String last, String suffix) {

    static PersonsName split(String name) {
        String[] words = name.split(" ", -1);
        if (words.length == 1 && words[0].contains(".")) {
            words = name.split("\\.", -1);
        }
        boolean salutation = words[0].contains(".") && words.length > 1;
        boolean suffix = words[words.length - 1].contains(".");
        int start = salutation ? 2 : 1;
        int end = suffix ? words.length - 2 : words.length - 1;
        String[] rest = start <= end ? Arrays.copyOfRange(words, start, end + 1) : new String[0];
        return new PersonsName(salutation ? words[0] : "", words[salutation ? 1 : 0],
                rest.length > 1 ? String.join(" ", Arrays.copyOf(rest, rest.length - 1)) : "",
                rest.length == 0 ? null : rest[rest.length - 1], suffix ? words[words.length - 1] : "");
    }
}
