package org.forklab.kernel;

import java.util.concurrent.Executor;

/**
 * What the installer runs once under -XX:ArchiveClassesAtExit: the kernel's start-up path
 * (magics, extensions, JShell, a first cell), so the class-data archive it leaves holds exactly
 * the classes a notebook's first seconds need.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    static void run() throws Exception {
        ForklabKernel kernel = new ForklabKernel();
        Executor inline = Runnable::run;
        kernel.startBackgroundWork(inline);
        kernel.runCell("%lsmagic --help");
        kernel.runCell("int trained = 1 + 1;\ntrained * 21");
        kernel.complete("Math.ma", 7);
        kernel.isComplete("for (int i = 0; i < 3; i++) {");
        Class.forName("org.forklab.kernel.channel.PromptConnection");
        Class.forName("io.github.spencerpark.jupyter.channels.HeartbeatChannel");
        Class.forName("org.zeromq.ZMQ");
        kernel.onShutdown(false);
    }
}
