package dev.osprey.app.cli;

import dev.osprey.core.json.Json;
import dev.osprey.core.label.ConsolidatedLabel;
import dev.osprey.core.label.LabelClass;
import dev.osprey.core.label.LabelException;
import dev.osprey.core.label.LabelFormat;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelJobSpec;
import dev.osprey.core.label.LabelService;
import dev.osprey.core.label.LabelStats;
import dev.osprey.core.label.LabelStore;
import dev.osprey.core.label.LabelTaskType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/** {@code osprey label ...}: labeling jobs from the terminal. */
@Command(name = "label", description = "Create labeling jobs, import and export labels, consolidate, and show agreement.",
        subcommands = {LabelCommand.Create.class, LabelCommand.ListJobs.class, LabelCommand.Import.class,
                LabelCommand.Export.class, LabelCommand.Consolidate.class, LabelCommand.Stats.class,
                LabelCommand.Auto.class, LabelCommand.Train.class, LabelPrelabelCommand.class, LabelGoldCommand.class})
final class LabelCommand extends GroupCommand {

    /** Runs {@code work} on the workspace's labeling service, turning a labeling failure into a plain message. */
    abstract static class LabelWork extends HeadlessCommand {
        interface Work {
            int run(LabelService labels) throws LabelException, IOException, CliException;
        }

        final int withLabels(Work work) throws Exception {
            Path workspace = root().resolveWorkspace(err());
            try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
                return work.run(session.engine().labeling());
            } catch (LabelException | IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }
    }

    @Command(name = "create", description = "Create a job over a folder of images, a file of texts (one per line, or JSON Lines "
            + "with a \"text\" field), or a text column of a workspace dataset (--dataset NAME --column COL).")
    static final class Create extends LabelWork {
        @Option(names = "--job", required = true, paramLabel = "NAME", description = "The job's name.")
        String job;
        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "image-classification, image-multi-label, bounding-box, text-classification, text-multi-label or named-entity.")
        String type;
        @Option(names = "--classes", required = true, split = ",", paramLabel = "A,B,...", description = "The class names; hotkeys 1..9, 0 in this order.")
        List<String> classes;
        @Option(names = "--images", paramLabel = "DIR", description = "A folder of images (jpg, png, gif, bmp), labelled in name order.")
        Path images;
        @Option(names = "--texts", paramLabel = "FILE", description = "A .txt file (one text per line) or .jsonl file (\"text\" or \"source\" field).")
        Path texts;
        @Option(names = "--dataset", paramLabel = "NAME", description = "A workspace dataset whose --column holds the texts.")
        String dataset;
        @Option(names = "--column", paramLabel = "COL", description = "The dataset's text column (with --dataset).")
        String column;
        @Option(names = "--per-item", defaultValue = "1", paramLabel = "N", description = "Annotations wanted per item (default 1).")
        int perItem;
        @Option(names = "--instructions", defaultValue = "", paramLabel = "TEXT", description = "What annotators should do.")
        String instructions;

        @Override
        public Integer call() throws Exception {
            LabelTaskType taskType;
            try {
                taskType = LabelTaskType.valueOf(type.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CliException("unknown task type '" + type + "'; see osprey label create --help", ExitCodes.USAGE, null);
            }
            if ((images != null ? 1 : 0) + (texts != null ? 1 : 0) + (dataset != null ? 1 : 0) != 1) {
                throw new CliException("give one of --images DIR, --texts FILE or --dataset NAME --column COL", ExitCodes.USAGE, null);
            }
            if ((dataset == null) != (column == null)) {
                throw new CliException("--dataset and --column go together", ExitCodes.USAGE, null);
            }
            if (dataset != null) {
                return fromDataset(taskType);
            }
            if (taskType.textItems() != (texts != null)) {
                throw new CliException("a " + type + " job labels " + (taskType.textItems() ? "texts: use --texts" : "images: use --images"),
                        ExitCodes.USAGE, null);
            }
            List<String> sources = images != null ? imagesIn(resolve(images)) : textsIn(resolve(texts));
            if (sources.isEmpty()) {
                throw new CliException("found nothing to label in " + (images != null ? images : texts));
            }
            return withLabels(labels -> {
                LabelJob created = labels.store().create(new LabelJobSpec(job, taskType,
                        LabelClass.of(classes.stream().map(String::strip).toArray(String[]::new)), instructions, perItem), sources);
                out().println("Created labeling job '" + created.name() + "' with " + created.items() + " items.");
                out().flush();
                return ExitCodes.OK;
            });
        }

        private int fromDataset(LabelTaskType taskType) throws Exception {
            if (!taskType.textItems()) {
                throw new CliException("a " + type + " job labels images: use --images", ExitCodes.USAGE, null);
            }
            Path workspace = root().resolveWorkspace(err());
            try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
                var engine = session.engine();
                var created = dev.osprey.core.label.DatasetTexts.create(engine.labeling().store(), engine.datasets(),
                        new LabelJobSpec(job, taskType, LabelClass.of(classes.stream().map(String::strip).toArray(String[]::new)),
                                instructions, perItem), dataset, column);
                out().println("Created labeling job '" + created.job().name() + "' with " + created.job().items() + " items from column '"
                        + column + "' of dataset '" + dataset + "'" + (created.blankRows() == 0 ? "." : " (" + created.blankRows()
                        + " empty rows left out)."));
                out().flush();
                return ExitCodes.OK;
            } catch (LabelException | IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }

        private static List<String> imagesIn(Path dir) throws CliException, IOException {
            if (!Files.isDirectory(dir)) {
                throw new CliException(dir + " is not a folder");
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|gif|bmp)$"))
                        .sorted().map(p -> p.toAbsolutePath().toString()).toList();
            }
        }

