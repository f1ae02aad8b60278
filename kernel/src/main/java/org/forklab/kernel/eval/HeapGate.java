package org.forklab.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.ref.SoftReference;
import java.util.HashSet;
import java.util.Set;

/**
 * The check a cell's own loops make on every turn: has the JVM let go of the heap reserve? The JVM
 * clears soft references in the collection that finds the heap exhausted, before it throws, so
 * this check sees exhaustion in the cell's own thread at its next loop turn, while the freed
 * reserve still gives every other thread room. A notice from another thread came too late: a cell
 * adding 8 MB a turn took the reserve and the rest of the heap before it was stopped, and jeromq's
 * I/O thread died of OutOfMemoryError.
 *
 * <p>The cost is one static call and a load per backward jump in cell code (the JIT inlines it).
 * Loops inside library code that a cell calls are not woven; {@link HeapWatchdog} stops those.
 */
public final class HeapGate {
    private static volatile SoftReference<?> reserve;
    /** Made in advance: when it is thrown the heap has little room. */
    private static final OutOfMemoryError EXHAUSTED = new OutOfMemoryError("Java heap space");
    private static final String OWNER = Type.getInternalName(HeapGate.class);

    private HeapGate() {
    }

    /** Called from cell code before every backward jump. */
    public static void check() {
        SoftReference<?> held = reserve;
        if (held != null && held.refersTo(null)) {
            throw EXHAUSTED;
        }
    }

    /** The reserve cells are checked against; null while there is none. */
    static void watch(SoftReference<?> held) {
        reserve = held;
    }

    /** The class with a {@link #check()} before every backward jump of its methods. */
    static byte[] weave(byte[] bytecode) {
        ClassReader reader = new ClassReader(bytecode);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new BackwardJumps(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** A jump to a label already seen goes backward: a loop's turn. The call leaves the stack as it was. */
    private static final class BackwardJumps extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        BackwardJumps(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", "()V", false);
            }
            super.visitJumpInsn(opcode, label);
        }
    }
}
