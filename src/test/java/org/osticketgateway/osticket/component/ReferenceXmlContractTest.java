package org.osticketgateway.osticket.component;

import org.osticketgateway.osticket.ResponseFormat;

class ReferenceXmlContractTest extends OsTicketContract {

    @Override
    ResponseFormat format() {
        return ResponseFormat.XML;
    }
}
