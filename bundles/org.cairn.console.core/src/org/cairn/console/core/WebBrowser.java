package org.cairn.console.core;

import java.net.URI;

import org.cairn.console.api.ConsoleException;

/**
 * Opens web addresses in the user's web browser (the Link to Web Address snap-in, {@code ActionContext.openInBrowser}).
 * An OSGi service; the console's is {@code xdg-open}, the desktop's own way to open an address.
 */
public interface WebBrowser {

    /**
     * Opens {@code address} in the browser.
     *
     * @throws ConsoleException saying what to do when no browser could be started
     */
    void open(URI address) throws ConsoleException;
}
