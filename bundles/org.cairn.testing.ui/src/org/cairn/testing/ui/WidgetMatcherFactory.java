package org.cairn.testing.ui;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Widget;

/**
 * Matchers for {@link SWTBot#widgets(Matcher)}, named as SWTBot's {@code WidgetMatcherFactory}:
 * {@code bot.widget(allOf(widgetOfType(Button.class), withTooltip("Refresh")))}.
 */
public final class WidgetMatcherFactory {

    /** The data key SWTBot's {@code withId(String)} uses, so ids set for tests survive the move. */
    public static final String DEFAULT_KEY = "org.eclipse.swtbot.widget.key";

    private WidgetMatcherFactory() {
    }

    /** Matches instances of {@code type} (and its subclasses). */
    public static <T extends Widget> Matcher<T> widgetOfType(Class<T> type) {
        return matcher("of type " + type.getSimpleName(), type::isInstance);
    }

    /** Matches widgets whose text equals {@code text}, ignoring '&' mnemonics and accelerators. */
    public static <T extends Widget> Matcher<T> withText(String text) {
        return matcher("with text '" + text + "'", w -> Widgets.textMatches(Widgets.textOf(w), text));
    }

    /** Matches widgets whose tooltip equals {@code toolTip}. */
    public static <T extends Widget> Matcher<T> withTooltip(String toolTip) {
        return matcher("with tooltip '" + toolTip + "'", w -> Objects.equals(Widgets.toolTipOf(w), toolTip));
    }

    /** Matches widgets having all bits of {@code style}; {@code name} describes it, e.g. "SWT.PUSH". */
    public static <T extends Widget> Matcher<T> withStyle(int style, String name) {
        return matcher("with style " + name, w -> (w.getStyle() & style) == style);
    }

    /** Matches controls whose nearest preceding sibling Label has the text {@code label}. */
    public static <T extends Widget> Matcher<T> withLabel(String label) {
        return matcher("with label '" + label + "'", w -> w instanceof Control control
                && Widgets.precedingLabel(control).map(l -> Widgets.textMatches(Widgets.textOf(l), label))
                        .orElse(false));
    }

    /** Matches widgets with {@code widget.getData(key)} equal to {@code value}. */
    public static <T extends Widget> Matcher<T> withId(String key, Object value) {
        return matcher("with data " + key + "=" + value, w -> Objects.equals(w.getData(key), value));
    }

    /** Matches widgets with {@code widget.getData(DEFAULT_KEY)} equal to {@code value}. */
    public static <T extends Widget> Matcher<T> withId(String value) {
        return withId(DEFAULT_KEY, value);
    }

    /** Matches widgets that all of {@code matchers} match. */
    public static <T extends Widget> Matcher<T> allOf(Matcher<?>... matchers) {
        String description = Arrays.stream(matchers).map(Object::toString).collect(Collectors.joining(" and "));
        return matcher(description, w -> Arrays.stream(matchers).allMatch(m -> m.matches(w)));
    }

    static <T extends Widget> Matcher<T> matcher(String description, Predicate<Widget> test) {
        return new Matcher<>() {
            @Override
            public boolean matches(Widget widget) {
                return !widget.isDisposed() && test.test(widget);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
