package org.cairn.console.api;

import java.net.URL;
import java.util.Objects;

/**
 * An icon of a snap-in, node or item, described without any UI toolkit type so that snap-ins and headless code
 * need no SWT: either one of the host's standard icons, or an image file inside the snap-in's bundle (PNG or
 * GIF, 16×16; the host loads and disposes it).
 */
public sealed interface Icon {

    /** The host's standard icons, drawn in the style of the rest of the console. */
    enum Kind {
        /** The Console Root. */
        CONSOLE_ROOT,
        /** A folder or a container of other nodes. */
        FOLDER,
        /** A link to a web address. */
        LINK,
        /** A snap-in (used in the Add/Remove Snap-in dialog when a snap-in has no icon of its own). */
        SNAP_IN,
        /** A certificate. */
        CERTIFICATE,
        /** A store of certificates or other objects. */
        STORE,
        /** A key. */
        KEY,
        /** A generic item of a list. */
        ITEM
    }

    /**
     * One of the host's standard icons.
     *
     * @param kind which one
     */
    record Standard(Kind kind) implements Icon {
        /** @throws NullPointerException if {@code kind} is {@code null} */
        public Standard {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * An image file, usually found with {@code Bundle.getEntry("icons/thing.png")} in the snap-in's bundle.
     *
     * @param url where the image is
     */
    record Image(URL url) implements Icon {
        /** @throws NullPointerException if {@code url} is {@code null} */
        public Image {
            Objects.requireNonNull(url, "url");
        }
    }

    /** @return the host's standard icon of that kind */
    static Icon of(Kind kind) {
        return new Standard(kind);
    }

    /** @return an icon loaded from that image file */
    static Icon of(URL url) {
        return new Image(url);
    }
}
