package org.cairn.testing.ui;

import org.eclipse.swt.SWT;

/** The keys tests press most, as SWTBot's {@code Keystrokes}: {@code tree.pressShortcut(Keystrokes.F5)}. */
public final class Keystrokes {

    /** Enter. */
    public static final KeyStroke CR = KeyStroke.of(0, SWT.CR);
    /** Escape. */
    public static final KeyStroke ESC = KeyStroke.of(0, SWT.ESC);
    /** Tab. */
    public static final KeyStroke TAB = KeyStroke.of(0, SWT.TAB);
    /** Delete. */
    public static final KeyStroke DELETE = KeyStroke.of(0, SWT.DEL);
    /** Arrow up. */
    public static final KeyStroke UP = KeyStroke.of(SWT.ARROW_UP);
    /** Arrow down. */
    public static final KeyStroke DOWN = KeyStroke.of(SWT.ARROW_DOWN);
    /** Arrow left. */
    public static final KeyStroke LEFT = KeyStroke.of(SWT.ARROW_LEFT);
    /** Arrow right. */
    public static final KeyStroke RIGHT = KeyStroke.of(SWT.ARROW_RIGHT);
    /** F5. */
    public static final KeyStroke F5 = KeyStroke.of(SWT.F5);
    /** F10. */
    public static final KeyStroke F10 = KeyStroke.of(SWT.F10);
    /** Alt+Enter. */
    public static final KeyStroke ALT_ENTER = KeyStroke.of(SWT.ALT, SWT.CR);
    /** Shift+F10: the context menu, from the keyboard. */
    public static final KeyStroke SHIFT_F10 = KeyStroke.of(SWT.SHIFT, SWT.F10);
    /**
     * The Menu (application) key. SWT has no key code for it; {@code Display.post} on GTK takes the character
     * of a key without an SWT code as its GDK key value, and {@code GDK_KEY_Menu} is 0xff67.
     */
    public static final KeyStroke MENU = new KeyStroke(0, 0, (char) 0xff67);

    private Keystrokes() {
    }
}
