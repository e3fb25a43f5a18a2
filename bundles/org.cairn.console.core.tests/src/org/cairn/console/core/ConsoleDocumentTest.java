package org.cairn.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.junit.jupiter.api.Test;

class ConsoleDocumentTest {

    private record Leaf(String label) implements ConsoleNode {
        @Override
        public String nodeTypeId() {
            return "test.leaf";
        }

        @Override
        public List<ConsoleNode> children() {
            return List.of();
        }
    }

    @Test
    void newConsoleShowsConsoleRootInTitle() {
        ConsoleDocument document = new ConsoleDocument();
        assertEquals("Cairn - [Console Root]", document.windowTitle(List.of()));
        assertEquals(ConsoleIds.ROOT_NODE_TYPE, document.root().nodeTypeId());
        assertTrue(document.root().children().isEmpty());
    }

    @Test
    void titleShowsPathOfSelectedNodeWithBackslashes() {
        ConsoleDocument document = new ConsoleDocument();
        Leaf leaf = new Leaf("Certificates - Current User");
        document.root().add(leaf);
        assertEquals("Cairn - [Console Root\\Certificates - Current User]",
                document.windowTitle(document.pathTo(leaf)));
    }

    @Test
    void titleUsesFileNameOnceConsoleHasOne() {
        ConsoleDocument document = new ConsoleDocument(new ConsoleRoot(), Optional.of(java.nio.file.Path.of("/tmp/certmgr.cairn")));
        assertEquals("certmgr.cairn - [Console Root]", document.windowTitle(List.of()));
    }

    @Test
    void pathToUnknownNodeIsEmpty() {
        ConsoleDocument document = new ConsoleDocument();
        assertEquals(List.of(), document.pathTo(new Leaf("elsewhere")));
    }

    @Test
    void rootNeedsALabel() {
        assertThrows(IllegalArgumentException.class, () -> new ConsoleRoot(" "));
    }

    @Test
    void removedNodeLeavesTree() {
        ConsoleDocument document = new ConsoleDocument();
        Leaf leaf = new Leaf("Folder");
        document.root().add(leaf);
        assertTrue(document.root().remove(leaf));
        assertEquals(List.of(), document.root().children());
    }
}
