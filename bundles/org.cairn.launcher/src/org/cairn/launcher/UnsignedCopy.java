package org.cairn.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Writes a copy of a signed jar without its signature (the signature files, and the manifest's digests of each
 * entry), so that the JVM's class-data sharing archive takes its classes. The copy is made whole under another name,
 * then renamed into place: a run beside this one sees all of it or none. The content is the installation's own:
 * its classes are not changed, only no longer checked against the signature at every start.
 */
final class UnsignedCopy {

    private final Path signed;
    private final Path copy;
    private final Trace trace;

    UnsignedCopy(Path signed, Path copy, Trace trace) {
        this.signed = signed;
        this.copy = copy;
        this.trace = trace;
    }

    void write() {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(copy.getParent(), ".framework-", ".jar");
            try (JarFile in = new JarFile(signed.toFile(), false);
                    OutputStream file = Files.newOutputStream(temporary);
                    JarOutputStream out = new JarOutputStream(file)) {
                Manifest manifest = new Manifest(in.getManifest());
                manifest.getEntries().clear();
                out.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
                manifest.write(out);
                out.closeEntry();
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (signature(entry.getName())) {
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            trace.say("wrote the framework's unsigned copy " + copy);
        } catch (IOException | RuntimeException e) {
            trace.say("no unsigned copy of the framework in " + copy.getParent(), e);
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // only space in the cache
                }
            }
        }
    }

    /** @return whether the entry is the manifest (written above) or part of a signature */
    private static boolean signature(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.equals(JarFile.MANIFEST_NAME) || upper.startsWith("META-INF/") && !upper.substring(9).contains("/")
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                        || upper.startsWith("META-INF/SIG-"));
    }
}
