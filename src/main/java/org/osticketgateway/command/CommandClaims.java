package org.osticketgateway.command;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One run at a time per command id within this gateway: the same id under two Kafka keys may land in
 * one batch, in two groups that run concurrently, and the ledger check and the call must not
 * interleave. Different ids never wait for each other.
 */
final class CommandClaims {

    private final Set<String> running = new HashSet<>();

    <T> T exclusively(String id, Supplier<T> work) {
        claim(id);
        try {
            return work.get();
        } finally {
            release(id);
        }
    }

    private synchronized void claim(String id) {
        boolean interrupted = false;
        while (!running.add(id)) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void release(String id) {
        running.remove(id);
        notifyAll();
    }
}
