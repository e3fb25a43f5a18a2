package org.cairn.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

class LinkTest extends UiTest {

    @Test
    void clickSendsTheHyperlinkText() {
        List<String> clicked = new CopyOnWriteArrayList<>();
        onUi(() -> {
            Shell shell = new Shell(display);
            shell.setText("Links");
            shell.setLayout(new FillLayout());
            Link link = new Link(shell, SWT.NONE);
            link.setText("<a>All Tasks</a>");
            link.addListener(SWT.Selection, event -> clicked.add(event.text));
            shell.pack();
            shell.open();
        });
        bot.link("<a>All Tasks</a>").click();
        bot.waitUntil(Conditions.condition("clicked", () -> !clicked.isEmpty()));
        assertEquals(List.of("All Tasks"), clicked);
    }
}
