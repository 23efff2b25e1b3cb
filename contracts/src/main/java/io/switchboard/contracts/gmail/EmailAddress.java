package io.switchboard.contracts.gmail;

import io.switchboard.contracts.common.Require;

/**
 * One mailbox of an email header (From, To, Cc).
 *
 * @param address the address, e.g. {@code jo@acme.example.com}
 * @param name    the display name from the header, {@code null} when the header has none
 */
public record EmailAddress(String address, String name) {

    public EmailAddress {
        Require.text(address, "EmailAddress.address");
        Require.that(address.indexOf('@') > 0, "EmailAddress.address is not an address: " + address);
        Require.optionalText(name, "EmailAddress.name");
    }
}
