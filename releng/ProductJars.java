import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the plug-in jars of a materialized product, in place, at build time, for a faster start (issue 16):
 * <ol>
 * <li>every jar's entries <b>stored</b>, not deflated: the same names, order, times, extra fields and bytes, only
 * not compressed;</li>
 * <li>the OSGi framework's jar (org.eclipse.osgi), its extension org.eclipse.osgi.compatibility.state (config.ini's
 * osgi.framework.extensions) and the Equinox launcher's jar also <b>unsigned</b>: their signature files
 * (META-INF/*.SF, *.RSA, *.DSA, *.EC) and the per-entry digests of their manifests removed.</li>
 * </ol>
 * The product's artifacts.xml gets the jars' new sizes. The entries' Unix permission bits are not kept (Java's zip
 * API neither reads nor writes them, so no Java reader of the jars, Equinox, SWT or JNA, sees them).
 * <p>
 * Why stored: the JVM's class-data sharing archive holds the bundles' classes, but for a class of a class loader of
 * its own (Equinox's, one per bundle) the JVM takes the archived class only when the loader hands it the class's
 * bytes, which it reads from the jar: with deflated jars every class of every start was inflated again (a profile of
 * the console's start: the main thread's largest native cost before the window, ahead of GTK's own start). Measured
 * on the built product against the same product with stored jars, whole processes in pairs (A B A B, 11 pairs): the
 * console to its window 0.94x, {@code cairn cert --help} 0.95x, {@code cairn cert list} of 10,000 entries 0.94x.
 * The installation takes 99 MB instead of 48 MB on disk; its tar.gz archive is smaller (31 against 41 MB: gzip
 * compresses across the jars). Signed bundles stay signed and verify (a jar's signature covers its entries' contents,
 * not their compression); the p2 repository's jars, which snap-in installations download, are not touched.
 * <p>
 * Why unsigned: the JVM's class-data sharing archive leaves out every class of a signed jar that the JVM's own class
 * loaders define (the launcher's and the framework's: about 550 classes), and with them every bundle class that
 * extends or implements one of them (BundleActivator, ServiceFactory, ServiceTrackerCustomizer...). The console's
 * start then loads, parses and verifies them from the jars on every start (measured: the console's window 0.92x with
 * both unsigned). The framework's extension is on the framework's class path, so the same holds for it, and the JDK
 * also verified its signature on every console start (166 security classes loaded against 32 unsigned; the
 * console's window 0.96x, 11 pairs, and the extension's activator ran 50 ms sooner). Bundle classes are not
 * concerned: Equinox defines them without signers (signed-content support is off), so the archive keeps them signed
 * or not. Nothing checks these three signatures at run time: the launcher, the framework and its extension are found
 * by path (osgi.framework and osgi.framework.extensions in config.ini), p2 records only their sizes, and Equinox
 * checks no bundle's signature unless osgi.signedcontent.support is set.
 * <p>
 * The jars stay the same bundles at the same paths, so p2 ({@code cairn snapin}) sees the installation it made. Each
 * jar is written beside itself and renamed over it when whole.
 * <p>
 * Usage: java releng/ProductJars.java PRODUCT_DIR...
 */
public final class ProductJars {

    private ProductJars() {
    }

    /** The jars whose signatures go (see the class comment). */
    private static final List<String> UNSIGNED = List.of("org.eclipse.osgi", "org.eclipse.equinox.launcher",
            "org.eclipse.osgi.compatibility.state");

    /**
     * A plug-in jar's name: ID_VERSION.jar, the version MAJOR.MINOR.MICRO[.QUALIFIER] (an id may hold underscores:
     * org.eclipse.swt.gtk.linux.x86_64, and so may a qualifier)
     */
    private static final Pattern JAR = Pattern.compile("(.+?)_(\\d+\\.\\d+\\.\\d+(?:\\.[\\w-]+)?)\\.jar");

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("Usage: java ProductJars.java PRODUCT_DIR...");
            System.exit(2);
        }
        for (String arg : args) {
            Path product = Path.of(arg);
            Path artifacts = product.resolve("artifacts.xml");
            String index = Files.exists(artifacts) ? Files.readString(artifacts) : null;
            List<Path> jars;
            try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
                jars = plugins.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                if (!JAR.matcher(jar.getFileName().toString()).matches()) {
                    throw new IOException("Not a plug-in jar's name (ID_VERSION.jar): " + jar);
                }
            }
            for (String id : UNSIGNED) {
                long found = jars.stream().filter(jar -> id(jar).equals(id)).count();
                if (found != 1) {
                    throw new IOException("Expected one " + id + " jar in " + product.resolve("plugins") + ", found "
                            + found);
                }
            }
            long before = 0;
            long after = 0;
            int rewritten = 0;
            for (Path jar : jars) {
                before += Files.size(jar);
                if (rewrite(jar, UNSIGNED.contains(id(jar)))) {
                    rewritten++;
                    if (index != null) {
                        index = withSize(index, id(jar), version(jar), Files.size(jar));
                    }
                }
                after += Files.size(jar);
            }
            if (index != null) {
                Files.writeString(artifacts, index);
            }
            System.out.printf("%s: %d of %d plug-in jars rewritten with stored entries (%d MB -> %d MB), %s "
                    + "unsigned%n", product, rewritten, jars.size(), before >> 20, after >> 20, String.join(", ",
                            UNSIGNED));
        }
    }

    private static String id(Path jar) {
        return JAR.matcher(jar.getFileName().toString()).replaceFirst("$1");
    }

    private static String version(Path jar) {
        return JAR.matcher(jar.getFileName().toString()).replaceFirst("$2");
    }

    /** The artifacts.xml text with the download.size of the bundle ID VERSION set to SIZE. */
    private static String withSize(String index, String id, String version, long size) throws IOException {
        Matcher m = Pattern.compile("(<artifact classifier='osgi\\.bundle' id='" + Pattern.quote(id) + "' version='"
                + Pattern.quote(version) + "'>\\s*<properties[^>]*>\\s*<property name='download\\.size' value=')"
                + "\\d+'").matcher(index);
        if (!m.find()) {
            throw new IOException("artifacts.xml has no download.size of " + id + " " + version);
        }
        return index.substring(0, m.start()) + m.group(1) + size + "'" + index.substring(m.end());
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }

    /**
     * Writes the jar again with its entries stored, without its signature when {@code unsign}; leaves it alone
     * when there is nothing to do (all stored already, and unsigned or not to be).
     *
     * @return whether the jar was rewritten
     */
    private static boolean rewrite(Path jar, boolean unsign) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile())) {
            if (in.stream().allMatch(e -> e.getMethod() == ZipEntry.STORED && !(unsign && isSignatureFile(e.getName())))) {
                return false;
            }
        }
        Path temporary = jar.resolveSibling(jar.getFileName() + ".rewriting");
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
            if (in.getComment() != null) {
                out.setComment(in.getComment());
            }
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (unsign && isSignatureFile(entry.getName())) {
                    continue;
                }
                byte[] data;
                try (InputStream stream = in.getInputStream(entry)) {
                    data = unsign && entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)
                            ? withoutDigests(stream)
                            : stream.readAllBytes();
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                if (entry.getComment() != null) {
                    copy.setComment(entry.getComment());
                }
                if (entry.getExtra() != null) {
                    copy.setExtra(entry.getExtra());
                }
                CRC32 crc = new CRC32();
                crc.update(data);
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                copy.setCrc(crc.getValue());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** The manifest without the entries' digests; sections left with no attribute go. */
    private static byte[] withoutDigests(InputStream data) throws IOException {
        Manifest manifest = new Manifest(data);
        for (Iterator<Map.Entry<String, Attributes>> sections = manifest.getEntries().entrySet().iterator(); sections
                .hasNext();) {
            Attributes attributes = sections.next().getValue();
            attributes.keySet().removeIf(key -> key.toString().toUpperCase(Locale.ROOT).endsWith("-DIGEST"));
            if (attributes.isEmpty()) {
                sections.remove();
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
    }
}
