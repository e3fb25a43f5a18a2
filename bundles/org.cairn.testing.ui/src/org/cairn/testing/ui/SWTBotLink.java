package org.cairn.testing.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;

/** A link (SWTBot's {@code SWTBotLink}): text with {@code <a>} hyperlinks. */
public final class SWTBotLink extends AbstractSWTBot<Link> {

    /** Wraps {@code link}. */
    public SWTBotLink(Link link) {
        super(link);
    }

    /**
     * Waits until enabled, then sends SWT.Selection for the first hyperlink, as a click on it does (the event's
     * text is the hyperlink's text, as SWT gives it when the anchor has no href); returns even if it opens a dialog.
     */
    public SWTBotLink click() {
        waitForEnabled();
        String text = syncExec(() -> {
            String all = widget.getText();
            int start = all.indexOf('>', all.indexOf("<a")) + 1;
            int end = all.indexOf("</a>", start);
            return start > 0 && end >= start ? all.substring(start, end) : all;
        });
        Event event = new Event();
        event.text = text;
        notify(SWT.Selection, event, widget);
        return this;
    }
}
