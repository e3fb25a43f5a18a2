package org.cairn.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Makes frameworks through the launch API ({@link FrameworkFactory}, found on the class path) and installs bundle
 * lists into them. A framework gets the JVM's system properties (the launch script passes the installation area,
 * {@code @none} instance and user areas and the user's own {@code CAIRN_VM_ARGS} so) and its storage.
 */
final class Frameworks {

    /**
     * The start level the framework starts to: Declarative Services (1) and the bundles of the command's components
     * (2 to 4, marked for lazy activation: Declarative Services then reads their components), so that the command's
     * service can be called as soon as these are up.
     */
    static final int COMMAND_START_LEVEL = 4;

    /**
     * The level of the bundles started whole ({@code autoStart} in the list, such as {@code equinox.common} and
     * {@code equinox.preferences}, whose activators register services some components need): after the command's
     * bundles, raised to by {@link #startTheRest} while the command runs. A command that never needs their services
     * ({@code --help}) does not wait for their activation; one that does waits for those services as it would anyway.
     */
    private static final int AUTO_START_LEVEL = 5;

    /** The start level the framework goes to at last: above every bundle's. */
    private static final int FINAL_START_LEVEL = 6;

    /**
     * Declarative Services, which runs at start level 1 alone: {@link #finish} stops the other bundles and leaves it
     * running, so that it does not write its cache into a cached framework that other runs read.
     */
    private static final String COMPONENT_RUNTIME = "org.apache.felix.scr";

    private final FrameworkFactory factory;

    Frameworks() {
        this.factory = ServiceLoader.load(FrameworkFactory.class, Frameworks.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
    }

    /**
     * @param storage  the framework's storage (its configuration area)
     * @param readOnly whether the storage is only read: a cached framework, which several runs may use at once
     * @return a framework, not yet initialised
     */
    Framework create(Path storage, boolean readOnly) {
        Map<String, String> config = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> config.put(name, System.getProperty(name)));
        config.put("osgi.framework.useSystemProperties", "false");
        config.put("osgi.configuration.area", storage.toUri().toString());
        config.put("osgi.configuration.area.readOnly", Boolean.toString(readOnly));
        config.put("osgi.configuration.cascaded", "false");
        config.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(COMMAND_START_LEVEL));
        // as the Equinox launcher does: JDK packages a bundle uses without importing them still load
        config.put("osgi.compatibility.bootdelegation", "true");
        // Declarative Services keeps the components' descriptions (read from each bundle's XML) in its data folder,
        // written when the cached framework is made: a run then parses no XML (measured: --help 0.76x wall)
        config.put("ds.cache.metadata", "true");
        return factory.newFramework(config);
    }

    /**
     * Installs the bundles by reference, with their start levels, resolves them and marks them for start as the
     * simpleconfigurator does: the auto-started ones started, the lazily activated ones started on their first class
     * (Declarative Services only looks at started bundles). The framework must be initialised and not started, so
     * that nothing is activated here; the marks are kept in its storage.
     */
    /**
     * @return the locations of the bundles that do not resolve (the list has a few the command never uses, such as an
     *         older Bouncy Castle): uninstalled again, so that the framework does not try to resolve them at every start
     */
    Set<String> install(Framework framework, BundleList list) throws BundleException {
        BundleContext context = framework.getBundleContext();
        Map<Bundle, BundleList.Entry> installed = new HashMap<>();
        for (BundleList.Entry entry : list.entries()) {
            Bundle bundle = context.installBundle(entry.installLocation());
            bundle.adapt(BundleStartLevel.class).setStartLevel(entry.name().equals(COMPONENT_RUNTIME) ? 1
                    : entry.autoStart() ? AUTO_START_LEVEL : Math.min(COMMAND_START_LEVEL, Math.max(2, entry.startLevel())));
            installed.put(bundle, entry);
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(null);
        Set<String> unresolved = new HashSet<>();
        for (Map.Entry<Bundle, BundleList.Entry> each : installed.entrySet()) {
            Bundle bundle = each.getKey();
            if (bundle.getState() == Bundle.INSTALLED) {
                unresolved.add(bundle.getLocation());
                bundle.uninstall();
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null || (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
                continue;
            }
            if (each.getValue().autoStart()) {
                bundle.start();
            } else if (bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY) != null) {
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            }
        }
        return unresolved;
    }

    /**
     * Starts the bundles above the command's start level (those started whole) in the framework's own thread, without
     * waiting: the command runs meanwhile. {@link #finish} and {@link #stop} come after it (the framework changes
     * start levels one after the other).
     */
    void startTheRest(Framework framework) {
        framework.adapt(FrameworkStartLevel.class).setStartLevel(FINAL_START_LEVEL);
    }

    /**
     * Ends a run on a cached framework: stops every bundle but Declarative Services (the framework goes to start
     * level 1, which deactivates the components of the stopped bundles as a stop of the framework does) and waits
     * (10 s at most). The framework itself is not stopped: Declarative Services would write its cache into the
     * storage other runs read, and the storage keeps nothing of a run; the process ends next.
     */
    void finish(Framework framework) {
        CountDownLatch done = new CountDownLatch(1);
        try {
            framework.adapt(FrameworkStartLevel.class).setStartLevel(1, event -> done.countDown());
            done.await(10, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // the process ends anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the framework and waits (10 s at most) until it has. */
    void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | RuntimeException e) {
            // a framework that fails to stop still ends with the process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
