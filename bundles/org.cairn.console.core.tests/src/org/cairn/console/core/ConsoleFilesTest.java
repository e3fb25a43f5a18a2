package org.cairn.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.MessageView;
import org.cairn.console.api.SnapIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleFilesTest {

    private static final SnapIn FOLDERS = new TestSnapIns.Named("test.folders", true);
    private static final SnapIn LEAVES = new TestSnapIns.Named("test.leaves", false);
    private static final Function<String, Optional<SnapIn>> INSTALLED = id -> Optional
            .ofNullable(Map.of(FOLDERS.id(), FOLDERS, LEAVES.id(), LEAVES).get(id));

    @TempDir
    Path folder;

    private ConsoleDocument sample() throws Exception {
        ConsoleDocument document = new ConsoleDocument();
        var servers = document.add(FOLDERS, Map.of("name", "Servers", "children", "web,mail"), document.root());
        document.add(LEAVES, Map.of("name", "Keys & <certs>", "note", "a \"quoted\" value"), servers.root());
        document.add(LEAVES, Map.of("name", "Desktops"), document.root());
        return document;
    }

    @Test
    void savedConsoleReopensWithTheSameTreeViewAndLayout() throws Exception {
        ConsoleDocument document = sample();
        ViewState view = new ViewState(List.of(List.of("Console Root"), List.of("Console Root", "Servers")),
                Optional.of(List.of("Console Root", "Servers", "Keys & <certs>")),
                Map.of("test.root", List.of(new ColumnState("name", 250, true), new ColumnState("size", 0, false))));
        WindowLayout window = new WindowLayout(Optional.of(new WindowLayout.Bounds(10, 20, 900, 600)), false, true,
                false, true, 30, 50, 20);
        Path file = folder.resolve("servers.cairn");
        ConsoleFiles.write(file, document.toFile(view, window));

        ConsoleFiles.ReadResult read = ConsoleFiles.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(view, read.file().view());
        assertEquals(window, read.file().window());

        ConsoleDocument.Opened opened = ConsoleDocument.open(read.file(), file, INSTALLED);
        assertEquals(List.of(), opened.problems());
        ConsoleDocument again = opened.document();
        assertFalse(again.isDirty());
        assertEquals("servers.cairn - [Console Root]", again.windowTitle(List.of()));
        assertEquals(List.of("Servers", "Desktops"), labels(again.children(again.root())));
        ConsoleNode servers = again.children(again.root()).get(0);
        assertEquals(List.of("web", "mail", "Keys & <certs>"), labels(again.children(servers)));
        assertEquals(Map.of("name", "Keys & <certs>", "note", "a \"quoted\" value"),
                again.snapIns().get(1).snapIn().root().settings());
        assertEquals(1, again.snapIns().get(1).depth());
        assertEquals("Keys & <certs>",
                again.findByKeys(read.file().view().selected().orElseThrow()).orElseThrow().label());
    }

    @Test
    void missingSnapInGetsAStandInThatKeepsItsSettingsAndTheRestLoads() throws Exception {
        Path file = folder.resolve("partial.cairn");
        ConsoleFiles.write(file, sample().toFile(ViewState.EMPTY, WindowLayout.DEFAULT));

        Function<String, Optional<SnapIn>> onlyLeaves = id -> id.equals(LEAVES.id()) ? Optional.of(LEAVES)
                : Optional.empty();
        ConsoleDocument.Opened opened = ConsoleDocument.open(ConsoleFiles.read(file).file(), file, onlyLeaves);
        assertEquals(1, opened.problems().size());
        assertTrue(opened.problems().get(0).contains("test.folders") && opened.problems().get(0).contains("not installed"),
                opened.problems().get(0));
        ConsoleDocument document = opened.document();
        ConsoleNode standIn = document.children(document.root()).get(0);
        assertEquals("Named test.folders (not available)", standIn.label());
        assertTrue(standIn.resultView().orElseThrow() instanceof MessageView);
        assertEquals(List.of("Keys & <certs>"), labels(document.children(standIn)));
        assertEquals("Desktops", document.children(document.root()).get(1).label());

        Path resaved = folder.resolve("resaved.cairn");
        ConsoleFiles.write(resaved, document.toFile(ViewState.EMPTY, WindowLayout.DEFAULT));
        ConsoleDocument full = ConsoleDocument.open(ConsoleFiles.read(resaved).file(), resaved, INSTALLED).document();
        assertEquals(List.of("web", "mail", "Keys & <certs>"),
                labels(full.children(full.children(full.root()).get(0))));
    }

    @Test
    void snapInThatRejectsItsSettingsGetsAStandIn() throws Exception {
        Path file = folder.resolve("bad.cairn");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <console format="1"><snap-ins>
                  <snap-in id="test.leaves" name="Leaves"/>
                  <snap-in id="test.leaves" name="Leaves"><setting key="name" value="Good"/></snap-in>
                </snap-ins></console>
                """);
        ConsoleDocument.Opened opened = ConsoleDocument.open(ConsoleFiles.read(file).file(), file, INSTALLED);
        assertEquals(1, opened.problems().size());
        assertTrue(opened.problems().get(0).contains("The setting name is missing."), opened.problems().get(0));
        assertEquals(List.of("Leaves (not available)", "Good"), labels(opened.document().children(opened.document().root())));
    }

    @Test
    void fileOfANewerFormatLoadsWhatItKnowsAndSaysSo() throws Exception {
        Path file = folder.resolve("newer.cairn");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <console format="7"><hologram mode="3d"/><snap-ins>
                  <snap-in id="test.leaves" name="Leaves"><setting key="name" value="Kept"/><future/></snap-in>
                </snap-ins><window width="800" height="500" console-tree="false"/></console>
                """);
        ConsoleFiles.ReadResult read = ConsoleFiles.read(file);
        assertEquals(1, read.problems().size());
        assertTrue(read.problems().get(0).contains("newer version of Cairn (format 7"), read.problems().get(0));
        assertEquals("Kept", read.file().snapIns().get(0).settings().get("name"));
        assertFalse(read.file().window().consoleTree());
        assertEquals(800, read.file().window().bounds().orElseThrow().width());
    }

    @Test
    void damagedFileIsRefusedWithAMessageNamingIt() throws Exception {
        Path file = folder.resolve("damaged.cairn");
        Files.writeString(file, "<console format=\"1\"><snap-ins><snap-in id=");
        ConsoleFileException e = assertThrows(ConsoleFileException.class, () -> ConsoleFiles.read(file));
        assertTrue(e.getMessage().contains("damaged.cairn") && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void otherXmlAndMissingFilesAreRefused() throws Exception {
        Path other = folder.resolve("other.cairn");
        Files.writeString(other, "<project/>");
        assertTrue(assertThrows(ConsoleFileException.class, () -> ConsoleFiles.read(other)).getMessage()
                .contains("not a Cairn console file"));
        assertTrue(assertThrows(ConsoleFileException.class, () -> ConsoleFiles.read(folder.resolve("none.cairn")))
                .getMessage().contains("does not exist"));
    }

    @Test
    void externalEntitiesAreNotRead() throws Exception {
        Path file = folder.resolve("xxe.cairn");
        Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE console [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<console format=\"1\"><tree><selected><key>&x;</key></selected></tree></console>");
        assertThrows(ConsoleFileException.class, () -> ConsoleFiles.read(file));
    }

    @Test
    void badNumbersFallBackToDefaultsWithAProblem() throws Exception {
        Path file = folder.resolve("numbers.cairn");
        Files.writeString(file, "<console format=\"1\"><window tree-weight=\"wide\"/></console>", StandardCharsets.UTF_8);
        ConsoleFiles.ReadResult read = ConsoleFiles.read(file);
        assertEquals(WindowLayout.DEFAULT.treeWeight(), read.file().window().treeWeight());
        assertEquals(1, read.problems().size());
    }

    @Test
    void removingAContainerRemovesWhatIsBeneathAndMovingReorders() throws Exception {
        ConsoleDocument document = sample();
        document.add(LEAVES, Map.of("name", "Laptops"), document.root());
        assertTrue(document.move(document.children(document.root()).get(2), -1));
        assertEquals(List.of("Servers", "Laptops", "Desktops"), labels(document.children(document.root())));
        assertFalse(document.move(document.children(document.root()).get(0), -1));
        assertTrue(document.remove(document.children(document.root()).get(0)));
        assertEquals(2, document.snapIns().size());
        assertTrue(document.isDirty());
        assertEquals("Cairn* - [Console Root]", document.windowTitle(List.of()));
    }

    private static List<String> labels(List<ConsoleNode> nodes) {
        return nodes.stream().map(ConsoleNode::label).toList();
    }
}
