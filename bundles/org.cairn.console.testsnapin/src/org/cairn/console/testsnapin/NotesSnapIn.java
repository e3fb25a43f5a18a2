package org.cairn.console.testsnapin;

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
 * A snap-in for the console's tests, written as a third party would: a configuration step (a choice and a text
 * field enabled by it), a list of notes in the details pane, its own actions.
 */
@Component(service = SnapIn.class)
public final class NotesSnapIn implements SnapIn {

    @Override
    public String id() {
        return "org.cairn.console.testsnapin.notes";
    }

    @Override
    public String name() {
        return "Test Notes";
    }

    @Override
    public String vendor() {
        return "Cairn Tests";
    }

    @Override
    public String version() {
        return "2.5.0";
    }

    @Override
    public String description() {
        return "Lists numbered notes; for the console's tests.";
    }

    @Override
    public Optional<SnapInConfiguration> configuration() {
        return Optional.of(new ConfigurationForm() {
            @Override
            public String title() {
                return "Test Notes";
            }

            @Override
            public String description() {
                return "Choose how many notes to list.";
            }

            @Override
            public List<Field> fields() {
                return List.of(
                        new ConfigurationForm.Choice("size", "This snap-in will list:",
                                List.of(new ConfigurationForm.Option("few", "A few notes"),
                                        new ConfigurationForm.Option("many", "Many notes"),
                                        new ConfigurationForm.Option("custom", "This number of notes:"),
                                        new ConfigurationForm.Option("file", "The number written in a file:")),
                                "few", Optional.empty()),
                        new ConfigurationForm.Text("count", "Number of notes:", "3",
                                Optional.of(new ConfigurationForm.Condition("size", "custom"))),
                        new ConfigurationForm.Text("countFile", "File with the number:", "",
                                Optional.of(new ConfigurationForm.Condition("size", "file"))),
                        new ConfigurationForm.Text("title", "Title:", "Notes", Optional.empty()),
                        new ConfigurationForm.Text("remarkMillis", "Milliseconds to compute a remark:", "0",
                                Optional.empty()));
            }

            @Override
            public Optional<String> validate(Map<String, String> settings) {
                String count = settings.get("count");
                if (count != null && !count.matches("[0-9]{1,6}")) {
                    return Optional.of("Type a number of notes, such as 12.");
                }
                String millis = settings.get("remarkMillis");
                if (millis != null && !millis.isEmpty() && !millis.matches("[0-9]{1,3}")) {
                    return Optional.of("Type a number of milliseconds from 0 to 999.");
                }
                return Optional.empty();
            }
        });
    }

    @Override
    public SnapInRoot createRoot(Map<String, String> settings) throws ConsoleException {
        String title = settings.getOrDefault("title", "Notes");
        return switch (settings.getOrDefault("size", "few")) {
            case "many" -> new NotesRoot(title, NotesRoot.Count.fixed(20_000), settings);
            case "custom" -> new NotesRoot(title, NotesRoot.Count.fixed(NotesRoot.Count.parse(
                    settings.getOrDefault("count", "3"))), settings);
            case "file" -> new NotesRoot(title, Path.of(settings.getOrDefault("countFile", "")), settings);
            default -> new NotesRoot(title, NotesRoot.Count.fixed(3), settings);
        };
    }
}
