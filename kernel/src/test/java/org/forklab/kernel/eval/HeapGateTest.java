package org.forklab.kernel.eval;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.*;

/** A woven loop throws at its next turn once the reserve is gone, and runs as before while it is held. */
class HeapGateTest {
    /** Stands for a cell's code: one loop, one straight-line method. */
    public static final class Sample {
        public static long sum(int n) {
            long total = 0;
            for (int i = 0; i < n; i++) {
                total += i;
            }
            return total;
        }

        public static long straight(long x) {
            return x + 1;
        }
    }

    @AfterEach
    void noReserve() {
        HeapGate.watch(null);
    }

    private static Class<?> woven() throws Exception {
        String name = Sample.class.getName();
        byte[] original;
        try (InputStream in = Sample.class.getResourceAsStream("HeapGateTest$Sample.class")) {
            original = in.readAllBytes();
        }
        byte[] bytes = HeapGate.weave(original);
        ClassLoader loader = new ClassLoader(HeapGateTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (className.equals(name)) {
                    synchronized (getClassLoadingLock(className)) {
                        Class<?> done = findLoadedClass(className);
                        return done != null ? done : defineClass(className, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(className, resolve);
            }
        };
        return loader.loadClass(name);
    }

    @Test
    void aLoopRunsAsBeforeWhileTheReserveIsHeld() throws Exception {
        byte[] reserve = new byte[1024];
        HeapGate.watch(new SoftReference<>(reserve));
        assertEquals(4950L, woven().getMethod("sum", int.class).invoke(null, 100));
        assertNotNull(reserve);
    }

    @Test
    void aLoopThrowsOutOfMemoryErrorOnceTheReserveIsCleared() throws Exception {
        SoftReference<byte[]> reserve = new SoftReference<>(new byte[1024]);
        reserve.clear(); // as the JVM does in the collection that finds the heap exhausted
        HeapGate.watch(reserve);
        Class<?> sample = woven();
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> sample.getMethod("sum", int.class).invoke(null, 100));
        assertInstanceOf(OutOfMemoryError.class, thrown.getCause());
        // Code without a backward jump is not checked: it ends by itself.
        assertEquals(8L, sample.getMethod("straight", long.class).invoke(null, 7L));
        // A loop that never turns is not checked either.
        assertEquals(0L, sample.getMethod("sum", int.class).invoke(null, 0));
    }

    @Test
    void noReserveMeansNoCheck() throws Exception {
        Method sum = woven().getMethod("sum", int.class);
        assertEquals(4950L, sum.invoke(null, 100));
    }
}
