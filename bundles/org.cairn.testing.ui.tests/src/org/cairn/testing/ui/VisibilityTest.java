package org.cairn.testing.ui;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/** {@link SWTBotShell#assertNothingClipped()} on shells built to clip and built not to. */
class VisibilityTest extends UiTest {

    private static final String LONG = "Delete the private key if the export is successful";

    @Test
    void aShellPackedToItsContentShowsEverything() {
        SWTBotShell shell = open(this::wizardPage, true);

        assertDoesNotThrow(shell::assertNothingClipped);
    }

    @Test
    void aShellTooSmallForItsContentCutsOffTheControlsAtTheBottom() {
        SWTBotShell shell = open(this::wizardPage, false);
        onUi(() -> shell.widget.setSize(220, 90));

        AssertionError failure = assertThrows(AssertionError.class, shell::assertNothingClipped);

        assertTrue(failure.getMessage().contains("Button '" + LONG + "'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("does not lie whole inside the client area"), failure.getMessage());
    }

    @Test
    void aControlPlacedOutsideItsParentIsReported() {
        SWTBotShell shell = open(parent -> {
            parent.setLayout(null);
            Composite box = new Composite(parent, SWT.NONE);
            box.setBounds(10, 10, 200, 100);
            Button pushed = new Button(box, SWT.PUSH);
            pushed.setText("Pushed");
            pushed.setBounds(150, 20, 120, 30);
        }, false);
        onUi(() -> shell.widget.setSize(400, 300));

        AssertionError failure = assertThrows(AssertionError.class, shell::assertNothingClipped);

        assertTrue(failure.getMessage().contains("Button 'Pushed'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("of Composite"), failure.getMessage());
    }

    @Test
    void aVisibleControlOfZeroSizeIsReported() {
        SWTBotShell shell = open(parent -> {
            parent.setLayout(new GridLayout());
            new Label(parent, SWT.NONE).setText("Shown");
            Button squashed = new Button(parent, SWT.CHECK);
            squashed.setText("Squashed");
            GridData zero = new GridData(0, 0);
            squashed.setLayoutData(zero);
        }, true);

        AssertionError failure = assertThrows(AssertionError.class, shell::assertNothingClipped);

        assertTrue(failure.getMessage().contains("Button 'Squashed' is visible but has no area"),
                failure.getMessage());
    }

    @Test
    void anEmptySpacerLabelAndAHiddenControlAreNotReported() {
        SWTBotShell shell = open(parent -> {
            parent.setLayout(new GridLayout(2, false));
            new Label(parent, SWT.NONE);
            new Label(parent, SWT.NONE).setText("Beside a spacer");
            Button hidden = new Button(parent, SWT.PUSH);
            hidden.setText("Hidden");
            hidden.setVisible(false);
            hidden.setBounds(-500, -500, 10, 10);
            GridData excluded = new GridData();
            excluded.exclude = true;
            hidden.setLayoutData(excluded);
        }, true);

        assertDoesNotThrow(shell::assertNothingClipped);
    }

    @Test
    void aLabelNarrowerThanItsTextIsReportedEvenInsideItsParent() {
        SWTBotShell shell = open(parent -> {
            parent.setLayout(new GridLayout());
            Label cut = new Label(parent, SWT.NONE);
            cut.setText("Certificate: a rather long subject name");
            cut.setLayoutData(new GridData(60, SWT.DEFAULT));
        }, true);

        AssertionError failure = assertThrows(AssertionError.class, shell::assertNothingClipped);

        assertTrue(failure.getMessage().contains("Label 'Certificate: a rather long subject name' is 60 x"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("but its text needs"), failure.getMessage());
    }

    @Test
    void aWrappingLabelLowerThanItsTextAtItsWidthIsReported() {
        SWTBotShell shell = open(parent -> {
            parent.setLayout(new GridLayout());
            Label note = new Label(parent, SWT.WRAP);
            note.setText("Strong protection is not compatible with older applications (Windows Server 2016 and "
                    + "earlier, Java 8).");
            GridData oneLine = new GridData(150, SWT.DEFAULT);
            oneLine.heightHint = 8;
            note.setLayoutData(oneLine);
        }, true);

        AssertionError failure = assertThrows(AssertionError.class, shell::assertNothingClipped);

        assertTrue(failure.getMessage().contains("Label 'Strong protection"), failure.getMessage());
    }

    /** A text field's text scrolls inside it; GTK 3 does not let a text field be lower than its text. */
    @Test
    void aTextFieldNarrowerThanItsTextIsNotReported() {
        SWTBotShell wide = open(parent -> {
            parent.setLayout(new GridLayout());
            Text text = new Text(parent, SWT.BORDER);
            text.setText("/home/someone/a/very/long/path/to/the/backup/file/of/the/certificate.pfx");
            text.setLayoutData(new GridData(80, SWT.DEFAULT));
        }, true);

        assertDoesNotThrow(wide::assertNothingClipped);
    }

    @Test
    void scrolledContentLargerThanTheViewportPassesOnlyWhenAScrollBarReachesIt() {
        SWTBotShell scrolling = open(parent -> scrolled(parent, SWT.V_SCROLL | SWT.H_SCROLL), false);
        onUi(() -> scrolling.widget.setSize(200, 120));
        assertDoesNotThrow(scrolling::assertNothingClipped);
        onUi(() -> scrolling.widget.dispose());

        SWTBotShell stuck = open(parent -> scrolled(parent, SWT.NONE), false);
        onUi(() -> stuck.widget.setSize(200, 120));
        AssertionError failure = assertThrows(AssertionError.class, stuck::assertNothingClipped);
        assertTrue(failure.getMessage().contains("which cannot scroll down to it"), failure.getMessage());
    }

    @Test
    void theSelectedTabsPageIsCheckedAgainstTheTabFolder() {
        SWTBotShell shell = open(parent -> {
            parent.setLayout(new FillLayout());
            TabFolder folder = new TabFolder(parent, SWT.NONE);
            for (String name : new String[] {"General", "Comment"}) {
                TabItem item = new TabItem(folder, SWT.NONE);
                item.setText(name);
                Composite page = new Composite(folder, SWT.NONE);
                page.setLayout(new GridLayout(2, false));
                new Label(page, SWT.NONE).setText(name + ":");
                new Text(page, SWT.BORDER).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                item.setControl(page);
            }
        }, true);
        assertDoesNotThrow(shell::assertNothingClipped);

        onUi(() -> shell.widget.setSize(shell.widget.getSize().x, 60));
        AssertionError failure = assertThrows(AssertionError.class, shell::assertNothingClipped);
        assertTrue(failure.getMessage().contains("Label 'General:' at"), failure.getMessage());
    }

    @Test
    void aShellLargerThanTheScreenIsReported() {
        SWTBotShell shell = open(this::wizardPage, false);
        onUi(() -> {
            org.eclipse.swt.graphics.Rectangle screen = display.getBounds();
            shell.widget.setBounds(screen.x + screen.width - 100, screen.y, 400, 300);
        });

        AssertionError failure = assertThrows(AssertionError.class, shell::assertNothingClipped);

        assertTrue(failure.getMessage().contains("lies outside the screen"), failure.getMessage());
    }

    private void wizardPage(Composite parent) {
        parent.setLayout(new GridLayout());
        new Label(parent, SWT.NONE).setText("Select the format you want to use:");
        for (String option : new String[] {"DER encoded binary X.509 (.CER)", "Base-64 encoded X.509 (.CER)",
                "Personal Information Exchange - PKCS #12 (.PFX)", LONG, "Export all extended properties"}) {
            Button button = new Button(parent, SWT.CHECK);
            button.setText(option);
        }
    }

    private static void scrolled(Composite parent, int style) {
        parent.setLayout(new FillLayout());
        ScrolledComposite scrolled = new ScrolledComposite(parent, style);
        Composite content = new Composite(scrolled, SWT.NONE);
        content.setLayout(new GridLayout());
        for (int i = 0; i < 12; i++) {
            Button check = new Button(content, SWT.CHECK);
            check.setText("Option number " + i + " with a longer text");
        }
        scrolled.setContent(content);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        scrolled.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    /** Opens a shell with {@code content}; packed to its preferred size or left as SWT sizes it. */
    private SWTBotShell open(Consumer<Shell> content, boolean pack) {
        Shell shell = onUi(() -> {
            Shell created = new Shell(display);
            created.setText("Visibility test");
            content.accept(created);
            if (pack) {
                created.pack();
            }
            created.setLocation(20, 20);
            created.open();
            return created;
        });
        return new SWTBotShell(shell);
    }
}
