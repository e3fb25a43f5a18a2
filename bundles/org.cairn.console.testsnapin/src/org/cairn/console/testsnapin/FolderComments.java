package org.cairn.console.testsnapin;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.cairn.console.api.ConsoleException;
import org.osgi.framework.FrameworkUtil;

/** The folder comments of {@link FolderCommentPage}: a properties file in this bundle's data area, by folder key. */
public final class FolderComments {

    private FolderComments() {
    }

    /** @return the comment on the folder {@code key}; empty when there is none */
    public static String read(String key) {
        return load().getProperty(key, "");
    }

    static void write(String key, String comment) throws ConsoleException {
        Properties comments = load();
        comments.setProperty(key, comment);
        Path file = file();
        try (Writer out = Files.newBufferedWriter(file)) {
            comments.store(out, "Folder comments of the test snap-in");
        } catch (IOException e) {
            throw new ConsoleException("The comment could not be saved in " + file + ": " + e.getMessage());
        }
    }

    private static Properties load() {
        Properties comments = new Properties();
        Path file = file();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                comments.load(in);
            } catch (IOException e) {
                // Unreadable: as if there were no comments yet; the next save writes the file anew.
            }
        }
        return comments;
    }

    private static Path file() {
        return FrameworkUtil.getBundle(FolderComments.class).getDataFile("folder-comments.properties").toPath();
    }
}
