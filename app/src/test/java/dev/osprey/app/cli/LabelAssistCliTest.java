package dev.osprey.app.cli;

import dev.osprey.core.Engine;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.label.LabelItem;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelValue;
import dev.osprey.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey label prelabel, gold, and create --dataset --column, in-process. */
class LabelAssistCliTest {
    @TempDir
    Path tmp;
    CliHarness cli;
    String ws;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(tmp.resolve("home"), tmp);
        Workspace.create(tmp.resolve("ws")).close();
        ws = tmp.resolve("ws").toString();
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-w");
        all.add(ws);
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void prelabelsWithAModelTrainedFromLabelsAndRefusesOthers() throws Exception {
        StringBuilder csv = new StringBuilder("source,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2 == 0 ? "lovely great superb" : "awful boring dreadful").append(" film ").append(i).append(',')
                    .append(i % 2 == 0 ? "pos" : "neg").append('\n');
        }
        Path labelled = tmp.resolve("labelled.csv");
        Files.writeString(labelled, csv);
        assertThat(run("label", "import", "--job", "reviews", "--format", "csv", "--annotator", "ann", labelled.toString())
                .exitCode()).isZero();
        CliHarness.Result r = run("label", "train", "--job", "reviews", "--register", "sentiment");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Registered as sentiment v1.");
        Path texts = tmp.resolve("new.txt");
        Files.writeString(texts, "a lovely superb film\nan awful dreadful film\na great film\n");
        assertThat(run("label", "create", "--job", "fresh", "--type", "text-classification", "--classes", "neg,pos",
                "--texts", texts.toString()).exitCode()).isZero();

        r = run("label", "prelabel", "--job", "fresh", "--model", "sentiment:1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Model sentiment v1 suggested a class for 3 items (0 already labelled by people).", "pos");
        try (Engine engine = Engine.open(tmp.resolve("ws"))) {
            LabelJob job = engine.labeling().store().require("fresh");
            List<LabelItem> items = engine.labeling().store().items(job.id(), 0, 10);
            assertThat(engine.labeling().store().suggestion(items.get(0).id()).orElseThrow().value())
                    .isEqualTo(new LabelValue.Classes(List.of(1)));
            assertThat(engine.labeling().store().suggestion(items.get(1).id()).orElseThrow().value())
                    .isEqualTo(new LabelValue.Classes(List.of(0)));
        }

        r = run("label", "prelabel", "--job", "fresh");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("give either --model NAME[:VERSION] or --from FILE");
        r = run("label", "prelabel", "--job", "fresh", "--model", "nosuch");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("nosuch");
        r = run("label", "prelabel", "--job", "reviews", "--model", "sentiment:1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("suggested a class for 0 items (40 already labelled by people)");
    }

    @Test
    void createsAJobFromADatasetColumnAndScoresAnnotatorsAgainstGold() throws Exception {
        Path csv = tmp.resolve("tickets.csv");
        Files.writeString(csv, "id,body\n1,Printer is on fire\n2,\n3,Cannot log in\n4,Password expired\n");
        try (Engine engine = Engine.open(tmp.resolve("ws"))) {
            engine.datasets().importFile(new ImportRequest(csv, "tickets", null, StorageMode.COPY), JobContext.NONE);
        }
        CliHarness.Result r = run("label", "create", "--job", "triage", "--type", "text-classification", "--classes", "hw,account",
                "--dataset", "tickets", "--column", "body");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created labeling job 'triage' with 3 items from column 'body' of dataset 'tickets' (1 empty rows left out).");
        r = run("label", "create", "--job", "t2", "--type", "text-classification", "--classes", "a,b", "--dataset", "tickets",
                "--column", "nope");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("dataset 'tickets' has no column 'nope' (its columns: [id, body])");
        r = run("label", "create", "--job", "t2", "--type", "text-classification", "--classes", "a,b", "--dataset", "tickets");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--dataset and --column go together");

        r = run("label", "gold", "--job", "triage", "--item", "1", "--label", "hw");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Item 1 (Printer is on fire) is gold: hw.");
        Path goldFile = tmp.resolve("gold.csv");
        Files.writeString(goldFile, "source,label\nCannot log in,account\n");
        r = run("label", "gold", "--job", "triage", "--file", goldFile.toString());
        assertThat(r.out()).contains("Marked 1 gold items from gold.csv.");
        r = run("label", "gold", "--job", "triage");
        assertThat(r.out()).contains("1\tPrinter is on fire", "2\tCannot log in");
        r = run("label", "gold", "--job", "triage", "--item", "7", "--label", "hw");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("there is no item 7");

        Path ann = tmp.resolve("ann.csv");
        Files.writeString(ann, "source,label\nPrinter is on fire,hw\nCannot log in,hw\nPassword expired,account\n");
        assertThat(run("label", "import", "--job", "triage", "--format", "csv", "--annotator", "ann", ann.toString()).exitCode()).isZero();
        r = run("label", "stats", "--job", "triage");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Gold items:           2");
        assertThat(r.out().lines().filter(l -> l.startsWith("ann")).findFirst().orElseThrow()).contains("0.500");
    }
}
