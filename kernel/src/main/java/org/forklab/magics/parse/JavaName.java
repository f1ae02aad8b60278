package org.forklab.magics.parse;

import org.forklab.spi.MagicCommandLine;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converter for {@code --as NAME}: a Java variable name that is not a keyword. */
public final class JavaName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (!SourceVersion.isName(value) || value.contains(".")) {
            throw new TypeConversionException("'" + MagicCommandLine.clip(value)
                    + "' is not a Java variable name; use letters, digits and _ (not first a digit, not a keyword), e.g. r1");
        }
        return value;
    }
}
