package org.osticketgateway.osticket.component;

import org.osticketgateway.osticket.ResponseFormat;
import org.osticketgateway.sandbox.SandboxOptions;
import org.osticketgateway.sandbox.SandboxServer;

class ReferenceXmlContractTest extends OsTicketContract {

    @Override
    ResponseFormat format() {
        return ResponseFormat.XML;
    }

    @Override
    SandboxServer startSandbox(SandboxOptions options) throws Exception {
        return SandboxServer.start(0, options, true);
    }
}
