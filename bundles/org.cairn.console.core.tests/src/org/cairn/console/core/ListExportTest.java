package org.cairn.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListExportTest {

    @TempDir
    Path folder;

    private static final List<String> HEADINGS = List.of("Issued To", "Expiration Date");
    private static final List<List<String>> ROWS = List.of(List.of("www.example.com", "2027-01-31"),
            List.of("Smith, \"Jo\"", "2026-12-01"), List.of("tab\there", "line\nbreak"));

    @Test
    void commaSeparatedQuotesCellsThatNeedIt() throws Exception {
        Path file = folder.resolve("list.csv");
        ListExport.write(file, ListExport.Separator.COMMA, HEADINGS, ROWS);
        assertEquals("""
                Issued To,Expiration Date
                www.example.com,2027-01-31
                "Smith, ""Jo\""",2026-12-01
                tab\there,"line
                break"
                """, Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void tabSeparatedFlattensTabsAndLineBreaks() throws Exception {
        Path file = folder.resolve("list.txt");
        ListExport.write(file, ListExport.Separator.TAB, HEADINGS, ROWS);
        assertEquals(List.of("Issued To\tExpiration Date", "www.example.com\t2027-01-31",
                "Smith, \"Jo\"\t2026-12-01", "tab here\tline break"), Files.readAllLines(file));
    }

    @Test
    void unwritableFolderGivesAMessageNamingTheFile() {
        Path file = folder.resolve("missing-folder").resolve("list.txt");
        ConsoleFileException e = org.junit.jupiter.api.Assertions.assertThrows(ConsoleFileException.class,
                () -> ListExport.write(file, ListExport.Separator.TAB, HEADINGS, List.of()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
