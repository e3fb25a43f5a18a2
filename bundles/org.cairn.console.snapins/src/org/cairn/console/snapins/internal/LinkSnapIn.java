package org.cairn.console.snapins.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConfigurationForm;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.Icon;
import org.cairn.console.api.SnapIn;
import org.cairn.console.api.SnapInConfiguration;
import org.cairn.console.api.SnapInRoot;
import org.osgi.service.component.annotations.Component;

/** The Link to Web Address snap-in, as in MMC: a node that names a web address and opens it in the browser. */
@Component(service = SnapIn.class)
public final class LinkSnapIn implements SnapIn {

    /** The snap-in's id. */
    public static final String ID = "org.cairn.console.link";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Link to Web Address";
    }

    @Override
    public String vendor() {
        return "Cairn";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Use this snap-in to add a link to a web address (a URL) to your console; opening it shows the "
                + "address in your web browser.";
    }

    @Override
    public Icon icon() {
        return Icon.of(Icon.Kind.LINK);
    }

    @Override
    public Optional<SnapInConfiguration> configuration() {
        return Optional.of(new ConfigurationForm() {
            @Override
            public String title() {
                return "Link to Web Address";
            }

            @Override
            public String description() {
                return "Type the address of the web site and a name for the link.";
            }

            @Override
            public List<Field> fields() {
                return List.of(new ConfigurationForm.Text(LinkNode.URL, "Type the &address of the Web site:", "https://",
                        Optional.empty()), new ConfigurationForm.Text(LinkNode.NAME, "&Name:", "", Optional.empty()));
            }

            @Override
            public Optional<String> validate(Map<String, String> settings) {
                Optional<String> problem = checkAddress(settings.getOrDefault(LinkNode.URL, ""));
                if (problem.isPresent()) {
                    return problem;
                }
                return settings.getOrDefault(LinkNode.NAME, "").isBlank()
                        ? Optional.of("Type a name for the link.") : Optional.empty();
            }
        });
    }

    @Override
    public SnapInRoot createRoot(Map<String, String> settings) throws ConsoleException {
        String address = settings.getOrDefault(LinkNode.URL, "");
        Optional<String> problem = checkAddress(address);
        if (problem.isPresent()) {
            throw new ConsoleException(problem.get());
        }
        String name = settings.getOrDefault(LinkNode.NAME, "").strip();
        return new LinkNode(name.isEmpty() ? address : name, URI.create(address.strip()));
    }

    /** @return what is wrong with the address, if anything */
    static Optional<String> checkAddress(String address) {
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !List.of("http", "https", "file").contains(scheme.toLowerCase())
                    || (uri.getHost() == null && !"file".equalsIgnoreCase(scheme))) {
                return Optional.of("\"" + address + "\" is not a web address: type one such as https://example.org/.");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("\"" + address + "\" is not a web address (" + e.getReason()
                    + "): type one such as https://example.org/.");
        }
    }
}
