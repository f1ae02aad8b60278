package org.forklab.kernel.eval;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * What cell classes call instead of the JVM's exits; {@link ExitCallRewriter} points their
 * bytecode here. Public because classes in another loader (the cells') call it.
 */
public final class ExitGuard {
    private ExitGuard() {
    }

    /** Replaces {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw new ExitRefusedException("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)}; the receiver stays on the stack, so it is a parameter. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitRefusedException("Runtime.getRuntime().exit", status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitRefusedException("Runtime.getRuntime().halt", status);
    }

    /**
     * Runs just before {@code method.invoke(target, args)}: refuses the exits and hands the three
     * operands back for the real call, which stays in the cell's own code because
     * {@code Method.invoke} checks access against its caller.
     */
    public static Object[] checkInvoke(Method method, Object target, Object[] args) {
        String exit = method == null ? null : exitName(method.getDeclaringClass(), method.getName(), method.getParameterTypes());
        if (exit != null) {
            if (args != null && args.length == 1 && args[0] instanceof Integer) {
                throw new ExitRefusedException(exit, (Integer) args[0]);
            }
            throw new ExitRefusedException(exit + " through reflection");
        }
        return new Object[] {method, target, args};
    }

    /** Replaces {@code lookup.findStatic(owner, name, type)}. */
    public static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(owner, name, type);
        return lookup.findStatic(owner, name, type);
    }

    /** Replaces {@code lookup.findVirtual(owner, name, type)}. */
    public static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(owner, name, type);
        return lookup.findVirtual(owner, name, type);
    }

    /** Replaces {@code lookup.unreflect(method)}. */
    public static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method) throws IllegalAccessException {
        refuseHandle(method.getDeclaringClass(), method.getName(), MethodType.methodType(method.getReturnType(),
                method.getParameterTypes()));
        return lookup.unreflect(method);
    }

    private static void refuseHandle(Class<?> owner, String name, MethodType type) {
        String exit = exitName(owner, name, type.parameterArray());
        if (exit != null) {
            throw new ExitRefusedException("a method handle to " + exit);
        }
    }

    /** How a student would write the exit that owner.name(parameters) is, or null if it is none. */
    private static String exitName(Class<?> owner, String name, Class<?>[] parameters) {
        if (parameters.length != 1 || parameters[0] != int.class) {
            return null;
        }
        if (owner == System.class && name.equals("exit")) {
            return "System.exit";
        }
        if (owner == Runtime.class && (name.equals("exit") || name.equals("halt"))) {
            return "Runtime.getRuntime()." + name;
        }
        return null;
    }
}
