package org.forklab.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Rewrites a class so that its calls to {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} go to {@link ExitGuard}, which throws instead of ending the kernel.
 * Without a SecurityManager (gone in JDK 24) this is the one way to keep a cell from ending
 * the JVM it shares with the kernel. Covered: direct calls, method references
 * ({@code System::exit}), {@code Method.invoke} (checked just before the call) and method
 * handles from {@code Lookup.findStatic}, {@code findVirtual} and {@code unreflect}. Not covered:
 * handles bound by other means (findSpecial, a lookup handed in by library code), JNI, signals.
 *
 * <p>Each replacement has the same stack effect as the call it replaces (the receiver of the
 * Runtime methods becomes the first argument), so no frames need recomputing; only the check
 * before Method.invoke needs one more stack slot, which the writer computes.
 */
final class ExitCallRewriter {
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String METHOD = "java/lang/reflect/Method";
    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final String INVOKE = "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String GUARD = Type.getInternalName(ExitGuard.class);
    /** A reflective exit may name System only in a string ("java.lang.System"): Method and Lookup mark those. */
    private static final byte[][] MARKERS = {bytes(SYSTEM), bytes(RUNTIME), bytes(METHOD), bytes(LOOKUP)};

    private ExitCallRewriter() {
    }

    /** The class with its exits rewritten, or the very same array when it has none. */
    static byte[] rewrite(byte[] bytecode) {
        if (!mayCallExit(bytecode)) {
            return bytecode; // most classes of a big jar: no parse, no copy
        }
        ClassReader reader = new ClassReader(bytecode);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new Redirect(super.visitMethod(access, name, descriptor, signature, exceptions), changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : bytecode;
    }

    /** A cheap pre-check: a class that may call an exit names one of the markers in its constant pool. */
    static boolean mayCallExit(byte[] bytecode) {
        for (byte[] marker : MARKERS) {
            if (indexOf(bytecode, marker) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The Lookup methods that can hand out a handle to an exit; ExitGuard has one of each name. */
    private static final Set<String> LOOKUPS = Set.of("findStatic", "findVirtual", "unreflect");

    private static final class Redirect extends MethodVisitor {
        private final boolean[] changed;

        Redirect(MethodVisitor next, boolean[] changed) {
            super(Opcodes.ASM9, next);
            this.changed = changed;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(METHOD) && name.equals("invoke") && descriptor.equals(INVOKE)) {
                checkBeforeInvoke();
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(LOOKUP) && LOOKUPS.contains(name)) {
                // Same operands, same result: the guard checks, then asks the cell's own lookup.
                changed[0] = true;
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, name, "(L" + LOOKUP + ";" + descriptor.substring(1), false);
                return;
            }
            String replacement = replacement(owner, name, descriptor);
            if (replacement == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            changed[0] = true;
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, replacement, guardDescriptor(owner), false);
        }

        /**
         * Stack [method, target, args] becomes [{method, target, args}] through the guard, which
         * throws for an exit, and is unpacked back to [method, target, args] for the real call.
         */
        private void checkBeforeInvoke() {
            changed[0] = true;
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "checkInvoke",
                    "(L" + METHOD + ";Ljava/lang/Object;[Ljava/lang/Object;)[Ljava/lang/Object;", false);
            super.visitInsn(Opcodes.DUP);
            super.visitInsn(Opcodes.ICONST_0);
            super.visitInsn(Opcodes.AALOAD);
            super.visitTypeInsn(Opcodes.CHECKCAST, METHOD);
            super.visitInsn(Opcodes.SWAP);                      // method, array
            super.visitInsn(Opcodes.DUP);
            super.visitInsn(Opcodes.ICONST_1);
            super.visitInsn(Opcodes.AALOAD);                    // method, array, target
            super.visitInsn(Opcodes.SWAP);                      // method, target, array
            super.visitInsn(Opcodes.ICONST_2);
            super.visitInsn(Opcodes.AALOAD);
            super.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;"); // method, target, args
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
                rewritten[i] = redirect(rewritten[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(redirect(value));
        }

        /** A method reference such as System::exit is a handle among a lambda's bootstrap arguments. */
        private Object redirect(Object constant) {
            if (!(constant instanceof Handle)) {
                return constant;
            }
            Handle handle = (Handle) constant;
            String replacement = replacement(handle.getOwner(), handle.getName(), handle.getDesc());
            if (replacement == null) {
                return constant;
            }
            changed[0] = true;
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, replacement, guardDescriptor(handle.getOwner()), false);
        }
    }

    /** The ExitGuard method standing in for owner.name, or null if the call is harmless. */
    private static String replacement(String owner, String name, String descriptor) {
        if (!descriptor.equals("(I)V")) {
            return null;
        }
        if (owner.equals(SYSTEM) && name.equals("exit")) {
            return "systemExit";
        }
        if (owner.equals(RUNTIME) && name.equals("exit")) {
            return "runtimeExit";
        }
        if (owner.equals(RUNTIME) && name.equals("halt")) {
            return "runtimeHalt";
        }
        return null;
    }

    private static String guardDescriptor(String owner) {
        return owner.equals(SYSTEM) ? "(I)V" : "(Ljava/lang/Runtime;I)V";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
