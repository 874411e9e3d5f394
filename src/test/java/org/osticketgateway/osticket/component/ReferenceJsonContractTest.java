package org.osticketgateway.osticket.component;

import org.osticketgateway.osticket.ResponseFormat;

class ReferenceJsonContractTest extends OsTicketContract {

    @Override
    ResponseFormat format() {
        return ResponseFormat.JSON;
    }
}
