package org.osticketgateway.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ordered department rules: {@code to:<regex>=Department} matches a recipient (To, Cc,
 * Delivered-To), {@code subject:<regex>=Department} the subject. The first rule that matches wins;
 * rules are separated by {@code ;}. Regexes are case-insensitive and must match the whole address,
 * or be found in the subject.
 */
public final class RoutingRules {

    private record Rule(boolean recipient, Pattern pattern, String department) {
    }

    private final List<Rule> rules;

    private RoutingRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Parses {@code mail.routing}; a malformed rule names the key and the rule. */
    public static RoutingRules parse(String key, String text) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : text.split(";")) {
            String rule = entry.trim();
            if (rule.isEmpty()) {
                continue;
            }
            int colon = rule.indexOf(':');
            int equals = rule.lastIndexOf('=');
            String field = colon < 0 ? "" : rule.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (colon < 0 || equals < colon || !(field.equals("to") || field.equals("subject"))
                    || rule.substring(equals + 1).isBlank()) {
                throw new IllegalStateException(key + ": '" + rule + "' is not of the form to:<regex>=Department "
                        + "or subject:<regex>=Department");
            }
            try {
                rules.add(new Rule(field.equals("to"), Pattern.compile(rule.substring(colon + 1, equals).trim(),
                        Pattern.CASE_INSENSITIVE), rule.substring(equals + 1).trim()));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(key + ": '" + rule + "' has a bad regex: " + e.getDescription());
            }
        }
        return new RoutingRules(rules);
    }

    /** The departments the rules route to, in rule order, each once. */
    public List<String> departments() {
        return rules.stream().map(Rule::department).distinct().toList();
    }

    public Optional<String> department(IncomingMail mail) {
        for (Rule rule : rules) {
            boolean hit = rule.recipient()
                    ? mail.recipients().stream().anyMatch(r -> rule.pattern().matcher(r).matches())
                    : rule.pattern().matcher(mail.subject()).find();
            if (hit) {
                return Optional.of(rule.department());
            }
        }
        return Optional.empty();
    }
}
