package dev.posrecon.core.contact;

/**
 * One suggested channel.
 *
 * @param address phone, e-mail or reference to use, masked unless this channel needs it in full; may be null
 * @param reason  one line: why this channel, in this place
 */
public record ContactOption(ContactRoute route, String address, String reason) {
}
