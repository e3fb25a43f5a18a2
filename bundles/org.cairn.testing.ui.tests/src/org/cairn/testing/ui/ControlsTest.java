package org.cairn.testing.ui;

import static org.cairn.testing.ui.WidgetMatcherFactory.allOf;
import static org.cairn.testing.ui.WidgetMatcherFactory.widgetOfType;
import static org.cairn.testing.ui.WidgetMatcherFactory.withId;
import static org.cairn.testing.ui.WidgetMatcherFactory.withTooltip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlsTest extends UiTest {

    /** What the listeners saw, in order. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private Text user;
    private Text password;
    private Button back;
    private Button refresh;

    @BeforeEach
    void openWizardLikeShell() {
        onUi(() -> {
            Shell shell = new Shell(display);
            shell.setText("Export Wizard");
            shell.setLayout(new GridLayout(2, false));

            new Label(shell, SWT.NONE).setText("User:");
            user = new Text(shell, SWT.BORDER);
            user.addListener(SWT.KeyDown, event -> event.doit = !Character.isDigit(event.character));
            new Label(shell, SWT.NONE).setText("&Password:");
            password = new Text(shell, SWT.BORDER | SWT.PASSWORD);
            password.addListener(SWT.Modify, event -> events.add("modified password"));

            check(shell, "Include &private key", "private key");
            radio(shell, "PFX (&strong)", "strong").setSelection(true);
            radio(shell, "PFX (&legacy)", "legacy");
            new Label(shell, SWT.NONE).setText("Encryption:");
            Combo combo = new Combo(shell, SWT.READ_ONLY);
            combo.setItems("AES-256", "3DES");
            combo.select(0);
            combo.addListener(SWT.Selection, event -> events.add("combo " + combo.getText()));
            new Label(shell, SWT.NONE).setText("Status: idle");

            back = button(shell, "< &Back", "back");
            back.setEnabled(false);
            button(shell, "&Next >", "next");
            button(shell, "Cancel", "cancel");
            refresh = button(shell, "", "refresh");
            refresh.setToolTipText("Refresh");
            refresh.setData(WidgetMatcherFactory.DEFAULT_KEY, "refresh-button");

            CTabFolder stack = new CTabFolder(shell, SWT.BORDER);
            stack.addListener(SWT.Selection, event -> events.add("ctab " + ((CTabItem) event.item).getText()));
            tab(stack, "General", "General page");
            Composite details = tab(stack, "Details", "Details page");
            button(details, "Details button", "details");
            stack.setSelection(0);

            TabFolder folder = new TabFolder(shell, SWT.NONE);
            folder.addListener(SWT.Selection, event -> events.add("tab " + ((TabItem) event.item).getText()));
            for (String title : List.of("One", "Two")) {
                TabItem item = new TabItem(folder, SWT.NONE);
                item.setText(title);
            }

            shell.pack();
            shell.open();
        });
        // Opening selects the first TabFolder tab with an event of its own: not one the tests sent.
        onUi(() -> display.readAndDispatch());
        events.clear();
    }

    private Button button(Composite parent, String text, String id) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> events.add(id));
        return button;
    }

    private Button check(Composite parent, String text, String id) {
        Button check = new Button(parent, SWT.CHECK);
        check.setText(text);
        check.addListener(SWT.Selection, event -> events.add(id + (check.getSelection() ? " on" : " off")));
        return check;
    }

    private Button radio(Composite parent, String text, String id) {
        Button radio = new Button(parent, SWT.RADIO);
        radio.setText(text);
        radio.addListener(SWT.Selection, event -> events.add(id + (radio.getSelection() ? " on" : " off")));
        return radio;
    }

    private static Composite tab(CTabFolder stack, String title, String content) {
        CTabItem item = new CTabItem(stack, SWT.NONE);
        item.setText(title);
        Composite page = new Composite(stack, SWT.NONE);
        page.setLayout(new GridLayout());
        new Label(page, SWT.NONE).setText(content);
        item.setControl(page);
        return page;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Next >", "&Next >", "Cancel"})
    void buttonClickSelectsOnlyTheButtonWithThatLabel(String label) {
        bot.button(label).click();

        assertEquals(List.of(label.equals("Cancel") ? "cancel" : "next"), events);
    }

    @Test
    void clickWaitsUntilTheButtonIsEnabled() {
        onUi(() -> display.timerExec(300, () -> back.setEnabled(true)));

        bot.button("< Back").click();

        assertEquals(List.of("back"), events);
    }

    @Test
    void clickOnAButtonThatStaysDisabledTimesOutAndSaysWhy() {
        try (var timeout = shortTimeout()) {
            TimeoutException e = assertThrows(TimeoutException.class, () -> bot.button("< Back").click());
            assertTrue(e.getMessage().contains("Button '< Back' stayed disabled for 400 ms"), e.getMessage());
        }
        assertEquals(List.of(), events);
    }

    @Test
    void textWithLabelFindsTheTextFollowingThatLabel() {
        bot.textWithLabel("Password:").typeText("s3cret");

        assertEquals("s3cret", onUi(() -> password.getText()));
        assertEquals("", onUi(() -> user.getText()));
        assertEquals(6, events.stream().filter("modified password"::equals).count());
        assertSame(password, bot.text(1).widget);
    }

    @Test
    void typeTextSkipsCharactersAKeyDownListenerVetoes() {
        SWTBotText field = bot.textWithLabel("User:");

        field.typeText("a1b2c3");

        assertEquals("abc", field.getText());
    }

    @Test
    void setTextReplacesTheContent() {
        SWTBotText field = bot.textWithLabel("User:").setText("alice");

        field.setText("bob");

        assertEquals("bob", field.getText());
        assertSame(user, bot.text("bob").widget);
    }

    @Test
    void checkBoxSelectAndDeselectClickOnlyWhenNeeded() {
        SWTBotCheckBox privateKey = bot.checkBox("Include private key");

        privateKey.select();
        privateKey.select();
        assertTrue(privateKey.isChecked());
        privateKey.deselect();

        assertFalse(privateKey.isChecked());
        assertEquals(List.of("private key on", "private key off"), events);
    }

    @Test
    void radioClickDeselectsTheSelectedSibling() {
        bot.radio("PFX (legacy)").click();

        assertTrue(bot.radio("PFX (legacy)").isSelected());
        assertFalse(bot.radio("PFX (strong)").isChecked());
        assertEquals(List.of("strong off", "legacy on"), events);
    }

    @Test
    void comboSelectionSendsSelectionAndRejectsUnknownItems() {
        SWTBotCombo combo = bot.comboBoxWithLabel("Encryption:");

        combo.setSelection("3DES");

        assertEquals("3DES", combo.selection());
        assertEquals(1, combo.selectionIndex());
        assertEquals(List.of("combo 3DES"), events);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> combo.setSelection("RC2"));
        assertTrue(e.getMessage().contains("[AES-256, 3DES]"), e.getMessage());
    }

    @Test
    void labelIsFoundByItsText() {
        assertEquals("Status: idle", bot.label("Status: idle").getText());
    }

    @Test
    void widgetsAreFoundByTooltipAndById() {
        assertSame(refresh, bot.widget(allOf(widgetOfType(Button.class), withTooltip("Refresh"))));
        assertSame(refresh, bot.widget(withId("refresh-button")));
        // Push buttons on the visible pages: Back, Next, Cancel, Refresh; "Details button" sits on a hidden tab.
        assertEquals(4, bot.widgets(allOf(widgetOfType(Button.class), WidgetMatcherFactory.withStyle(SWT.PUSH,
                "SWT.PUSH"))).size());
    }

    @Test
    void activatingATabMakesItsControlsFindable() {
        assertEquals(List.of(), bot.findWidgets(WidgetMatcherFactory.withText("Details button")));

        SWTBotCTabItem details = bot.cTabItem("Details").activate();
        bot.tabItem("Two").activate();

        assertTrue(details.isActive());
        assertFalse(bot.cTabItem("General").isActive());
        assertTrue(bot.tabItem("Two").isActive());
        bot.button("Details button").click();
        assertEquals(List.of("ctab Details", "tab Two", "details"), events);
    }

    @Test
    void missingButtonIsReportedWithTheWidgetsAndShellsThatExist() {
        try (var timeout = shortTimeout()) {
            WidgetNotFoundException e = assertThrows(WidgetNotFoundException.class, () -> bot.button("Finish"));
            String message = e.getMessage();
            assertTrue(message.contains("with text 'Finish'") && message.contains("within 400 ms"), message);
            assertTrue(message.contains("Button 'Next >'") && message.contains("Button 'Cancel'"), message);
            assertTrue(message.contains("Visible shells: ['Export Wizard']"), message);
        }
    }
}
