package org.osticketgateway.osticket.component;

import org.osticketgateway.osticket.ResponseFormat;

class PluginJsonContractTest extends OsTicketContract {

    @Override
    ResponseFormat format() {
        return ResponseFormat.JSON;
    }

    @Override
    boolean plugin() {
        return true;
    }
}
