package org.cairn.certificates.ui.wizard;

import java.util.Objects;

import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * Names controls for screen readers, the one place the certificate wizards and dialogs do it. A text field or combo
 * is named by the label before it ("Password", not "Password:"): the label's text without its mnemonic and colon,
 * plus the labelled-by relation, so that a screen reader reads the field as the label says even when the label
 * changes. A control without text (an image-only button) gets a name that says what it does.
 */
public final class AccessibleNames {

    private AccessibleNames() {
    }

    /**
     * Names {@code control} after {@code label} and relates the two both ways.
     *
     * @return {@code control}
     */
    public static <C extends Control> C labelledBy(Label label, C control) {
        Objects.requireNonNull(label, "label");
        control.getAccessible().addRelation(ACC.RELATION_LABELLED_BY, label.getAccessible());
        label.getAccessible().addRelation(ACC.RELATION_LABEL_FOR, control.getAccessible());
        control.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent event) {
                if (event.childID == ACC.CHILDID_SELF && !label.isDisposed()) {
                    event.result = plain(label.getText());
                }
            }
        });
        return control;
    }

    /**
     * Gives {@code control} the accessible name {@code name} (for controls without text of their own).
     *
     * @return {@code control}
     */
    public static <C extends Control> C named(C control, String name) {
        Objects.requireNonNull(name, "name");
        control.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent event) {
                if (event.childID == ACC.CHILDID_SELF) {
                    event.result = name;
                }
            }
        });
        return control;
    }

    /** @return {@code text} as spoken: without the mnemonic '&' and the colon at the end */
    public static String plain(String text) {
        String spoken = text.replace("&&", "\u0000").replace("&", "").replace('\u0000', '&').strip();
        return spoken.endsWith(":") ? spoken.substring(0, spoken.length() - 1).strip() : spoken;
    }
}
