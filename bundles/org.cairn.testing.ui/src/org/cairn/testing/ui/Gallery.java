package org.cairn.testing.ui;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Pictures of the application for people: the UI tests save a window as {@code NAME.png} at the moments a user
 * would look at it. In normal runs the pictures go to {@code target/screenshots/gallery/} of the test bundle
 * (with the scale in the folder name when {@code GDK_DPI_SCALE} is set); with {@code -Dcairn.gallery=true}, at the
 * default scale, they replace the repository's {@code docs/images/NAME.png}, which the README shows.
 */
public final class Gallery {

    /** The system property that sends the pictures to the repository's {@code docs/images/}. */
    public static final String PROPERTY = "cairn.gallery";

    private Gallery() {
    }

    /**
     * Saves what {@code shell} shows, once it has painted. Off the UI thread.
     *
     * @param shell the window
     * @param name  the picture's name, lower case with dashes ({@code export-3-format})
     * @return the PNG file written
     */
    public static Path capture(SWTBotShell shell, String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("A gallery name is lower case letters, digits and dashes: " + name);
        }
        return shell.captureScreenshot(folder().resolve(name + ".png"));
    }

    /** @return the folder pictures go to in this run */
    public static Path folder() {
        String scale = System.getenv("GDK_DPI_SCALE");
        boolean defaultScale = scale == null || scale.isBlank() || scale.strip().equals("1");
        String root = System.getProperty("cairn.repo.root");
        if (Boolean.getBoolean(PROPERTY) && defaultScale && root != null) {
            return Path.of(root, "docs", "images");
        }
        return Path.of("target", "screenshots",
                defaultScale ? "gallery" : "gallery-" + scale.strip().toLowerCase(Locale.ROOT));
    }
}
