package org.cairn.console.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.cairn.console.api.ConsoleNode;
import org.cairn.console.core.ConsoleDocument;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.FrameworkUtil;

/**
 * Reads the children of nodes that read them in the background (console API 1.3,
 * {@link ConsoleNode#childrenInBackground()}) on threads of its own, and hands them to the document on the Display
 * thread. The tree and the details pane ask for the same node's children at the same time; one read serves both.
 * A read that was under way when the console was refreshed ({@link #forget()}) is not kept: those asking are told
 * it ended and ask again. One per console window; used on the Display thread.
 */
public final class ChildReader {

    /** One read under way, and what to run when it ends. */
    private static final class Read {
        final int generation;
        final List<Runnable> whenDone = new ArrayList<>();

        Read(int generation) {
            this.generation = generation;
        }
    }

    private final Map<ConsoleNode, Read> underWay = new HashMap<>();
    private final ExecutorService threads;
    private int generation;

    /** Reader threads are daemons (a read stuck on a lock does not keep the application from closing) and end
     *  when idle for a minute. */
    public ChildReader() {
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "cairn-children-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads {@code node}'s children unless a read is under way, then (on the Display thread) gives them to
     * {@code document} and runs {@code whenDone}. A node whose {@code children()} fails has none; the failure is
     * logged.
     */
    public void request(Display display, ConsoleDocument document, ConsoleNode node, Runnable whenDone) {
        Read read = underWay.get(node);
        if (read != null) {
            read.whenDone.add(whenDone);
            return;
        }
        Read started = new Read(generation);
        started.whenDone.add(whenDone);
        underWay.put(node, started);
        threads.execute(() -> {
            List<ConsoleNode> children;
            try {
                children = List.copyOf(node.children());
            } catch (RuntimeException e) {
                Platform.getLog(FrameworkUtil.getBundle(ChildReader.class))
                        .warn("The children of " + node.label() + " could not be read: " + e.getMessage(), e);
                children = List.of();
            }
            List<ConsoleNode> arrived = children;
            try {
                display.asyncExec(() -> done(document, node, started, arrived));
            } catch (SWTException e) {
                // the display is gone: nobody is waiting any more
            }
        });
    }

    private void done(ConsoleDocument document, ConsoleNode node, Read read, List<ConsoleNode> children) {
        if (underWay.get(node) == read) {
            underWay.remove(node);
        }
        if (read.generation == generation) {
            document.childrenArrived(node, children);
        }
        read.whenDone.forEach(Runnable::run);
    }

    /** Drops what reads under way bring back: the console was refreshed, they may be older than it. */
    public void forget() {
        generation++;
        underWay.clear();
    }
}
