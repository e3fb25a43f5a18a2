package com.example.keystores;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.api.SnapInRoot;

/**
 * The snap-in's root: one child node per keystore file of the folder. With no view of its own, the host lists
 * the children in the details pane.
 */
final class KeystoresRoot implements SnapInRoot {

    static final String TYPE = "com.example.keystores.node.root";
    /** At most this many files are listed: a folder is read on the Display thread when the tree expands. */
    static final int MAX_FILES = 1_000;

    private final Path folder;

    KeystoresRoot(Path folder) {
        this.folder = folder;
    }

    @Override
    public String label() {
        return "Java Keystores (" + folder + ")";
    }

    @Override
    public String nodeTypeId() {
        return TYPE;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(KeystoresSnapIn.FOLDER, folder.toString());
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(Icon.Kind.FOLDER));
    }

    @Override
    public List<ConsoleNode> children() {
        List<ConsoleNode> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.{jks,jceks,p12,pfx,keystore}")) {
            for (Path file : stream) {
                if (files.size() == MAX_FILES) {
                    break;
                }
                if (Files.isRegularFile(file)) {
                    files.add(new KeystoreNode(file));
                }
            }
        } catch (IOException e) {
            // A folder that is missing or unreadable has no keystores to show; the label names it.
            return List.of();
        }
        files.sort(Comparator.comparing(ConsoleNode::label));
        return files;
    }

    @Override
    public boolean mayHaveChildren() {
        return true;
    }
}
