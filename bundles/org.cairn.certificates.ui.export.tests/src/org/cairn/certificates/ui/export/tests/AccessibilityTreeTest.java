package org.cairn.certificates.ui.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Certificate Export Wizard as a screen reader sees it (issue 12): on every page, the window's accessibility
 * tree is read through AT-SPI by an independent reader ({@code atspi/window-tree.py}, python3-pyatspi, in a
 * process of its own): the wizard's controls are there with their names (buttons, check boxes and radio buttons by
 * their texts, the labels with their texts) and every control that shows lies whole inside the window.
 * {@link #textFieldsAreNamedByTheirLabels()}: the fields a person types into are named by their labels.
 */
@ExtendWith(ScreenshotOnFailure.class)
class AccessibilityTreeTest {

    /**
     * Roles a person operates: each needs a name a screen reader can say. A text only when it is editable (the
     * wizard's title area shows the page's description in a read-only text, which a screen reader reads as it is).
     */
    private static final Set<String> OPERATED = Set.of("push button", "check box", "radio button", "toggle button",
            "page tab", "text", "password text", "combo box");

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);
    private final List<String> faults = new ArrayList<>();

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    /**
     * One node of the tree: its role, whether it shows, its extents on screen, whether it is editable, its name and
     * the names of the labels it is labelled by.
     */
    record Node(int depth, String role, boolean showing, int x, int y, int width, int height, boolean editable,
            String ownName, String labelledBy) {

        static Node parse(String line) {
            String[] f = line.split("\t", 10);
            return new Node(Integer.parseInt(f[0]), f[1], f[2].equals("1"), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]), f[7].equals("1"),
                    f.length > 8 ? f[8] : "", f.length > 9 ? f[9] : "");
        }

        /** @return whether a person operates it: a text is operated when it can be typed into */
        boolean operated() {
            return OPERATED.contains(role) && (editable || !role.endsWith("text"));
        }

        /**
         * @return what a screen reader says for the node: its own name, or else its label's text without the colon,
         *         as Orca reads the labelled-by relation
         */
        String name() {
            if (!ownName.isBlank()) {
                return ownName.strip();
            }
            String label = labelledBy.strip();
            return label.endsWith(":") ? label.substring(0, label.length() - 1).strip() : label;
        }

        boolean inside(Node outer) {
            return x >= outer.x && y >= outer.y && x + width <= outer.x + outer.width
                    && y + height <= outer.y + outer.height;
        }
    }

    @Test
    void everyControlOfEveryPageIsNamedAndWholeInTheAccessibilityTree() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.store(Scope.currentUser()));
        SWTBotTreeItem root = console.addCertificatesForMyUserAccount();
        console.selectInPersonal(root, leaf.issuedTo());
        console.shell().bot().menu("Action").menu("All Tasks").menu("Export...").click();

        ExportWizardBot wizard = new ExportWizardBot(bot);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        List<Node> welcome = check("Welcome");
        assertTrue(welcome.stream().anyMatch(n -> n.name().equals("Certificate: " + leaf.issuedTo())),
                "the certificate line is in the tree: " + welcome);
        wizard.clickNext("Export Private Key");
        wizard.page().radio("Yes, export the private key").click();
        List<Node> key = check("Export Private Key");
        assertTrue(has(key, "radio button", "Yes, export the private key"), key.toString());
        wizard.clickNext("Export File Format");
        List<Node> format = check("Export File Format");
        assertTrue(has(format, "check box", "Delete the private key if the export is successful"), format.toString());
        assertTrue(has(format, "check box", "Export all extended properties"), format.toString());
        wizard.clickNext("Security");
        List<Node> security = check("Security");
        assertTrue(security.stream().filter(n -> n.showing() && n.role().equals("password text")).count() == 2,
                security.toString());
        assertTrue(has(security, "label", "Strong protection is not compatible with older applications "
                + "(Windows Server 2016 and earlier, Java 8)."), security.toString());
        wizard.page().textWithLabel("Password:").setText("Correct-Horse-9-Battery");
        wizard.page().textWithLabel("Confirm password:").setText("Correct-Horse-9-Battery");
        wizard.clickNext("File to Export");
        check("File to Export");
        wizard.page().textWithLabel("File name:").setText(Fixture.exportFolder("a11y").resolve("backup").toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        check("Completing");
        wizard.cancel();

        assertTrue(faults.isEmpty(), () -> "What a screen reader finds wrong in the Certificate Export Wizard:\n"
                + String.join("\n", faults));
    }

    /**
     * The text fields and the combo named by their labels, on GTK's own accessible objects of the native fields (SWT
     * names only the controls it draws itself; {@code AccessibleNames} names the native ones too).
     */
    @Test
    void textFieldsAreNamedByTheirLabels() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.store(Scope.currentUser()));
        SWTBotTreeItem root = console.addCertificatesForMyUserAccount();
        console.selectInPersonal(root, leaf.issuedTo());
        console.shell().bot().menu("Action").menu("All Tasks").menu("Export...").click();
        ExportWizardBot wizard = new ExportWizardBot(bot);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        wizard.clickNext("Export Private Key");
        wizard.page().radio("Yes, export the private key").click();
        wizard.clickNext("Export File Format");
        wizard.clickNext("Security");
        List<Node> security = tree(ExportWizardBot.TITLE);
        assertTrue(has(security, "password text", "Password"), security.toString());
        assertTrue(has(security, "password text", "Confirm password"), security.toString());
        assertTrue(has(security, "combo box", "Encryption"), security.toString());
        wizard.page().textWithLabel("Password:").setText("Correct-Horse-9-Battery");
        wizard.page().textWithLabel("Confirm password:").setText("Correct-Horse-9-Battery");
        wizard.clickNext("File to Export");
        List<Node> file = tree(ExportWizardBot.TITLE);
        assertTrue(has(file, "text", "File name"), file.toString());
        wizard.cancel();
    }

    private static boolean has(List<Node> nodes, String role, String name) {
        return nodes.stream().anyMatch(n -> n.showing() && n.role().equals(role) && n.name().equals(name));
    }

    /** Reads the wizard's tree, notes unnamed controls and controls not whole in the window, returns the tree. */
    private List<Node> check(String page) throws Exception {
        List<Node> nodes = tree(ExportWizardBot.TITLE);
        Node window = nodes.get(0);
        assertEquals(0, window.depth());
        assertTrue(window.width() > 0 && window.height() > 0, "the window has extents: " + window);
        for (Node node : nodes.subList(1, nodes.size())) {
            if (!node.showing()) {
                continue;
            }
            if (node.operated() && node.name().isBlank()) {
                faults.add(page + ": a " + node.role() + " without a name at " + node.x() + "," + node.y());
            }
            // A table's cells scroll inside it (the summary's long file name), as in the driver's own check.
            boolean scrolls = node.role().startsWith("table ") || node.role().equals("tree item");
            if (!scrolls && node.width() > 0 && node.height() > 0 && !node.inside(window)) {
                faults.add(page + ": " + node + " is not whole inside the window " + window);
            }
        }
        return nodes;
    }

    /** Runs the AT-SPI reader on this process's window {@code title}; fails with its message if it cannot. */
    private static List<Node> tree(String title) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir"), "atspi", "window-tree.py");
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(),
                Long.toString(ProcessHandle.current().pid()), title).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The AT-SPI reader did not answer within 60 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("The AT-SPI reader failed (exit " + process.exitValue() + "): " + text);
        }
        return text.lines().filter(line -> !line.isBlank()).map(Node::parse).toList();
    }
}
