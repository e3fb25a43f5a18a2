package org.cairn.console.core.internal;

import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.Icon;
import org.cairn.console.api.MessageView;
import org.cairn.console.api.ResultView;
import org.cairn.console.api.SnapInRoot;

/**
 * Stands in the console tree for a snap-in of a console file that is not installed or failed to start, so that
 * the rest of the console loads and saving the console keeps the snap-in's entry and settings.
 */
public final class UnavailableSnapIn implements SnapInRoot {

    /** Node type id of these stand-ins. */
    public static final String NODE_TYPE = "org.cairn.console.node.unavailableSnapIn";

    private final String label;
    private final String reason;
    private final Map<String, String> settings;

    /**
     * @param label    what the tree shows
     * @param reason   why the snap-in is not available and what to do
     * @param settings the settings recorded in the file, kept for saving
     */
    public UnavailableSnapIn(String label, String reason, Map<String, String> settings) {
        this.label = label;
        this.reason = reason;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String nodeTypeId() {
        return NODE_TYPE;
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(Icon.Kind.SNAP_IN));
    }

    @Override
    public Optional<ResultView> resultView() {
        return Optional.of(new MessageView(reason));
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }
}
