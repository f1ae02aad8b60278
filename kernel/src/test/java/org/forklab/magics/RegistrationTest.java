package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.List;
import java.util.ServiceLoader;
import org.forklab.experiments.core.Environment;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.spi.KernelExtension;
import org.forklab.spi.PlainExtensionContext;
import org.forklab.spi.Results;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.Test;

/** Registration with basekernel's real Magics registry and a real (fake-evaluating) BaseKernel. */
class RegistrationTest {

    @Test
    void serviceLoaderFindsTheExtension() {
        List<String> found = ServiceLoader.load(KernelExtension.class).stream()
                .map(p -> p.type().getName()).toList();
        assertTrue(found.contains(ForklabMagics.class.getName()), found.toString());
    }

    @Test
    void everyMagicIsRegisteredAndDescribed() throws Exception {
        FakeKernel kernel = new FakeKernel();
        Magics magics = new Magics();
        PlainExtensionContext context = new PlainExtensionContext(kernel, magics);
        new ForklabMagics().register(context);
        for (MagicDefinition magic : MagicCatalog.all()) {
            assertEquals(magic.summary(), context.summaries().get(magic.display()));
            assertTrue(magic.summary().endsWith(".") && magic.summary().lines().count() == 1, magic.summary());
        }
        assertEquals(MagicCatalog.all().size(), context.summaries().size());
    }

    @Test
    void envThroughTheRegistryDisplaysTextAndHtmlAndBindsInPlainHosts() throws Exception {
        FakeKernel kernel = new FakeKernel();
        Magics magics = new Magics();
        ForklabMagics.register(kernel, magics);
        Object returned = magics.applyLineMagic("env", List.of("--as", "machine"));
        assertNull(returned, "output goes to displays, not to the cell's value");
        assertEquals(1, kernel.displayed.size());
        DisplayData shown = kernel.displayed.get(0);
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        String html = (String) shown.getData(MIMEType.TEXT_HTML);
        assertTrue(text.contains("JDK") && text.contains(System.getProperty("java.runtime.version")), text);
        assertTrue(html.startsWith("<table") && html.contains("page size"), html);
        assertTrue(text.contains("user address space") && text.contains("TiB per process"), text);
        assertEquals(Environment.current(), Results.get("machine"));
    }

    @Test
    void usageErrorsLeaveTheRegistryAsOneLine() {
        Magics magics = new Magics();
        ForklabMagics.register(new FakeKernel(), magics);
        UsageError e = assertThrows(UsageError.class, () -> magics.applyLineMagic("env", List.of("--ass", "x")));
        assertEquals("%env: unknown option '--ass'; did you mean --as? (see %env --help)", e.getMessage());
    }
}
