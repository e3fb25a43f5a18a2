package org.cairn.testing.process;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a second JVM running a main class of a test bundle. Under Tycho the tests run inside OSGi, where
 * {@code java.class.path} is not the bundle's class path; so instead of guessing jar locations, the main class and
 * every {@code org/cairn/} class it reaches (found by reading class-file constant pools) are copied out of the class
 * loader into a directory that becomes the child's class path. The child needs nothing else: the store model uses only
 * the Java runtime.
 */
public final class ChildJvm {

    private static final Pattern OUR_CLASS = Pattern.compile("org/cairn/[A-Za-z0-9_/$]+");

    private ChildJvm() {
    }

    /** @return the java launcher of this JVM */
    public static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Copies {@code main} and the classes it needs into {@code dir} (created world-readable so another account can
     * run them).
     *
     * @param main  the class whose {@code main} the child runs
     * @param dir   the child's class path
     * @param other classes whose loaders see what {@code main}'s does not (a bundle's internal packages, which a
     *              fragment of another bundle cannot see)
     * @return the number of classes copied
     */
    public static int copyClasses(Class<?> main, Path dir, Class<?>... other) throws IOException {
        List<ClassLoader> loaders = new ArrayList<>(List.of(main.getClassLoader()));
        for (Class<?> c : other) {
            loaders.add(c.getClassLoader());
        }
        Deque<String> todo = new ArrayDeque<>(List.of(main.getName().replace('.', '/')));
        Set<String> done = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!done.add(name)) {
                continue;
            }
            byte[] bytes = null;
            for (ClassLoader loader : loaders) {
                try (InputStream in = loader.getResourceAsStream(name + ".class")) {
                    if (in != null) {
                        bytes = in.readAllBytes();
                        break;
                    }
                }
            }
            if (bytes == null) {
                continue; // a package name or a string that looked like a class
            }
            Path target = dir.resolve(name + ".class");
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            for (String utf8 : utf8Constants(bytes)) {
                Matcher m = OUR_CLASS.matcher(utf8);
                while (m.find()) {
                    todo.push(m.group());
                }
            }
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return done.size();
    }

    /** The CONSTANT_Utf8 entries of a class file (JVMS 4.4). */
    private static List<String> utf8Constants(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> strings.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // long and double take two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return strings;
    }

    /** @return a process builder for {@code java -cp classes main args} with small, fast-starting settings */
    public static ProcessBuilder command(Path classes, Class<?> main, List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx64m",
                "-cp", classes.toString(), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
