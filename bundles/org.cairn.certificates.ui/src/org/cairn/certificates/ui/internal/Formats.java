package org.cairn.certificates.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.cairn.certificates.core.Purpose;

/** How dates, purposes and bytes read in the snap-in: the system's short date, as Windows' lists show it. */
public final class Formats {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
            .withLocale(Locale.getDefault());
    private static final DateTimeFormatter LONG_DATE_TIME = DateTimeFormatter
            .ofPattern("EEEE, MMMM d, yyyy h:mm:ss a", Locale.getDefault());

    private Formats() {
    }

    /** @return the date in the local time zone, short ("11/29/27") */
    public static String shortDate(Instant instant) {
        return SHORT_DATE.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** @return the date and time in the local time zone, long ("Monday, November 29, 2027 11:54:58 AM") */
    public static String longDateTime(Instant instant) {
        return LONG_DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** @return the purposes' names joined by ", " ("<All>" for a certificate without EKU) */
    public static String purposes(List<Purpose> purposes) {
        return purposes.stream().map(Purpose::displayName).collect(Collectors.joining(", "));
    }

    /** @return {@link #purposes}, or "&lt;None&gt;" when there are none (a path that allows no purpose) */
    public static String purposesOrNone(List<Purpose> purposes) {
        return purposes.isEmpty() ? Messages.get("value.none") : purposes(purposes);
    }

    /** @return lower-case hex pairs separated by spaces, as Windows' Details tab shows bytes */
    public static String hexPairs(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** @return hex pairs, {@code perLine} bytes per line */
    public static String hexBlock(byte[] bytes, int perLine) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i += perLine) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(hexPairs(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + perLine))));
        }
        return text.toString();
    }
}
