package org.cairn.console.ui.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.Icon;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The images of the {@link Icon}s of nodes, items and snap-ins for one control's lifetime: the host's standard
 * icons, drawn here so that the host ships no image files, and snap-ins' image files. Dispose with the control.
 */
public final class ConsoleImages {

    private static final int SIZE = 16;
    private static final RGB BACKGROUND = new RGB(255, 255, 255);

    private final Display display;
    private final Map<Icon.Kind, Image> standard = new EnumMap<>(Icon.Kind.class);
    /** By the URL's text: URL.equals resolves host names. */
    private final Map<String, Image> files = new HashMap<>();

    /** @param display the display the images are for */
    public ConsoleImages(Display display) {
        this.display = display;
    }

    /** @return the image of {@code icon}, or empty when its file cannot be read */
    public Optional<Image> image(Icon icon) {
        return switch (icon) {
            case Icon.Standard s -> Optional.of(standard.computeIfAbsent(s.kind(), this::draw));
            case Icon.Image file -> {
                String key = file.url().toExternalForm();
                Image image = files.get(key);
                if (image == null && !files.containsKey(key)) {
                    image = ImageDescriptor.createFromURL(file.url()).createImage(false, display);
                    files.put(key, image);
                }
                yield Optional.ofNullable(image);
            }
        };
    }

    /** Disposes every image made. */
    public void dispose() {
        standard.values().forEach(Image::dispose);
        files.values().stream().filter(image -> image != null).forEach(Image::dispose);
        standard.clear();
        files.clear();
    }

    private Image draw(Icon.Kind kind) {
        // Drawn on white, which then becomes the transparent colour; the icons use off-white for white.
        Image canvas = new Image(display, SIZE, SIZE);
        GC gc = new GC(canvas);
        gc.setBackground(color(BACKGROUND));
        gc.fillRectangle(0, 0, SIZE, SIZE);
        try {
            switch (kind) {
                case CONSOLE_ROOT -> {
                    fill(gc, new RGB(96, 125, 139), 1, 2, 14, 10);
                    fill(gc, new RGB(187, 222, 251), 2, 3, 12, 8);
                    fill(gc, new RGB(96, 125, 139), 5, 13, 6, 2);
                }
                case FOLDER -> {
                    fill(gc, new RGB(230, 176, 40), 1, 3, 6, 3);
                    fill(gc, new RGB(250, 204, 80), 1, 5, 14, 9);
                }
                case LINK -> {
                    gc.setBackground(color(new RGB(33, 150, 243)));
                    gc.fillOval(1, 1, 14, 14);
                    gc.setForeground(color(new RGB(254, 254, 254)));
                    gc.drawOval(5, 1, 6, 14);
                    gc.drawLine(1, 8, 15, 8);
                }
                case SNAP_IN -> {
                    fill(gc, new RGB(76, 175, 80), 2, 4, 10, 10);
                    fill(gc, new RGB(76, 175, 80), 5, 1, 4, 3);
                    fill(gc, new RGB(76, 175, 80), 12, 7, 3, 4);
                }
                case CERTIFICATE -> {
                    fill(gc, new RGB(120, 144, 156), 1, 2, 14, 11);
                    fill(gc, new RGB(254, 254, 254), 2, 3, 12, 9);
                    fill(gc, new RGB(120, 144, 156), 4, 5, 6, 1);
                    gc.setBackground(color(new RGB(229, 57, 53)));
                    gc.fillOval(9, 8, 6, 6);
                }
                case STORE -> {
                    fill(gc, new RGB(141, 110, 99), 1, 3, 14, 11);
                    fill(gc, new RGB(215, 204, 200), 3, 5, 10, 3);
                }
                case KEY -> {
                    gc.setBackground(color(new RGB(255, 179, 0)));
                    gc.fillOval(1, 4, 7, 7);
                    fill(gc, new RGB(255, 179, 0), 7, 6, 8, 3);
                    fill(gc, new RGB(255, 179, 0), 12, 9, 2, 3);
                }
                case ITEM -> {
                    fill(gc, new RGB(158, 158, 158), 3, 1, 10, 14);
                    fill(gc, new RGB(254, 254, 254), 4, 2, 8, 12);
                }
            }
        } finally {
            gc.dispose();
        }
        ImageData data = canvas.getImageData();
        canvas.dispose();
        data.transparentPixel = data.palette.getPixel(BACKGROUND);
        return new Image(display, data);
    }

    private void fill(GC gc, RGB rgb, int x, int y, int width, int height) {
        gc.setBackground(color(rgb));
        gc.fillRectangle(x, y, width, height);
    }

    private Color color(RGB rgb) {
        return new Color(display, rgb);
    }
}
