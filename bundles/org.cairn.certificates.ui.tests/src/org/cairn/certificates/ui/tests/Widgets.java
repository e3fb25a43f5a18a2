package org.cairn.certificates.ui.tests;

import static org.cairn.testing.ui.WidgetMatcherFactory.widgetOfType;

import java.util.List;

import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.UIThreadRunnable;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Reads what a person sees in a shell: its labels' texts, read-only values, buttons' tooltips. */
final class Widgets {

    private Widgets() {
    }

    /** @return the texts of the visible labels under {@code bot}'s scope */
    static List<String> labels(SWTBot bot) {
        List<Label> labels = bot.findWidgets(widgetOfType(Label.class));
        return UIThreadRunnable.syncExec(bot.display(), () -> labels.stream().map(Label::getText).toList());
    }

    /** @return the texts of the visible text fields under {@code bot}'s scope */
    static List<String> texts(SWTBot bot) {
        List<Text> texts = bot.findWidgets(widgetOfType(Text.class));
        return UIThreadRunnable.syncExec(bot.display(), () -> texts.stream().map(Text::getText).toList());
    }

    static String toolTip(SWTBot bot, String buttonLabel) {
        Button button = bot.button(buttonLabel).widget;
        return UIThreadRunnable.syncExec(bot.display(), button::getToolTipText);
    }
}
