package org.osticketgateway.job;

/**
 * What one kind of job does in a fire. osTicket's lasting refusals become failed results and the
 * fire goes on; a retryable failure (osTicket away) is thrown, for the route to run the fire again,
 * which then resumes where it stopped.
 */
interface JobWork {

    void run(FireRun run);
}
