package org.cairn.testing.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Decorations;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;

/** Widget texts, traversal and descriptions; every method here runs on the UI thread. */
final class Widgets {

    /** Enough entries to recognise the screen in a failure message, few enough to read it. */
    private static final int MAX_LISTED = 40;

    private Widgets() {
    }

    /** Drops mnemonic '&' (keeping a literal "&&" as '&') and the accelerator after a tab. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        int tab = text.indexOf('\t');
        String label = tab >= 0 ? text.substring(0, tab) : text;
        StringBuilder plain = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '&') {
                if (i + 1 < label.length() && label.charAt(i + 1) == '&') {
                    plain.append('&');
                    i++;
                }
                continue;
            }
            plain.append(c);
        }
        return plain.toString().strip();
    }

    /** A widget text matches when equal as is, or equal once mnemonics and accelerators are removed. */
    static boolean textMatches(String actual, String expected) {
        return actual != null && (actual.equals(expected) || normalize(actual).equals(normalize(expected)));
    }

    static String textOf(Widget widget) {
        String text = switch (widget) {
            case Item item -> item.getText();
            case Button button -> button.getText();
            case Label label -> label.getText();
            case CLabel label -> label.getText();
            case Text text1 -> text1.getText();
            case StyledText text1 -> text1.getText();
            case Combo combo -> combo.getText();
            case CCombo combo -> combo.getText();
            case Group group -> group.getText();
            case Link link -> link.getText();
            case Decorations shell -> shell.getText();
            default -> "";
        };
        return text == null ? "" : text;
    }

    static String toolTipOf(Widget widget) {
        return switch (widget) {
            case Control control -> control.getToolTipText();
            case ToolItem item -> item.getToolTipText();
            case TabItem item -> item.getToolTipText();
            case CTabItem item -> item.getToolTipText();
            default -> null;
        };
    }

    /** Visible descendants of {@code root} (not root itself) in depth-first order, with tab items. */
    static List<Widget> descendants(Widget root) {
        List<Widget> found = new ArrayList<>();
        addChildren(root, found);
        return found;
    }

    private static void addChildren(Widget parent, List<Widget> found) {
        if (parent instanceof CTabFolder folder) {
            found.addAll(Arrays.asList(folder.getItems()));
        } else if (parent instanceof TabFolder folder) {
            found.addAll(Arrays.asList(folder.getItems()));
        }
        if (parent instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                if (child.isVisible()) {
                    found.add(child);
                    addChildren(child, found);
                }
            }
        }
    }

    /** The nearest Label (or CLabel) before {@code control} among its siblings. */
    static Optional<Control> precedingLabel(Control control) {
        Composite parent = control.getParent();
        if (parent == null) {
            return Optional.empty();
        }
        Control[] siblings = parent.getChildren();
        for (int i = Arrays.asList(siblings).indexOf(control) - 1; i >= 0; i--) {
            if ((siblings[i] instanceof Label label && (label.getStyle() & SWT.SEPARATOR) == 0)
                    || siblings[i] instanceof CLabel) {
                return Optional.of(siblings[i]);
            }
        }
        return Optional.empty();
    }

    static String describe(Widget widget) {
        if (widget.isDisposed()) {
            return widget.getClass().getSimpleName() + " (disposed)";
        }
        String kind = widget.getClass().getSimpleName();
        if (widget instanceof Button button) {
            kind += switch (button.getStyle() & (SWT.PUSH | SWT.CHECK | SWT.RADIO | SWT.TOGGLE | SWT.ARROW)) {
                case SWT.CHECK -> "[check]";
                case SWT.RADIO -> "[radio]";
                case SWT.TOGGLE -> "[toggle]";
                case SWT.ARROW -> "[arrow]";
                default -> "";
            };
        }
        String text = normalize(textOf(widget));
        return text.isEmpty() ? kind : kind + " '" + text + "'";
    }

    /** Describes the widgets a test could look for; plain layout composites would only be noise. */
    static String describeAll(List<? extends Widget> widgets) {
        List<String> listed = widgets.stream().filter(w -> w.getClass() != Composite.class)
                .map(Widgets::describe).toList();
        return "[" + String.join(", ", listed.subList(0, Math.min(MAX_LISTED, listed.size())))
                + (listed.size() > MAX_LISTED ? ", ... " + (listed.size() - MAX_LISTED) + " more" : "") + "]";
    }

    static List<Shell> visibleShells(Display display) {
        return Arrays.stream(display.getShells()).filter(s -> !s.isDisposed() && s.isVisible()).toList();
    }

    static String visibleShellTitles(Display display) {
        return visibleShells(display).stream().map(s -> "'" + s.getText() + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
