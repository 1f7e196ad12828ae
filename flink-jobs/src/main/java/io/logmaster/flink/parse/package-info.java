/**
 * Syslog parsing for the IngestJob: {@link io.logmaster.flink.parse.SyslogParser} turns a raw
 * record into a {@link io.logmaster.event.LogEvent}.
 *
 * <p>Decisions (tested in {@code SyslogParserTest}):
 *
 * <ul>
 *   <li>Never throws; a line that cannot be parsed is an event with the whole text as message,
 *       parser "none" and warnings. Invalid UTF-8 is replaced (U+FFFD) with a warning.
 *   <li>A trailing CR/LF/NUL is not part of the message; {@code original} keeps it. A leading UTF-8
 *       BOM (before PRI, after PRI, or at the start of MSG) is dropped from the message.
 *   <li>PRI: facility = PRI / 8, severity = PRI % 8; no PRI or an invalid one (not 1-3 digits,
 *       above 191) leaves both null with a warning.
 *   <li>RFC 5424 STRUCTURED-DATA becomes {@code {"sd-id":{"name":"value"}}}; escapes \" \\ \] are
 *       decoded; a PARAM-NAME repeated within one element becomes an array of all values in order
 *       ({@code {"origin":{"ip":["10.0.0.1","10.0.0.2"]}}}), otherwise values are strings; a
 *       repeated SD-ID is merged into the first with a warning. Invalid SD: no SD, the text from
 *       the SD on is the message, warning.
 *   <li>Cisco {@code %FACILITY-SEVERITY-MNEMONIC:} without a preceding tag becomes the appname
 *       without the '%' ("LINK-3-UPDOWN"); when a normal tag precedes it (Arista "Bgp:"), the tag
 *       is the appname and the mnemonic stays in the message. '*' before a Cisco timestamp warns
 *       "clock not synchronized", '.' warns "clock not authoritative"; the device time is still
 *       used.
 *   <li>Timestamps without offset are in the parser's default zone; a timestamp without a year gets
 *       the year placing it within 11 months before to 1 month after the receive time. Without a
 *       usable timestamp the receive time is used, with a warning.
 * </ul>
 */
package io.logmaster.flink.parse;
