package org.cairn.console.ui.internal;

import org.cairn.console.core.ConsoleDocument;
import org.eclipse.e4.core.contexts.IEclipseContext;

import jakarta.annotation.PostConstruct;

/**
 * Application add-on: puts the console document into the application context, where the parts and handlers
 * of the host receive it through injection.
 */
public final class ConsoleAddon {

    @PostConstruct
    public void start(IEclipseContext context) {
        if (context.get(ConsoleDocument.class) == null) {
            context.set(ConsoleDocument.class, new ConsoleDocument());
        }
    }
}
