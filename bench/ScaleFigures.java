import org.forklab.magics.Lab;

/**
 * Runs the %scale experiment from the command line with the magic's own words and prints its
 * text view (slopes per entity, this machine's limits, the lesson's claims) and the time taken.
 * Used by bench/scale.sh; not part of forklab.
 */
public class ScaleFigures {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        var result = Lab.scale(args);
        System.out.println(Lab.bundle(result).text());
        System.out.printf("%%scale %s: %.1f s%n", String.join(" ", args), (System.nanoTime() - start) / 1e9);
        System.exit(0);
    }
}
