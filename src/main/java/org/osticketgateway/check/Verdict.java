package org.osticketgateway.check;

/** How a probe came out: works, works with a caveat, or stops the flows that need it. */
public enum Verdict {
    OK, WARN, FAIL
}
