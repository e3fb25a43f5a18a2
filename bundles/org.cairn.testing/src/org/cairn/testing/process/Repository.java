package org.cairn.testing.process;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files of Cairn's repository that tests run or read (releng/pfx-readers, testdata/ ...). */
public final class Repository {

    private Repository() {
    }

    /**
     * @param relative a file's path in the repository, for example {@code releng/pfx-readers}
     * @return the file, found from {@code -Dcairn.repo.root} (else the working folder) and the folders above it
     * @throws IllegalStateException when it is not there
     */
    public static Path file(String relative) {
        String start = System.getProperty("cairn.repo.root", System.getProperty("user.dir"));
        for (Path p = Path.of(start).toAbsolutePath(); p != null; p = p.getParent()) {
            Path file = p.resolve(relative);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException(relative + " not found above " + start
                + " (set -Dcairn.repo.root to the repository's folder)");
    }
}
