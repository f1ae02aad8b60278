org.forklab.magics.ForklabMagics.register(io.github.spencerpark.ijava.IJava.getKernelInstance(), io.github.spencerpark.ijava.IJava.getKernelInstance().getMagics());
