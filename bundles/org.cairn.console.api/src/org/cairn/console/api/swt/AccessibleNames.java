package org.cairn.console.api.swt;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * Names controls for screen readers, the one place the console and its snap-ins do it. A text field or combo
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
        nameNativeField(control, plain(label.getText()));
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
        nameNativeField(control, name);
        return control;
    }

    /**
     * Names the toolkit's own accessible object of {@code control}. SWT on GTK asks {@code AccessibleListener}s only
     * for the widgets it draws itself (the ATK implementation of its SwtFixed container, {@code os_custom.c}); a
     * native field (a GtkEntry, a GtkComboBox) keeps GTK's own ATK object, which SWT never names, so a screen reader
     * found the Password fields without a name. The name is set there as GtkBuilder's
     * {@code AtkObject::accessible-name} property sets it, through SWT's own GTK bindings: these are internal classes
     * of SWT's GTK fragment, reached by reflection (through SWT's class loader) so that where they differ only this
     * naming is lost, and the listener above still names SWT's own controls.
     */
    private static void nameNativeField(Control control, String name) {
        if (!"gtk".equals(org.eclipse.swt.SWT.getPlatform()) || name.isEmpty()) {
            return;
        }
        try {
            ClassLoader swt = Control.class.getClassLoader();
            Method accessibleOf = Class.forName("org.eclipse.swt.internal.gtk3.GTK3", true, swt)
                    .getMethod("gtk_widget_get_accessible", long.class);
            Method set = Class.forName("org.eclipse.swt.internal.gtk.OS", true, swt)
                    .getMethod("g_object_set", long.class, byte[].class, byte[].class, long.class);
            long widget = control.getClass().getField("handle").getLong(control);
            long atk = widget == 0 ? 0 : (long) accessibleOf.invoke(null, widget);
            if (atk != 0) {
                set.invoke(null, atk, cString("accessible-name"), cString(name), 0L);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // another SWT than the one this was written against: SWT's own controls are still named by the listener
        }
    }

    private static byte[] cString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    /** @return {@code text} as spoken: without the mnemonic {@code '&'} and the colon at the end */
    public static String plain(String text) {
        String spoken = text.replace("&&", "\u0000").replace("&", "").replace('\u0000', '&').strip();
        return spoken.endsWith(":") ? spoken.substring(0, spoken.length() - 1).strip() : spoken;
    }
}
