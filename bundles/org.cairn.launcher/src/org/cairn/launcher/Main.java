package org.cairn.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * Runs one command of a Cairn bundle (today {@code cairn cert}) on an OSGi framework started through the standard
 * launch API, without the Equinox launcher, simpleconfigurator and the Eclipse application container: a command
 * line then starts in a fraction of the time. The launch script calls it as
 * <pre>java -Dcairn.launcher.framework=org.eclipse.osgi.jar [-Dcairn.launcher.help=BUNDLE] -cp org.cairn.launcher.jar org.cairn.launcher.Main LIST CACHE COMMAND ARGS...</pre>
 * where LIST is a bundles.info of the bundles to run, CACHE a folder of the user's cache that keeps the framework
 * between runs, COMMAND the {@value Launch#COMMAND_PROPERTY} of the command's service and ARGS its arguments. The
 * process exits with the command's status. With {@code cairn.launcher.help}, the help class that BUNDLE's manifest
 * names is asked first, without the framework ({@link PlainHelp}).
 * <p>
 * This class only loads the rest of the launcher with the framework's jar in a class loader of its own. That jar is
 * the installation's, unsigned when the product is built (releng/ProductJars.java): the JVM's class-data sharing
 * archive leaves out the classes of signed jars, and the framework's are a third of the classes a command loads.
 * (An unsigned copy in CACHE, made by the first run, did that before the product's jar was unsigned.)
 */
public final class Main {

    /** Status when the command could not be started at all, as the command line's own internal errors. */
    static final int INTERNAL = 70;

    private Main() {
    }

    /**
     * @param args LIST CACHE COMMAND ARGS...
     */
    public static void main(String[] args) {
        String framework = System.getProperty("cairn.launcher.framework");
        if (args.length < 3 || framework == null) {
            System.err.println("usage: java -Dcairn.launcher.framework=FRAMEWORK_JAR org.cairn.launcher.Main "
                    + "BUNDLES_INFO CACHE_FOLDER COMMAND [ARGUMENTS...]");
            System.exit(2);
        }
        Trace trace = new Trace(Boolean.getBoolean("cairn.launcher.trace"), System.err);
        String[] commandArgs = Arrays.copyOfRange(args, 3, args.length);
        String help = System.getProperty("cairn.launcher.help");
        if (help != null) {
            OptionalInt done = new PlainHelp(trace).run(help, Path.of(args[0]), commandArgs);
            if (done.isPresent()) {
                System.out.flush();
                System.err.flush();
                System.exit(done.getAsInt());
                return;
            }
        }
        trace.say("the framework " + framework);
        int status;
        try {
            status = load(Path.of(framework), args).applyAsInt(commandArgs);
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
            System.err.println("cairn: internal error: " + args[2] + " could not start: " + (cause instanceof
                    IllegalStateException ? cause.getMessage() : cause) + ". Run the command again with "
                    + "CAIRN_CLI_CONFIG=full to use the Equinox launcher, and report it.");
            System.exit(INTERNAL);
            return;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** The launcher's {@link Launch} in a class loader of its own with the framework's jar. */
    @SuppressWarnings("unchecked")
    private static ToIntFunction<String[]> load(Path framework, String[] args)
            throws ReflectiveOperationException, IOException {
        URL self;
        try {
            self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IOException("the launcher's own jar cannot be found", e);
        }
        // the platform class loader as parent: the launcher's classes that use the framework come from this loader,
        // not from the application class path
        URLClassLoader loader = new URLClassLoader("cairn-launcher", new URL[] { self, framework.toUri().toURL() },
                ClassLoader.getPlatformClassLoader());
        Class<?> type = Class.forName(Main.class.getPackageName() + ".Launch", true, loader);
        return (ToIntFunction<String[]>) type.getConstructor(Path.class, Path.class, String.class, boolean.class)
                .newInstance(Path.of(args[0]), Path.of(args[1]), args[2], Boolean.getBoolean("cairn.launcher.trace"));
    }
}