        private static List<String> textsIn(Path file) throws CliException, IOException {
            if (!Files.isRegularFile(file)) {
                throw new CliException(file + " is not a file");
            }
            List<String> out = new ArrayList<>();
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                if (file.toString().endsWith(".jsonl")) {
                    Object parsed;
                    try {
                        parsed = Json.parse(line);
                    } catch (RuntimeException e) {
                        throw new CliException(file.getFileName() + " line " + n + ": not JSON");
                    }
                    Object text = parsed instanceof Map<?, ?> m ? (m.containsKey("text") ? m.get("text") : m.get("source")) : null;
                    if (!(text instanceof String s)) {
                        throw new CliException(file.getFileName() + " line " + n + ": no \"text\" or \"source\" field");
                    }
                    out.add(s);
                } else {
                    out.add(line);
                }
            }
            return out;
        }
    }

    @Command(name = "list", description = "List the labeling jobs with their progress.")
    static final class ListJobs extends LabelWork {
        @Override
        public Integer call() throws Exception {
            return withLabels(labels -> {
                TextTable table = new TextTable(List.of("JOB", "TYPE", "CLASSES", "ITEMS", "DONE", "ANNOTATORS"),
                        false, false, true, true, true, false);
                LabelStore store = labels.store();
                List<LabelJob> jobs = store.jobs();
                for (LabelJob j : jobs) {
                    LabelStore.Progress p = store.progress(j);
                    table.add(List.of(j.name(), j.spec().type().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            Integer.toString(j.spec().classes().size()), Long.toString(p.items()), Long.toString(p.done()),
                            p.perAnnotator().isEmpty() ? "-" : String.join(",", p.perAnnotator().keySet())));
                }
                if (jobs.isEmpty()) {
                    out().println("No labeling jobs. Create one with: osprey label create --job NAME --type ... --classes ...");
                    out().flush();
                } else {
                    table.print(out());
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "import", description = "Read a labelled file into a job (created when missing).")
    static final class Import extends LabelWork {
        @Option(names = "--job", required = true, paramLabel = "NAME")
        String job;
        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "groundtruth, coco, yolo, voc, conll or csv.")
        String format;
        @Option(names = "--annotator", defaultValue = "import", paramLabel = "NAME", description = "Who the labels are recorded as (default: import).")
        String annotator;
        @picocli.CommandLine.Parameters(paramLabel = "FILE", description = "The file (a folder for yolo and voc).")
        Path file;

        @Override
        public Integer call() throws Exception {
            Path in = resolve(file);
            if (!Files.exists(in)) {
                throw new CliException(in + " does not exist");
            }
            return withLabels(labels -> {
                LabelJob imported = labels.importFile(job, LabelFormat.parse(format), in, annotator);
                out().println("Job '" + imported.name() + "' now has " + imported.items() + " items.");
                out().flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "export", description = "Write the job's consolidated labels in a format.")
    static final class Export extends LabelWork {
        @Option(names = "--job", required = true, paramLabel = "NAME")
        String job;
        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "groundtruth, coco, yolo, voc, conll or csv.")
        String format;
        @Option(names = "--output", required = true, paramLabel = "FILE", description = "The file (a folder for yolo and voc).")
        Path output;

        @Override
        public Integer call() throws Exception {
            return withLabels(labels -> {
                int n = labels.export(job, LabelFormat.parse(format), resolve(output));
                err().println("Wrote " + n + " labelled items to " + resolve(output));
                err().flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "consolidate", description = "Combine each item's annotations into one label with a confidence; writes labeling/JOB/output.manifest.")
    static final class Consolidate extends LabelWork {
        @Option(names = "--job", required = true, paramLabel = "NAME")
        String job;

        @Override
        public Integer call() throws Exception {
            return withLabels(labels -> {
                List<ConsolidatedLabel> out = labels.consolidate(job);
                long low = out.stream().filter(l -> l.confidence() < 0.7).count();
                out().printf(Locale.ROOT, "Consolidated %d items (%d below 0.70 confidence: review them first).%n", out.size(), low);
                out().flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "stats", description = "Progress, agreement (Cohen's and Fleiss' kappa, Krippendorff's alpha) and per-annotator figures.")
    static final class Stats extends LabelWork {
        @Option(names = "--job", required = true, paramLabel = "NAME")
        String job;

        @Override
        public Integer call() throws Exception {
            return withLabels(labels -> {
                LabelStats s = labels.stats(job);
                out().printf(Locale.ROOT, "Job %s: %d items, %d annotated%n", job, s.items(), s.annotated());
                out().println("Cohen's kappa:        " + fmt(s.cohensKappa()));
                out().println("Fleiss' kappa:        " + fmt(s.fleissKappa()));
                out().println("Krippendorff's alpha: " + fmt(s.krippendorffAlpha()));
                out().println("Gold items:           " + s.goldItems() + (s.goldItems() == 0 ? " (mark some with osprey label gold)" : ""));
                TextTable table = new TextTable(List.of("ANNOTATOR", "ANSWERS", "MEAN S", "VS CONSOLIDATED", "VS GOLD", "GOLD ITEMS"),
                        false, true, true, true, true, true);
                s.annotators().forEach((name, f) -> table.add(List.of(name, Long.toString(f.answers()),
                        String.format(Locale.ROOT, "%.1f", f.meanSeconds()), fmt(f.accuracyVsConsolidated()),
                        fmt(f.accuracyVsGold()), Long.toString(f.goldAnswered()))));
                table.print(out());
                TextTable classes = new TextTable(List.of("CLASS", "CONSOLIDATED"), false, true);
                s.consolidatedPerClass().forEach((k, v) -> classes.add(List.of(k, Long.toString(v))));
                classes.print(out());
                return ExitCodes.OK;
            });
        }

        private static String fmt(OptionalDouble d) {
            return d.isPresent() ? String.format(Locale.ROOT, "%.3f", d.getAsDouble()) : "-";
        }
    }

    @Command(name = "auto", description = "One active-learning round: train on the labels so far, auto-label the items the model is "
            + "sure of (at the target accuracy measured on held-back labels), queue the rest least confident first.")
    static final class Auto extends LabelWork {
        @Option(names = "--job", required = true, paramLabel = "NAME")
        String job;
        @Option(names = "--target", defaultValue = "0.95", paramLabel = "ACC", description = "Accuracy auto-labels must reach (default 0.95).")
        double target;
        @Option(names = "--seed", defaultValue = "42", paramLabel = "N")
        long seed;

        @Override
        public Integer call() throws Exception {
            Path workspace = root().resolveWorkspace(err());
            return withLabels(labels -> {
                var r = new dev.osprey.core.label.ActiveLearning(labels, workspace).run(job, target, 0.2, seed,
                        dev.osprey.core.job.JobContext.NONE);
                out().printf(Locale.ROOT, "Trained on %d labels, checked on %d held back.%n", r.trainedOn(), r.heldOut());
                if (r.threshold().isPresent()) {
                    out().printf(Locale.ROOT, "Threshold %.3f: %.1f%% right on %d held-back items.%n", r.threshold().getAsDouble(),
                            100 * r.heldOutAccuracy().getAsDouble(), r.heldOutCovered());
                } else {
                    out().printf(Locale.ROOT, "No confidence level reaches %.0f%% accuracy yet: nothing auto-labelled.%n", 100 * target);
                }
                out().printf(Locale.ROOT, "Auto-labelled %d items; %d queued for people, least confident first.%n",
                        r.autoLabelled(), r.queuedForPeople());
                out().flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "train", description = "Train a model from a finished classification job: its labels become a features dataset and a training run.")
    static final class Train extends LabelWork {
        @Option(names = "--job", required = true, paramLabel = "NAME")
        String job;
        @Option(names = "--algorithm", defaultValue = "logistic_regression", paramLabel = "ALG",
                description = "Any classification algorithm id (default logistic_regression).")
        String algorithm;
        @Option(names = "--register", paramLabel = "NAME",
                description = "Register the model as the next version of NAME (then: osprey label prelabel --model NAME).")
        String register;

        @Override
        public Integer call() throws Exception {
            Path workspace = root().resolveWorkspace(err());
            try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
                var engine = session.engine();
                var out = new dev.osprey.core.label.LabelsToModel(engine.workspace(), engine.labeling(), engine.datasets(),
                        engine.training()).train(job, algorithm, dev.osprey.core.job.JobContext.NONE);
                out().println("Dataset " + out.dataset().name() + ", run " + out.result().runId().value() + ":");
                out.result().metrics().forEach((k, v) -> out().printf(Locale.ROOT, "  %-20s %.4f%n", k, v));
                if (register != null) {
                    out().println("Registered as " + engine.registry().register(out.result().runId(), register) + ".");
                }
                out().flush();
                return ExitCodes.OK;
            } catch (LabelException | dev.osprey.core.registry.RegistryException e) {
                throw new CliException(e.getMessage());
            }
        }
    }
}
