package org.cairn.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.SnapIn;
import org.cairn.console.core.internal.UnavailableSnapIn;
import org.junit.jupiter.api.Test;

/** A snap-in whose bundle stops while a console uses it is replaced by a stand-in, and comes back with its settings. */
class SnapInsComingAndGoingTest {

    private final Map<String, SnapIn> installed = new HashMap<>();

    private Optional<SnapIn> find(String id) {
        return Optional.ofNullable(installed.get(id));
    }

    @Test
    void stoppedSnapInIsReplacedAndComesBackWithItsSettings() throws Exception {
        TestSnapIns.Named folder = new TestSnapIns.Named("folder", true);
        TestSnapIns.Named notes = new TestSnapIns.Named("notes", false);
        installed.put("folder", folder);
        installed.put("notes", notes);
        ConsoleDocument document = new ConsoleDocument();
        AddedSnapIn container = document.add(folder, Map.of("name", "Servers"), document.root());
        AddedSnapIn inside = document.add(notes, Map.of("name", "Web", "colour", "blue"), container.root());
        document.markSaved(java.nio.file.Path.of("x.cairn"));

        installed.remove("folder");
        Map<ConsoleNode, ConsoleNode> gone = document.followInstalledSnapIns(this::find);
        ConsoleNode standIn = gone.get(container.root());
        assertEquals("Named folder (not available)", standIn.label());
        assertEquals(UnavailableSnapIn.NODE_TYPE, standIn.nodeTypeId());
        assertEquals(List.of(standIn), document.root().children());
        // What was beneath it stays beneath it; nothing to save has changed.
        assertEquals(List.of(inside.root()), document.children(standIn));
        assertFalse(document.isDirty());
        assertEquals(Map.of("name", "Servers"),
                document.toFile(ViewState.EMPTY, WindowLayout.DEFAULT).snapIns().get(0).settings());
        assertTrue(document.followInstalledSnapIns(this::find).isEmpty(), "nothing more changes");

        installed.put("folder", folder);
        Map<ConsoleNode, ConsoleNode> back = document.followInstalledSnapIns(this::find);
        ConsoleNode again = back.get(standIn);
        assertEquals("Servers", again.label());
        assertTrue(document.snapInOf(again).orElseThrow().available());
        assertSame(inside.root(), document.children(again).get(0));
        assertEquals("blue", document.toFile(ViewState.EMPTY, WindowLayout.DEFAULT).snapIns().get(0).children().get(0)
                .settings().get("colour"));
    }

    /**
     * A root is closed once when it leaves the console: removed with what is beneath it, its snap-in stopped, or
     * the whole console closed (File → New, Open, the window closing); a root still shown is not.
     */
    @Test
    void rootsAreClosedWhenTheyLeaveTheConsole() throws Exception {
        TestSnapIns.Named folder = new TestSnapIns.Named("folder", true);
        TestSnapIns.Named notes = new TestSnapIns.Named("notes", false);
        installed.put("folder", folder);
        installed.put("notes", notes);
        ConsoleDocument document = new ConsoleDocument();
        AddedSnapIn container = document.add(folder, Map.of("name", "Servers"), document.root());
        AddedSnapIn inside = document.add(notes, Map.of("name", "Web"), container.root());
        AddedSnapIn other = document.add(notes, Map.of("name", "Mail"), document.root());
        AddedSnapIn stopping = document.add(new TestSnapIns.Named("stopping", false), Map.of("name", "Gone"),
                document.root());

        assertTrue(document.remove(container.root()));
        assertEquals(1, closed(container), "removed");
        assertEquals(1, closed(inside), "removed with the snap-in it was beneath");
        assertEquals(0, closed(other), "still in the console");

        document.followInstalledSnapIns(this::find); // "stopping" is not installed: its bundle stopped
        assertEquals(1, closed(stopping), "replaced by a stand-in");

        document.close();
        assertEquals(1, closed(other), "the console closed");
        assertEquals(1, closed(container), "not closed twice");
    }

    private static int closed(AddedSnapIn snapIn) {
        return ((TestSnapIns.Root) snapIn.root()).closed;
    }
}
