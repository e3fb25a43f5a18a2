package org.cairn.certificates.ui.export.internal;

/**
 * A rough indication of how hard a password is to guess, from its length and the kinds of characters in it; shown
 * under the password fields so that the user can judge before the file leaves the machine.
 */
public enum PasswordStrength {
    /** Nothing typed. */
    NONE,
    /** Short, or of one kind of character only. */
    WEAK,
    /** At least 8 characters of at least two kinds. */
    MEDIUM,
    /** At least 12 characters of at least three kinds, or at least 20 characters. */
    STRONG;

    /**
     * @param password the password; only read, not kept
     * @return its strength
     */
    public static PasswordStrength of(char[] password) {
        if (password == null || password.length == 0) {
            return NONE;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (char c : password) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (password.length >= 20 || password.length >= 12 && kinds >= 3) {
            return STRONG;
        }
        if (password.length >= 8 && kinds >= 2) {
            return MEDIUM;
        }
        return WEAK;
    }
}
