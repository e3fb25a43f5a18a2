package org.cairn.console.snapins.internal;

import java.util.Map;

import org.cairn.console.api.Icon;
import org.cairn.console.api.SnapIn;
import org.cairn.console.api.SnapInRoot;
import org.osgi.service.component.annotations.Component;

/** The Folder snap-in, as in MMC: a named folder to organize the console, beneath which snap-ins can be added. */
@Component(service = SnapIn.class)
public final class FolderSnapIn implements SnapIn {

    /** The snap-in's id. */
    public static final String ID = "org.cairn.console.folder";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Folder";
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
        return "Use this snap-in to add a folder to your console, to organize the snap-ins added beneath it.";
    }

    @Override
    public Icon icon() {
        return Icon.of(Icon.Kind.FOLDER);
    }

    @Override
    public boolean container() {
        return true;
    }

    @Override
    public SnapInRoot createRoot(Map<String, String> settings) {
        String name = settings.getOrDefault(FolderNode.NAME, "");
        return new FolderNode(name.isBlank() ? "New Folder" : name);
    }
}
