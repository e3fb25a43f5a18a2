package org.cairn.console.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.SnapIn;
import org.cairn.console.api.SnapInRoot;

/** Small real snap-ins for the document and file tests. */
final class TestSnapIns {

    private TestSnapIns() {
    }

    /** A snap-in whose root is labelled by its "name" setting, with children named by "children" (comma list). */
    record Named(String id, boolean container) implements SnapIn {
        @Override
        public String name() {
            return "Named " + id;
        }

        @Override
        public String vendor() {
            return "Tests";
        }

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public String description() {
            return "A root named by its settings.";
        }

        @Override
        public SnapInRoot createRoot(Map<String, String> settings) throws ConsoleException {
            String name = settings.get("name");
            if (name == null) {
                throw new ConsoleException("The setting name is missing.");
            }
            return new Root(name, settings);
        }
    }

    static final class Root implements SnapInRoot {
        private final String label;
        private final Map<String, String> settings;
        /** How often the console closed this root. */
        int closed;

        Root(String label, Map<String, String> settings) {
            this.label = label;
            this.settings = new LinkedHashMap<>(settings);
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String nodeTypeId() {
            return "test.root";
        }

        @Override
        public List<ConsoleNode> children() {
            List<ConsoleNode> children = new ArrayList<>();
            String names = settings.getOrDefault("children", "");
            for (String child : names.split(",")) {
                if (!child.isBlank()) {
                    children.add(new Root(child, Map.of()));
                }
            }
            return children;
        }

        @Override
        public Map<String, String> settings() {
            return Map.copyOf(settings);
        }

        @Override
        public void close() {
            closed++;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Root root && root.label.equals(label);
        }

        @Override
        public int hashCode() {
            return label.hashCode();
        }
    }
}
