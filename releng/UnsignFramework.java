import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature of the OSGi framework's jar (org.eclipse.osgi), of its extension
 * org.eclipse.osgi.compatibility.state (config.ini's osgi.framework.extensions) and of the Equinox launcher's jar in
 * a materialized product, in place, at build time: their signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC) and the
 * per-entry digests of their manifests; every other entry keeps its bytes, order and time. The product's
 * artifacts.xml gets the jars' new sizes.
 * <p>
 * Why: the JVM's class-data sharing archive leaves out every class of a signed jar that the JVM's own class loaders
 * define (the launcher's and the framework's: about 550 classes), and with them every bundle class that extends or
 * implements one of them (BundleActivator, ServiceFactory, ServiceTrackerCustomizer...). The console's start then
 * loads, parses and verifies them from the jars on every start (measured: the console's window 0.92x with both
 * unsigned). The framework's extension is on the framework's class path, so the same holds for it, and the JDK also
 * verified its signature on every console start (166 security classes loaded against 32 unsigned; the console's
 * window 0.96x, 11 pairs, and the extension's activator ran 50 ms sooner). Bundle classes are not concerned: Equinox
 * defines them without signers (signed-content support is off), so the archive keeps them signed or not. Nothing
 * checks these three signatures at run time: the launcher, the framework and its extension are found by path
 * (osgi.framework and osgi.framework.extensions in config.ini), p2 records only their sizes, and Equinox checks
 * no bundle's signature unless osgi.signedcontent.support is set. The jars stay the same bundles at the same
 * paths, so p2 (cairn snapin) sees the installation it made.
 * <p>
 * Usage: java releng/UnsignFramework.java PRODUCT_DIR...
 */
public final class UnsignFramework {

    private UnsignFramework() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("Usage: java UnsignFramework.java PRODUCT_DIR...");
            System.exit(2);
        }
        for (String arg : args) {
            Path product = Path.of(arg);
            Path artifacts = product.resolve("artifacts.xml");
            String index = Files.exists(artifacts) ? Files.readString(artifacts) : null;
            for (String id : List.of("org.eclipse.osgi", "org.eclipse.equinox.launcher",
                    "org.eclipse.osgi.compatibility.state")) {
                List<Path> jars;
                try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
                    jars = plugins.filter(p -> JAR.matcher(p.getFileName().toString()).matches()
                            && JAR.matcher(p.getFileName().toString()).replaceFirst("$1").equals(id)).toList();
                }
                if (jars.size() != 1) {
                    throw new IOException("Expected one " + id + " jar in " + product.resolve("plugins") + ", found "
                            + jars.size());
                }
                Path jar = jars.get(0);
                unsign(jar);
                if (index != null) {
                    String version = JAR.matcher(jar.getFileName().toString()).replaceFirst("$2");
                    index = withSize(index, id, version, Files.size(jar));
                }
            }
            if (index != null) {
                Files.writeString(artifacts, index);
            }
        }
    }

    /** A plug-in jar's name: ID_VERSION.jar */
    private static final Pattern JAR = Pattern.compile("([^_]+)_([^_]+)\\.jar");

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
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }

    private static void unsign(Path jar) throws IOException {
        Path temporary = jar.resolveSibling(jar.getFileName() + ".unsigning");
        int removed = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (isSignatureFile(entry.getName())) {
                    removed++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                if (entry.getComment() != null) {
                    copy.setComment(entry.getComment());
                }
                if (entry.getExtra() != null) {
                    copy.setExtra(entry.getExtra());
                }
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        writeWithoutDigests(data, out);
                    } else {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Unsigned " + jar.getFileName() + " (" + removed + " signature files removed)");
    }

    /** The manifest without the entries' digests; sections left with no attribute go. */
    private static void writeWithoutDigests(InputStream data, OutputStream out) throws IOException {
        Manifest manifest = new Manifest(data);
        for (Iterator<Map.Entry<String, Attributes>> sections = manifest.getEntries().entrySet().iterator(); sections
                .hasNext();) {
            Attributes attributes = sections.next().getValue();
            attributes.keySet().removeIf(key -> key.toString().toUpperCase(java.util.Locale.ROOT).endsWith("-DIGEST"));
            if (attributes.isEmpty()) {
                sections.remove();
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        bytes.writeTo(out);
    }
}
