package org.cairn.testing.ui;

import org.eclipse.swt.SWT;

/**
 * One key with the modifiers held while it is pressed (SWTBot uses JFace's {@code KeyStroke}; this bundle needs
 * SWT only). Either {@code keyCode} is an SWT key code ({@link SWT#F5}, {@link SWT#ARROW_DOWN}, {@link SWT#CR}),
 * or it is 0 and {@code character} is the character typed.
 *
 * @param modifiers SWT modifier bits ({@link SWT#ALT}, {@link SWT#SHIFT}, {@link SWT#CTRL}), 0 for none
 * @param keyCode   the SWT key code, or 0 for a character key
 * @param character the character for a character key; for keys SWT has no code for, the GDK key value (see
 *                  {@link Keystrokes#MENU})
 */
public record KeyStroke(int modifiers, int keyCode, char character) {

    /** @throws IllegalArgumentException for unknown modifier bits or a stroke with neither code nor character */
    public KeyStroke {
        if ((modifiers & ~SWT.MODIFIER_MASK) != 0) {
            throw new IllegalArgumentException("Not SWT modifier bits: " + Integer.toHexString(modifiers));
        }
        if (keyCode == 0 && character == 0) {
            throw new IllegalArgumentException("A key stroke needs a key code or a character");
        }
    }

    /** @return the key {@code keyCode} (an SWT key code) with no modifier */
    public static KeyStroke of(int keyCode) {
        return of(0, keyCode);
    }

    /** @return the key {@code keyCode} while {@code modifiers} are held, e.g. {@code of(SWT.ALT, SWT.CR)} */
    public static KeyStroke of(int modifiers, int keyCode) {
        return new KeyStroke(modifiers, keyCode, keyCode < 0x10000 ? (char) keyCode : 0);
    }

    /**
     * @return the key typing {@code character}, e.g. {@code of('a')}. SWT's key constants that are characters
     *         ({@link SWT#CR}, {@link SWT#DEL}, {@link SWT#ESC}, {@link SWT#TAB}, {@link SWT#BS}) are their own key
     *         code: {@code Display.post} needs that code, as a bare control character is no key at all.
     */
    public static KeyStroke of(char character) {
        boolean control = character < 0x20 || character == SWT.DEL;
        return new KeyStroke(0, control ? character : 0, character);
    }

    /** @return this key with {@code more} modifiers held too */
    public KeyStroke with(int more) {
        return new KeyStroke(modifiers | more, keyCode, character);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if ((modifiers & SWT.CTRL) != 0) {
            text.append("Ctrl+");
        }
        if ((modifiers & SWT.ALT) != 0) {
            text.append("Alt+");
        }
        if ((modifiers & SWT.SHIFT) != 0) {
            text.append("Shift+");
        }
        if ((modifiers & SWT.COMMAND) != 0) {
            text.append("Command+");
        }
        return text.append(keyCode != 0 ? "key " + keyCode : "'" + character + "'").toString();
    }
}
