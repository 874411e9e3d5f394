package org.osticketgateway.osticket.component;

import org.osticketgateway.osticket.ResponseFormat;

class PluginXmlContractTest extends OsTicketContract {

    @Override
    ResponseFormat format() {
        return ResponseFormat.XML;
    }

    @Override
    boolean plugin() {
        return true;
    }
}
