package org.forklab.widgets;

/** An image whose bytes travel as a binary buffer (the "value" path), not as base64 text. */
public final class Image extends DomWidget {
    public Image(String format, byte[] bytes) {
        super("ImageModel", "ImageView", null);
        put("format", format);
        put("width", "");
        put("height", "");
        putBinary("value", bytes);
        writable("value");
    }

    public byte[] value() {
        return binary("value");
    }

    public Image value(byte[] bytes) {
        putBinary("value", bytes);
        return this;
    }
}
