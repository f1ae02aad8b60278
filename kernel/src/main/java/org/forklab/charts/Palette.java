package org.forklab.charts;

import java.awt.Color;
import java.util.List;

/**
 * Okabe–Ito colours (Okabe &amp; Ito 2008, "Color Universal Design"): distinguishable with the
 * common colour-vision deficiencies. Ordered for a white background: yellow, the faintest on
 * white, comes last but one.
 */
public final class Palette {

    public static final Color BLUE = new Color(0x0072B2);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLACK = new Color(0x000000);

    public static final List<Color> SERIES =
            List.of(BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, YELLOW, BLACK);

    /** Colour of the series at {@code index}, cycling through {@link #SERIES}. */
    public static Color series(int index) {
        return SERIES.get(Math.floorMod(index, SERIES.size()));
    }

    /** {@code colour} with an alpha in [0, 1], for bands and overlapping histograms. */
    public static Color translucent(Color colour, double alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), (int) Math.round(alpha * 255));
    }

    private Palette() {
    }
}
