package org.cairn.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.cairn.console.api.RowStyle;
import org.junit.jupiter.api.Test;

/** The defaults SPI 1.1 added: leaves without boilerplate, 1.0 containers unchanged, normal rows. */
class ApiDefaultsTest {

    /** A 1.1 leaf: implements neither children() nor mayHaveChildren(). */
    private static final class Leaf implements ConsoleNode {
        @Override
        public String label() {
            return "Leaf";
        }

        @Override
        public String nodeTypeId() {
            return "test.leaf";
        }
    }

    /** A 1.0 container: implements children() and keeps the default mayHaveChildren(). */
    private static final class Container implements ConsoleNode {
        @Override
        public String label() {
            return "Container";
        }

        @Override
        public String nodeTypeId() {
            return "test.container";
        }

        @Override
        public List<ConsoleNode> children() {
            return List.of(new Leaf());
        }
    }

    @Test
    void aNodeWithoutChildrenIsALeaf() {
        assertEquals(List.of(), new Leaf().children());
        assertFalse(new Leaf().mayHaveChildren());
    }

    @Test
    void aNodeImplementingChildrenStillOffersToExpand() {
        assertTrue(new Container().mayHaveChildren());
        assertEquals(1, new Container().children().size());
    }

    @Test
    void rowsAreNormalUnlessTheySayOtherwise() {
        ResultItem item = new ResultItem() {
            @Override
            public String itemTypeId() {
                return "test.item";
            }

            @Override
            public String text(String columnId) {
                return "";
            }
        };
        assertEquals(RowStyle.NORMAL, item.style());
    }
}
