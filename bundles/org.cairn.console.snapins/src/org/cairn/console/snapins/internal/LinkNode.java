package org.cairn.console.snapins.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.Icon;
import org.cairn.console.api.MessageView;
import org.cairn.console.api.Property;
import org.cairn.console.api.PropertySheet;
import org.cairn.console.api.ResultView;
import org.cairn.console.api.SnapInRoot;

/** The root of a Link to Web Address snap-in: a name and an address, opened in the system browser. */
final class LinkNode implements SnapInRoot {

    /** Node type id of links. */
    static final String TYPE = "org.cairn.console.node.link";
    /** Setting: the address. */
    static final String URL = "url";
    /** Setting: the name shown. */
    static final String NAME = "name";

    private String name;
    private URI address;

    LinkNode(String name, URI address) {
        this.name = name;
        this.address = address;
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
        return Optional.of(Icon.of(Icon.Kind.LINK));
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(NAME, name, URL, address.toString());
    }

    @Override
    public Optional<ResultView> resultView() {
        return Optional.of(new MessageView(name + " links to " + address
                + "\n\nChoose Open Link in the Action menu to show it in your web browser."));
    }

    @Override
    public List<ConsoleAction> actions() {
        return List.of(ConsoleAction.of("open", "Open Link", context -> context.openInBrowser(address)));
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
                return List.of(Property.editable(NAME, "Name:", name), Property.editable(URL, "Address:",
                        address.toString()));
            }

            @Override
            public void apply(Map<String, String> changed) throws ConsoleException {
                String newAddress = changed.getOrDefault(URL, address.toString()).strip();
                Optional<String> problem = LinkSnapIn.checkAddress(newAddress);
                if (problem.isPresent()) {
                    throw new ConsoleException(problem.get());
                }
                String newName = changed.getOrDefault(NAME, name).strip();
                if (newName.isEmpty()) {
                    throw new ConsoleException("A link needs a name: type one, or press Cancel.");
                }
                name = newName;
                address = URI.create(newAddress);
            }
        });
    }
}
