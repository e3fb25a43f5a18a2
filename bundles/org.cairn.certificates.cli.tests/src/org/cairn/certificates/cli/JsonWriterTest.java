package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The command line's JSON writer and the dates of its listings, which take shortcuts for speed (a string without
 * characters to escape goes in whole; dates without java.time's formatter; output encoded a piece at a time): checked
 * against a second JSON reader and against what java.time and {@link PrintStream} themselves write.
 */
class JsonWriterTest {

    @Test
    void stringsKeepEveryCharacterAndEscapeWhatJsonRequires() {
        List<String> strings = List.of("", "plain", "\"quoted\"", "back\\slash", "line\nbreak\r\n", "tab\there",
                "\u0000\u0001\u001f", "end\\", "\"", "Zürich ✓ 証明書 \uD83D\uDD11", "a\"b\\c\nd\u0002e");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < strings.size(); i++) {
            m.put("key " + i + strings.get(i), strings.get(i));
        }
        String json = Json.write(m);
        assertEquals(m, JsonReader.parse(json));
        assertEquals("{\n  \"k\": \"a\\\"b\\\\c\\nd\\u0002e\"\n}", Json.write(Map.of("k", "a\"b\\c\nd\u0002e")));
    }

    @Test
    void printWritesWhatWriteMakesInPiecesInTheStreamsCharset() {
        // 3,000 objects: about 300 KB, several of print's 64 KB pieces; non-ASCII text on both sides of a piece's end
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("thumbprint", String.format("%040X", i));
            m.put("subject", "CN=Zürich " + i + " ✓,O=Cairn \"Tests\"");
            m.put("purposes", List.of("Server Authentication", "Client Authentication"));
            m.put("hasPrivateKey", i % 2 == 0);
            m.put("properties", Map.of());
            all.add(m);
        }
        String expected = Json.write(all) + System.lineSeparator();
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1)) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, false, charset);
            Json.print(out, all);
            ByteArrayOutputStream reference = new ByteArrayOutputStream();
            PrintStream ref = new PrintStream(reference, false, charset);
            ref.print(expected);
            ref.flush();
            assertEquals(reference.toString(charset), printed.toString(charset), charset.name());
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Json.print(new PrintStream(printed, false, StandardCharsets.UTF_8), all);
        assertEquals(all, JsonReader.parse(printed.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void datesAreWrittenAsJavaTimeWritesThem() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1),
                Instant.parse("1950-01-01T00:00:00Z"), Instant.parse("1999-12-31T23:59:59Z"),
                Instant.parse("2000-02-29T12:00:00Z"), Instant.parse("2026-12-07T18:14:15Z"),
                Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59Z"),
                Instant.parse("2026-12-07T18:14:15.5Z"), Instant.parse("2026-12-07T18:14:00Z"),
                Instant.parse("2026-12-07T00:00:00Z")));
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-40_000_000_000L, 260_000_000_000L)));
        }
        for (Instant at : instants) {
            assertEquals(at.toString(), Entries.instant(at), () -> "the instant " + at);
            assertEquals(Entries.DAY.format(at), Entries.day(at), () -> "the day of " + at);
        }
        // beyond what java.time's formatter of days can write; the instant as Instant writes it
        assertEquals(Instant.MIN.toString(), Entries.instant(Instant.MIN));
        assertEquals(Instant.MAX.toString(), Entries.instant(Instant.MAX));
    }
}
