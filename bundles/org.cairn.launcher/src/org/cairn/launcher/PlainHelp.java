package org.cairn.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A command's help without the OSGi framework: help needs none of the services, and starting the framework and its
 * bundles was most of the time {@code cairn cert --help} took. The launch script names the command's bundle
 * ({@code -Dcairn.launcher.help=BUNDLE}); its manifest names a help class ({@value #CLASS_HEADER}) and the bundles
 * that class needs besides its own and the JDK ({@value #BUNDLES_HEADER}, comma-separated symbolic names). Those jars
 * are loaded as one class path ({@link JarLoader}, the command's bundle first; only these: every jar opened costs a few
 * milliseconds) and the help class is asked first: it prints the help and returns the status, or returns a negative
 * number having printed nothing when the arguments are no help request (or it could not make the help), and the
 * command then runs on the framework as usual. Any failure to load it does the same (said with the trace on).
 */
final class PlainHelp {

    /** The manifest header that names the help class: a public {@code ToIntFunction<String[]>} with a public
     * constructor without parameters. */
    static final String CLASS_HEADER = "Cairn-Help-Class";

    /** The manifest header that names the other bundles the help class needs. */
    static final String BUNDLES_HEADER = "Cairn-Help-Bundles";

    private final Trace trace;

    PlainHelp(Trace trace) {
        this.trace = trace;
    }

    /**
     * @param bundle the command's bundle, whose manifest names its help class
     * @param list   the command's bundle list
     * @param args   the command's arguments
     * @return the help's exit status, or empty when the command is to run on the framework
     */
    OptionalInt run(String bundle, Path list, String[] args) {
        List<Path> jars = new ArrayList<>();
        String type;
        try {
            Map<String, Path> locations = new HashMap<>();
            for (BundleList.Entry entry : BundleList.read(list).entries()) {
                locations.put(entry.name(), entry.location());
            }
            Path own = jar(locations, bundle);
            Attributes manifest;
            try (JarFile jar = new JarFile(own.toFile(), false)) {
                manifest = Optional.ofNullable(jar.getManifest()).map(Manifest::getMainAttributes)
                        .orElseGet(Attributes::new);
            }
            type = manifest.getValue(CLASS_HEADER);
            if (type == null) {
                trace.say("no help without the framework: " + bundle + " names no " + CLASS_HEADER);
                return OptionalInt.empty();
            }
            jars.add(own);
            for (String other : Optional.ofNullable(manifest.getValue(BUNDLES_HEADER)).orElse("").split(",")) {
                if (!other.isBlank()) {
                    jars.add(jar(locations, other.trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            trace.say("no help without the framework", e);
            return OptionalInt.empty();
        }
        try (JarLoader loader = new JarLoader(jars)) {
            @SuppressWarnings("unchecked")
            ToIntFunction<String[]> help = (ToIntFunction<String[]>) Class.forName(type, true, loader)
                    .getConstructor().newInstance();
            int status = help.applyAsInt(args);
            if (status < 0) {
                // the class's own negative numbers: no help request, or a help it could not make
                trace.say((status == -1 ? "no help request" : "the help class answered " + status)
                        + ": the command runs on the framework");
                return OptionalInt.empty();
            }
            trace.say("help without the framework");
            return OptionalInt.of(status);
        } catch (InvocationTargetException e) {
            trace.say("no help without the framework", e.getCause());
            return OptionalInt.empty();
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            trace.say("no help without the framework", e);
            return OptionalInt.empty();
        }
    }

    /** @return the jar of a bundle of the list */
    private static Path jar(Map<String, Path> locations, String bundle) throws IOException {
        Path location = locations.get(bundle);
        if (location == null) {
            throw new IOException(bundle + " is not in the command's bundle list");
        }
        if (!Files.isRegularFile(location)) {
            throw new IOException(location + " is no jar");
        }
        return location;
    }
}
