import java.util.Arrays;

/**
 * An independent reference for forklab's Java figures: run as a single source file
 * (java Reference.java), no forklab code. Each operation timed alone; the median is printed
 * as "name<TAB>ns".
 */
public class Reference {
    interface Op {
        void run() throws Exception;
    }

    static void measure(String name, Op op, int warm, int n) throws Exception {
        for (int i = 0; i < warm; i++) {
            op.run();
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            op.run();
            v[i] = System.nanoTime() - t;
        }
        Arrays.sort(v);
        System.out.printf("%s\t%.0f%n", name, n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
    }

    public static void main(String[] args) throws Exception {
        measure("Thread.start+join", () -> {
            Thread t = new Thread(() -> { });
            t.start();
            t.join();
        }, 200, 1000);
        measure("ProcessBuilder /bin/true", () -> new ProcessBuilder("/bin/true").start().waitFor(), 20, 100);
    }
}
