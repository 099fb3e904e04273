package dev.posrecon.core.ingest.settlement;

/**
 * What {@code posrecon profiles} shows about a settlement profile.
 *
 * @param name        the shipped name ({@code wechatpay-bill}) or the file name of a user's profile
 * @param target      {@code settlement} (reads settlement files) or {@code terminal} (reads a terminal's CSV export)
 * @param description its one-line {@code description=}
 * @param format      {@code delimited} or {@code fixed-width}
 * @param encoding    the encoding it reads when the file has no byte order mark and none is given
 * @param assumes     its {@code assumes=} notes: what it assumes where the layout leaves something open
 */
public record ProfileInfo(String name, String target, String description, String format, String encoding, String assumes) {
}
