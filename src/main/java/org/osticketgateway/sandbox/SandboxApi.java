package org.osticketgateway.sandbox;

/** One dialect of the emulated API: answers requests against the shared store. */
interface SandboxApi {

    SandboxResponse handle(SandboxRequest request);
}
