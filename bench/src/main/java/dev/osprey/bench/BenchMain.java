package dev.osprey.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code BenchMain import|coldstart|all [--size-mb N] [--repeats N] [--runs N] [--dir D] [--modes headless,xvfb]},
 * or {@code BenchMain train [--quick] [--rows N] [--smile-rows N] [--rf-rows N] [--dir D]} (see {@link TrainingBench}).
 * Each benchmark prints one line per case: what, size, ours, peer, ratio, and a quality check.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("batch")) {
            BatchBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("serve")) {
            ServeBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("quality")) {
            QualityBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("wrangle")) {
            WrangleBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("grid")) {
            GridBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("tune")) {
            TuningBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("label")) {
            LabelingBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("train")) {
            TrainingBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        String what = "all";
        long sizeMb = 400;
        int repeats = 3;
        int runs = 5;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-bench");
        List<ColdStartBench.Mode> modes = new ArrayList<>(List.of(ColdStartBench.Mode.values()));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "import", "coldstart", "all" -> what = a;
                case "--size-mb" -> sizeMb = Long.parseLong(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--modes" -> {
                    modes.clear();
                    for (String m : args[++i].split(",")) {
                        modes.add(ColdStartBench.Mode.valueOf(m.strip().toUpperCase(Locale.ROOT)));
                    }
                }
                default -> {
                    System.err.println("unknown argument " + a + "; usage: BenchMain import|coldstart|all [--size-mb N]"
                            + " [--repeats N] [--runs N] [--dir D] [--modes headless,xvfb]");
                    System.exit(2);
                }
            }
        }
        System.out.printf(Locale.ROOT, "# Osprey bench: Java %s, %d cores, max heap %d MB, %s %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.arch"));
        if (what.equals("import") || what.equals("all")) {
            new ImportBench(dir, sizeMb * 1_000_000, repeats, System.out).run();
        }
        if (what.equals("coldstart") || what.equals("all")) {
            new ColdStartBench(dir, runs, System.out).run(modes);
        }
        if (what.equals("all")) {
            new TrainingBench(dir, TrainingBench.Sizes.FULL, System.out).run();
        }
    }
}
