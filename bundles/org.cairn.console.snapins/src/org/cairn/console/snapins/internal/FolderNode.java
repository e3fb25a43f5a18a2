package org.cairn.console.snapins.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.Icon;
import org.cairn.console.api.Property;
import org.cairn.console.api.PropertySheet;
import org.cairn.console.api.SnapInRoot;

/** The root of a Folder snap-in: a name; what is beneath it are the snap-ins the console added there. */
final class FolderNode implements SnapInRoot {

    /** Node type id of folders. */
    static final String TYPE = "org.cairn.console.node.folder";
    /** Setting: the folder's name. */
    static final String NAME = "name";

    private String name;

    FolderNode(String name) {
        this.name = name;
    }

    @Override
    public String label() {
        return name;
    }

    @Override
    public String nodeTypeId() {
        return TYPE;
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(Icon.Kind.FOLDER));
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(NAME, name);
    }

    @Override
    public List<ConsoleAction> actions() {
        return List.of(ConsoleAction.of("rename", "Rename...", context -> context
                .askText("Rename", "New name of the folder:", name).map(String::strip).ifPresent(newName -> {
                    if (!newName.isEmpty() && !newName.equals(name)) {
                        name = newName;
                        context.settingsChanged();
                        context.refresh(context.node());
                    }
                })));
    }

    @Override
    public Optional<PropertySheet> properties() {
        return Optional.of(new PropertySheet() {
            @Override
            public String title() {
                return name + " Properties";
            }

            @Override
            public List<Property> properties() {
                return List.of(Property.editable(NAME, "Name:", name));
            }

            @Override
            public void apply(Map<String, String> changed) throws ConsoleException {
                String newName = changed.getOrDefault(NAME, name).strip();
                if (newName.isEmpty()) {
                    throw new ConsoleException("A folder needs a name: type one, or press Cancel.");
                }
                name = newName;
            }
        });
    }
}
