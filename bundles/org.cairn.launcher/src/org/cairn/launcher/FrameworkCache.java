package org.cairn.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/**
 * A framework kept in the user's cache between runs, so that a start after the first installs and resolves
 * nothing: the framework reads its bundles, their wiring and their start marks from its storage.
 * <p>
 * The storage is made whole in a folder of its own, then renamed into place, and from then on only read
 * ({@code osgi.configuration.area.readOnly}): runs beside each other never write to it, a run beside the one that
 * makes it sees all of it or none, and of two that make it at once the first rename wins. A storage that does not
 * open, or holds other bundles than the list, is moved aside and made again; when that fails too the caller runs
 * without the cache.
 */
final class FrameworkCache {

    /**
     * Written last into a storage made whole (a folder without it is an interrupted one), with the locations of the
     * list's bundles that did not resolve and were left out, one a line.
     */
    private static final String COMPLETE = ".complete";

    private final Path folder;
    private final Frameworks frameworks;
    private final Trace trace;

    /**
     * @param folder     where the framework is kept (its parent must be writable to make it)
     * @param frameworks makes the frameworks
     * @param trace      reports what was done
     */
    FrameworkCache(Path folder, Frameworks frameworks, Trace trace) {
        this.folder = folder;
        this.frameworks = frameworks;
        this.trace = trace;
    }

    /**
     * @param list the bundles to run
     * @return an initialised framework on the cache with exactly those bundles, or empty when there is none and
     *         none could be made
     */
    Optional<Framework> open(BundleList list) {
        Optional<Framework> cached = openCached(list);
        if (cached.isPresent()) {
            trace.say("using the cached framework " + folder);
            return cached;
        }
        if (!make(list)) {
            return Optional.empty();
        }
        return openCached(list);
    }

    private Optional<Framework> openCached(BundleList list) {
        if (!Files.isRegularFile(folder.resolve(COMPLETE))) {
            if (Files.exists(folder)) {
                // never put in place without it: damaged
                trace.say("the cached framework " + folder + " is incomplete; making it again");
                discard(folder);
            }
            return Optional.empty();
        }
        Framework framework = frameworks.create(folder, true);
        try {
            framework.init();
            Set<String> installed = Arrays.stream(framework.getBundleContext().getBundles())
                    .filter(b -> b.getBundleId() != 0).map(Bundle::getLocation).collect(Collectors.toSet());
            Set<String> wanted = list.entries().stream().map(BundleList.Entry::installLocation)
                    .collect(Collectors.toCollection(HashSet::new));
            wanted.removeAll(Files.readAllLines(folder.resolve(COMPLETE), StandardCharsets.UTF_8));
            if (installed.equals(wanted)) {
                return Optional.of(framework);
            }
            trace.say("the cached framework " + folder + " holds other bundles than the list; making it again");
        } catch (Exception | LinkageError e) {
            trace.say("the cached framework " + folder + " does not open; making it again", e);
        }
        frameworks.stop(framework);
        discard(folder);
        return Optional.empty();
    }

    /** Makes the framework in a folder of its own and renames it into place; false when it could not be made. */
    private boolean make(BundleList list) {
        Path temporary;
        try {
            temporary = Files.createTempDirectory(folder.getParent(), ".framework-");
        } catch (IOException | RuntimeException e) {
            trace.say("no cache folder for the framework in " + folder.getParent(), e);
            return false;
        }
        Framework framework = frameworks.create(temporary, false);
        Set<String> unresolved;
        try {
            framework.init();
            unresolved = frameworks.install(framework, list);
            // started once, so that Declarative Services reads the components and keeps them in its cache (at stop)
            framework.start();
        } catch (Exception | LinkageError e) {
            trace.say("the framework could not be made in " + temporary, e);
            frameworks.stop(framework);
            delete(temporary);
            return false;
        }
        frameworks.stop(framework);
        try {
            Files.write(temporary.resolve(COMPLETE), unresolved, StandardCharsets.UTF_8);
            Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            trace.say("made the cached framework " + folder);
        } catch (IOException | RuntimeException e) {
            delete(temporary);
            if (Files.isRegularFile(folder.resolve(COMPLETE))) {
                trace.say("another run made the cached framework " + folder + " first");
                return true;
            }
            trace.say("the framework could not be put in place at " + folder, e);
            return false;
        }
        return true;
    }

    /** Moves a damaged storage out of the way (one rename, so that no run sees half of it), then deletes it. */
    private void discard(Path damaged) {
        Path aside = damaged.resolveSibling(".discarded-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.move(damaged, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // another run moved it first
        } catch (AtomicMoveNotSupportedException e) {
            return;
        } catch (IOException | RuntimeException e) {
            trace.say("the damaged framework " + damaged + " could not be moved aside", e);
            return;
        }
        delete(aside);
    }

    /** Deletes a folder and everything in it, as far as it can: what is left is only space in the cache. */
    static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left behind: the next make uses a new folder
                }
            });
        } catch (IOException | RuntimeException e) {
            // nothing to delete, or not allowed to
        }
    }
}
