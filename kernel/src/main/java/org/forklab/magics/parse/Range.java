package org.forklab.magics.parse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The accepted values of a numeric option, inclusive. {@link MagicParser} checks it after picocli
 * has filled the field and appends it to the option's help text, so the range is written once.
 * For a {@link java.time.Duration} field the bounds are seconds; for a {@link ByteSize}, bytes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Range {
    double min();

    double max();
}
