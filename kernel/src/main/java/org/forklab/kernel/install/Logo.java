package org.forklab.kernel.install;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/** The kernel's logo drawn at any size: one line forking into a thread and a process. */
public final class Logo {
    private static final Color BACKGROUND = new Color(0x1F, 0x3A, 0x5F);
    private static final Color THREAD = new Color(0xF2, 0xA3, 0x3A);
    private static final Color PROCESS = new Color(0x7F, 0xD1, 0xB9);

    private Logo() {
    }

    public static BufferedImage draw(int size) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            float s = size;
            g.setColor(BACKGROUND);
            g.fill(new RoundRectangle2D.Float(0, 0, s, s, s / 4, s / 4));
            g.setStroke(new BasicStroke(Math.max(1.5f, s / 11), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(Color.WHITE);
            Path2D stem = new Path2D.Float();
            stem.moveTo(s * 0.18, s * 0.5);
            stem.lineTo(s * 0.45, s * 0.5);
            g.draw(stem);
            g.setColor(THREAD);
            Path2D upper = new Path2D.Float();
            upper.moveTo(s * 0.45, s * 0.5);
            upper.curveTo(s * 0.6, s * 0.5, s * 0.62, s * 0.26, s * 0.82, s * 0.26);
            g.draw(upper);
            g.setColor(PROCESS);
            Path2D lower = new Path2D.Float();
            lower.moveTo(s * 0.45, s * 0.5);
            lower.curveTo(s * 0.6, s * 0.5, s * 0.62, s * 0.74, s * 0.82, s * 0.74);
            g.draw(lower);
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void writePng(int size, OutputStream out) throws IOException {
        if (!ImageIO.write(draw(size), "png", out)) {
            throw new IOException("no PNG writer in this JDK");
        }
    }
}
