package org.cairn.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One run of a command: the framework from the cache (or, when there is no usable cache, one made for this run in a
 * temporary folder), started; the command's service found and called; the bundles stopped. Loaded by {@link Main}
 * in a class loader of its own, with the framework's jar.
 */
public final class Launch implements ToIntFunction<String[]> {

    /** The service property that names a command; its value is the command's id, as the launch script names it. */
    static final String COMMAND_PROPERTY = "cairn.command";

    /** How long to wait for the command's service: as long as the command line waits for its own services. */
    private static final long SERVICE_TIMEOUT_MILLIS = 30_000;

    private final Path list;
    private final Path cache;
    private final String command;
    private final Trace trace;
    private final Frameworks frameworks;

    /**
     * @param list    the bundles to run (a bundles.info with absolute file locations)
     * @param cache   the folder that keeps the framework between runs
     * @param command the command's id
     * @param trace   whether to say what was done on standard error
     * @throws RuntimeException when the framework cannot be loaded from its jar
     */
    public Launch(Path list, Path cache, String command, boolean trace) {
        this.list = list;
        this.cache = cache;
        this.command = command;
        this.trace = new Trace(trace, System.err);
        this.frameworks = new Frameworks();
    }

    /**
     * @return the command's exit status
     * @throws IllegalStateException when the command could not be started (nothing of it ran), with the reason
     */
    @Override
    public int applyAsInt(String[] args) {
        BundleList bundles;
        try {
            bundles = BundleList.read(list);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("its bundle list " + list + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (!bundles.present()) {
            throw new IllegalStateException("a bundle of " + list + " is missing from the installation");
        }
        Optional<Framework> cached = new FrameworkCache(cache.resolve("framework"), frameworks, trace).open(bundles);
        if (cached.isPresent()) {
            return run(cached.get(), args, true);
        }
        // no usable cache: a framework of this run only, made in a temporary folder and removed afterwards
        Path temporary;
        try {
            temporary = Files.createTempDirectory("cairn-framework-");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no folder for the OSGi framework: neither " + cache + " nor a temporary "
                    + "folder in " + System.getProperty("java.io.tmpdir") + " can be written. Set XDG_CACHE_HOME or "
                    + "TMPDIR to a folder this account can write", e);
        }
        trace.say("running without the cache, in " + temporary);
        try {
            Framework framework = frameworks.create(temporary, false);
            try {
                framework.init();
                frameworks.install(framework, bundles);
            } catch (Exception | LinkageError e) {
                frameworks.stop(framework);
                throw new IllegalStateException("the OSGi framework does not start (" + e + ")", e);
            }
            return run(framework, args, false);
        } finally {
            FrameworkCache.delete(temporary);
        }
    }

    /** @param cached whether the framework is the cached one, which is only read: then it is not stopped */
    private int run(Framework framework, String[] args, boolean cached) {
        try {
            ToIntFunction<String[]> service;
            ServiceTracker<ToIntFunction<String[]>, ToIntFunction<String[]>> tracker;
            try {
                framework.start();
                BundleContext context = framework.getBundleContext();

                tracker = new ServiceTracker<>(context, context.createFilter("(&(objectClass="
                        + ToIntFunction.class.getName() + ")(" + COMMAND_PROPERTY + "=" + command + "))"), null);
                tracker.open();
                service = tracker.waitForService(SERVICE_TIMEOUT_MILLIS);
                // the bundles started whole (preferences) come up while the command runs
                frameworks.startTheRest(framework);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            } catch (InvalidSyntaxException | BundleException | RuntimeException | LinkageError e) {
                throw new IllegalStateException("the OSGi framework does not start (" + e + ")", e);
            }
            if (service == null) {
                throw new IllegalStateException("the service of " + command + " did not start within "
                        + SERVICE_TIMEOUT_MILLIS / 1000 + " seconds; the installation may be incomplete");
            }
            try {
                return service.applyAsInt(args);
            } catch (RuntimeException | Error e) {
                // the command started: never again (the caller retries only a command that did not start), but
                // still a message and a failure status, as the command line's own internal errors
                System.err.println("cairn: internal error (" + e + ") in " + command + ". Run the command again with "
                        + "CAIRN_VM_ARGS=-Dcairn.launcher.trace=true, and report it.");
                return Main.INTERNAL;
            } finally {
                tracker.close();
            }
        } finally {
            if (cached) {
                frameworks.finish(framework);
            } else {
                frameworks.stop(framework);
            }
        }
    }
}
