package org.cairn.console.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.cairn.console.core.internal.AtomicWrite;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads and writes console files ({@code .cairn}), an XML format described in the bundle's
 * {@code CONSOLE-FILE.md}. Reading is forgiving: a part it cannot use (a snap-in entry without id, a bad number, an
 * element of a newer format) is left out with a problem reported, and the rest is read.
 */
public final class ConsoleFiles {

    /** The extension of console files, with the dot. */
    public static final String EXTENSION = ".cairn";

    private ConsoleFiles() {
    }

    /**
     * What reading a console file gave.
     *
     * @param file     the content that could be read
     * @param problems what was left out and why, in the user's words; empty when the file was read completely
     */
    public record ReadResult(ConsoleFile file, List<String> problems) {
        /** Copies the list. */
        public ReadResult {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads a console file.
     *
     * @throws ConsoleFileException when the file cannot be read at all (missing, unreadable, not XML, not a
     *                              console file); the message names the file and says what to do
     */
    public static ReadResult read(Path path) throws ConsoleFileException {
        Document xml;
        try (InputStream in = Files.newInputStream(path)) {
            xml = parser().parse(in);
        } catch (NoSuchFileException e) {
            throw new ConsoleFileException("The console file " + path + " does not exist. Check the name, or "
                    + "create a new console with File > New.", e);
        } catch (IOException e) {
            throw new ConsoleFileException("The console file " + path + " cannot be read: " + e.getMessage()
                    + ". Check that you may read it.", e);
        } catch (SAXException e) {
            throw new ConsoleFileException("The console file " + path + " is damaged and cannot be opened ("
                    + e.getMessage() + "). Open another console file, or create a new console with File > New.", e);
        }
        Element top = xml.getDocumentElement();
        if (!"console".equals(top.getTagName())) {
            throw new ConsoleFileException("The file " + path + " is not a Cairn console file (it holds <"
                    + top.getTagName() + "> instead of <console>). Open a .cairn file saved by Cairn.");
        }
        List<String> problems = new ArrayList<>();
        int format = integer(top, "format", -1, problems);
        if (format < 1) {
            throw new ConsoleFileException("The console file " + path + " does not say which format it has. "
                    + "Open a .cairn file saved by Cairn.");
        }
        if (format > ConsoleFile.FORMAT) {
            problems.add("The console file " + path.getFileName() + " was saved by a newer version of Cairn (format "
                    + format + "; this version reads format " + ConsoleFile.FORMAT + "). What this version "
                    + "knows was loaded; saving it writes format " + ConsoleFile.FORMAT + " and drops the rest.");
        }
        List<SnapInEntry> snapIns = child(top, "snap-ins").map(e -> entries(e, problems)).orElse(List.of());
        ViewState view = viewState(top, problems);
        WindowLayout window = child(top, "window").map(e -> window(e, problems)).orElse(WindowLayout.DEFAULT);
        return new ReadResult(new ConsoleFile(snapIns, view, window), problems);
    }

    /**
     * Writes a console file in the current format, replacing {@code path} only once all of it is written.
     *
     * @throws ConsoleFileException when it cannot be written; the message says why and what to do
     */
    public static void write(Path path, ConsoleFile file) throws ConsoleFileException {
        try {
            AtomicWrite.write(path, out -> {
                try {
                    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                    xml.writeStartDocument("UTF-8", "1.0");
                    xml.writeCharacters("\n");
                    xml.writeStartElement("console");
                    xml.writeAttribute("format", Integer.toString(ConsoleFile.FORMAT));
                    writeSnapIns(xml, file.snapIns());
                    writeView(xml, file.view());
                    writeWindow(xml, file.window());
                    newline(xml, 0);
                    xml.writeEndElement();
                    xml.writeCharacters("\n");
                    xml.writeEndDocument();
                    xml.close();
                } catch (XMLStreamException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new ConsoleFileException("The console could not be saved to " + path + ": " + e.getMessage()
                    + ". Choose a folder you can write to (File > Save As...).", e);
        }
    }

    // ---- reading

    private static DocumentBuilder parser() throws ConsoleFileException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A console file may come from anyone: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new ConsoleFileException("This Java runtime cannot read XML safely: " + e.getMessage(), e);
        }
    }

    private static List<SnapInEntry> entries(Element parent, List<String> problems) {
        List<SnapInEntry> entries = new ArrayList<>();
        for (Element element : children(parent, "snap-in")) {
            String id = element.getAttribute("id");
            if (id.isBlank()) {
                problems.add("A snap-in in the console file has no id and was left out.");
                continue;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (Element setting : children(element, "setting")) {
                if (setting.hasAttribute("key")) {
                    settings.put(setting.getAttribute("key"), setting.getAttribute("value"));
                } else {
                    problems.add("A setting of the snap-in " + id + " has no key and was left out.");
                }
            }
            entries.add(new SnapInEntry(id, element.getAttribute("name"), settings, entries(element, problems)));
        }
        return entries;
    }

    private static ViewState viewState(Element top, List<String> problems) {
        List<List<String>> expanded = new ArrayList<>();
        Optional<List<String>> selected = Optional.empty();
        Optional<Element> tree = child(top, "tree");
        if (tree.isPresent()) {
            for (Element path : children(tree.get(), "expanded")) {
                expanded.add(keys(path));
            }
            selected = child(tree.get(), "selected").map(ConsoleFiles::keys);
        }
        Map<String, List<ColumnState>> columns = new LinkedHashMap<>();
        for (Element layout : children(top, "columns")) {
            String nodeType = layout.getAttribute("node-type");
            List<ColumnState> states = new ArrayList<>();
            for (Element column : children(layout, "column")) {
                String id = column.getAttribute("id");
                if (id.isBlank()) {
                    problems.add("A column of the layout for " + nodeType + " has no id and was left out.");
                    continue;
                }
                states.add(new ColumnState(id, Math.max(0, integer(column, "width", 100, problems)),
                        !"false".equals(column.getAttribute("shown"))));
            }
            if (!nodeType.isBlank()) {
                columns.put(nodeType, states);
            }
        }
        return new ViewState(expanded, selected, columns);
    }

    private static List<String> keys(Element path) {
        return children(path, "key").stream().map(Element::getTextContent).toList();
    }

    private static WindowLayout window(Element window, List<String> problems) {
        WindowLayout d = WindowLayout.DEFAULT;
        Optional<WindowLayout.Bounds> bounds = Optional.empty();
        if (window.hasAttribute("width") && window.hasAttribute("height")) {
            bounds = Optional.of(new WindowLayout.Bounds(integer(window, "x", 0, problems),
                    integer(window, "y", 0, problems), integer(window, "width", 1100, problems),
                    integer(window, "height", 720, problems)));
        }
        return new WindowLayout(bounds, flag(window, "maximized", d.maximized()),
                flag(window, "console-tree", d.consoleTree()), flag(window, "action-pane", d.actionPane()),
                flag(window, "status-bar", d.statusBar()), integer(window, "tree-weight", d.treeWeight(), problems),
                integer(window, "details-weight", d.detailsWeight(), problems),
                integer(window, "actions-weight", d.actionsWeight(), problems));
    }

    private static boolean flag(Element element, String name, boolean absent) {
        return element.hasAttribute(name) ? "true".equals(element.getAttribute(name)) : absent;
    }

    private static int integer(Element element, String name, int absent, List<String> problems) {
        if (!element.hasAttribute(name)) {
            return absent;
        }
        try {
            return Integer.parseInt(element.getAttribute(name).trim());
        } catch (NumberFormatException e) {
            problems.add("The value \"" + element.getAttribute(name) + "\" of " + name + " on <"
                    + element.getTagName() + "> is not a number; the default was used.");
            return absent;
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    // ---- writing

    private static void writeSnapIns(XMLStreamWriter xml, List<SnapInEntry> snapIns) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("snap-ins");
        for (SnapInEntry entry : snapIns) {
            writeEntry(xml, entry, 2);
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void writeEntry(XMLStreamWriter xml, SnapInEntry entry, int depth) throws XMLStreamException {
        newline(xml, depth);
        xml.writeStartElement("snap-in");
        xml.writeAttribute("id", entry.snapInId());
        xml.writeAttribute("name", entry.name());
        for (Map.Entry<String, String> setting : new TreeMap<>(entry.settings()).entrySet()) {
            newline(xml, depth + 1);
            xml.writeEmptyElement("setting");
            xml.writeAttribute("key", setting.getKey());
            xml.writeAttribute("value", setting.getValue());
        }
        for (SnapInEntry child : entry.children()) {
            writeEntry(xml, child, depth + 1);
        }
        newline(xml, depth);
        xml.writeEndElement();
    }

    private static void writeView(XMLStreamWriter xml, ViewState view) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("tree");
        for (List<String> path : view.expanded()) {
            writePath(xml, "expanded", path);
        }
        if (view.selected().isPresent()) {
            writePath(xml, "selected", view.selected().get());
        }
        newline(xml, 1);
        xml.writeEndElement();
        for (Map.Entry<String, List<ColumnState>> layout : view.columns().entrySet()) {
            newline(xml, 1);
            xml.writeStartElement("columns");
            xml.writeAttribute("node-type", layout.getKey());
            for (ColumnState column : layout.getValue()) {
                newline(xml, 2);
                xml.writeEmptyElement("column");
                xml.writeAttribute("id", column.id());
                xml.writeAttribute("width", Integer.toString(column.width()));
                xml.writeAttribute("shown", Boolean.toString(column.shown()));
            }
            newline(xml, 1);
            xml.writeEndElement();
        }
    }

    private static void writePath(XMLStreamWriter xml, String name, List<String> keys) throws XMLStreamException {
        newline(xml, 2);
        xml.writeStartElement(name);
        for (String key : keys) {
            xml.writeStartElement("key");
            xml.writeCharacters(key);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void writeWindow(XMLStreamWriter xml, WindowLayout window) throws XMLStreamException {
        newline(xml, 1);
        xml.writeEmptyElement("window");
        if (window.bounds().isPresent()) {
            WindowLayout.Bounds b = window.bounds().get();
            xml.writeAttribute("x", Integer.toString(b.x()));
            xml.writeAttribute("y", Integer.toString(b.y()));
            xml.writeAttribute("width", Integer.toString(b.width()));
            xml.writeAttribute("height", Integer.toString(b.height()));
        }
        xml.writeAttribute("maximized", Boolean.toString(window.maximized()));
        xml.writeAttribute("console-tree", Boolean.toString(window.consoleTree()));
        xml.writeAttribute("action-pane", Boolean.toString(window.actionPane()));
        xml.writeAttribute("status-bar", Boolean.toString(window.statusBar()));
        xml.writeAttribute("tree-weight", Integer.toString(window.treeWeight()));
        xml.writeAttribute("details-weight", Integer.toString(window.detailsWeight()));
        xml.writeAttribute("actions-weight", Integer.toString(window.actionsWeight()));
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
