package com.example.keystores;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConfigurationForm;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.SnapIn;
import org.cairn.console.api.SnapInConfiguration;
import org.cairn.console.api.SnapInRoot;
import org.osgi.service.component.annotations.Component;

/**
 * The Java Keystores snap-in: the keystore files of a folder (chosen when the snap-in is added) in the tree, the
 * entries of the selected one in the details pane. A DS component: the console lists every {@link SnapIn} service
 * in File → Add/Remove Snap-in....
 */
@Component(service = SnapIn.class)
public final class KeystoresSnapIn implements SnapIn {

    static final String FOLDER = "folder";

    @Override
    public String id() {
        return "com.example.keystores";
    }

    @Override
    public String name() {
        return "Java Keystores";
    }

    @Override
    public String vendor() {
        return "Example Ltd";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Lists the entries of the Java keystore files (.jks, .jceks, .p12, .pfx, .keystore) in a folder.";
    }

    @Override
    public Optional<SnapInConfiguration> configuration() {
        return Optional.of(new ConfigurationForm() {
            @Override
            public String title() {
                return "Java Keystores";
            }

            @Override
            public String description() {
                return "Choose the folder that holds the keystore files.";
            }

            @Override
            public List<Field> fields() {
                return List.of(new ConfigurationForm.Text(FOLDER, "&Folder:", System.getProperty("user.home", ""),
                        Optional.empty()));
            }

            @Override
            public Optional<String> validate(Map<String, String> settings) {
                // Checked without touching the disk (this runs on the Display thread); a folder that does not
                // exist is reported by the snap-in's node.
                String folder = settings.getOrDefault(FOLDER, "").strip();
                if (folder.isEmpty() || !Path.of(folder).isAbsolute()) {
                    return Optional.of("Type the full path of a folder, such as /etc/ssl/keystores.");
                }
                return Optional.empty();
            }
        });
    }

    @Override
    public SnapInRoot createRoot(Map<String, String> settings) throws ConsoleException {
        String folder = settings.getOrDefault(FOLDER, "").strip();
        if (folder.isEmpty()) {
            throw new ConsoleException(
                    "The console file names no keystore folder: remove the Java Keystores snap-in and add it again.");
        }
        return new KeystoresRoot(Path.of(folder));
    }
}
