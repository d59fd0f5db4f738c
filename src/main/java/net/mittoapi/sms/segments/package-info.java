/**
 * The offline GSM-7 / UCS-2 segment calculator: which encoding a text needs, how many parts it costs,
 * and where it will be split. Start with {@link net.mittoapi.sms.segments.SegmentCalculator}.
 */
package net.mittoapi.sms.segments;
