package dev.osprey.core.label;

import dev.osprey.core.Engine;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text jobs from a dataset column; gold items and per-annotator accuracy against them. */
class GoldAndDatasetTextsTest {
    @TempDir
    Path tmp;

    @Test
    void aTextJobComesFromADatasetColumnSkippingBlankRows() throws Exception {
        Path csv = tmp.resolve("tickets.csv");
        Files.writeString(csv, "id,body,priority\n1,Printer is on fire,3\n2,,1\n3,\"Cannot log in, again\",2\n4,VPN drops hourly,2\n");
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            engine.datasets().importFile(new ImportRequest(csv, "tickets", null, StorageMode.COPY), JobContext.NONE);
            LabelService labels = engine.labeling();
            LabelJobSpec spec = new LabelJobSpec("triage", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("hw", "account"), "", 1);
            DatasetTexts.Created created = DatasetTexts.create(labels.store(), engine.datasets(), spec, "tickets", "body");
            assertThat(created.blankRows()).isEqualTo(1);
            assertThat(created.job().items()).isEqualTo(3);
            assertThat(labels.allItems(created.job()).stream().map(LabelItem::source))
                    .containsExactly("Printer is on fire", "Cannot log in, again", "VPN drops hourly");

            LabelJobSpec other = new LabelJobSpec("t2", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("a", "b"), "", 1);
            assertThatThrownBy(() -> DatasetTexts.create(labels.store(), engine.datasets(), other, "tickets", "text"))
                    .hasMessageContaining("has no column 'text'").hasMessageContaining("[id, body, priority]");
            assertThatThrownBy(() -> DatasetTexts.create(labels.store(), engine.datasets(), other, "nope", "body"))
                    .hasMessageContaining("no dataset named 'nope'");
            LabelJobSpec images = new LabelJobSpec("t3", LabelTaskType.IMAGE_CLASSIFICATION, LabelClass.of("a", "b"), "", 1);
            assertThatThrownBy(() -> DatasetTexts.create(labels.store(), engine.datasets(), images, "tickets", "body"))
                    .hasMessageContaining("gives texts");
            assertThat(labels.store().job("t2")).isEmpty();
        }
    }

    @Test
    void goldItemsScoreEachAnnotator() throws Exception {
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            LabelService labels = engine.labeling();
            LabelJob job = labels.store().create(new LabelJobSpec("spam", LabelTaskType.TEXT_CLASSIFICATION,
                    LabelClass.of("ham", "spam"), "", 2), List.of("hi mum", "WIN A PRIZE", "lunch?", "cheap pills"));
            GoldItems gold = new GoldItems(labels);
            gold.markClasses("spam", 2, List.of("spam"));
            gold.markClasses("spam", 4, List.of("spam"));
            Path goldFile = tmp.resolve("gold.csv");
            Files.writeString(goldFile, "source,label\nhi mum,ham\n");
            assertThat(gold.importFile("spam", LabelFormat.CSV, goldFile)).isEqualTo(1);
            assertThat(gold.list("spam")).extracting(LabelItem::position).containsExactly(0, 1, 3);

            List<LabelItem> items = labels.allItems(job);
            int[] ann = {0, 1, 0, 1};  // right on every gold item
            int[] bob = {1, 1, 0, 0};  // wrong on two of three
            for (int i = 0; i < 4; i++) {
                labels.store().submit(items.get(i).id(), "ann", new LabelValue.Classes(List.of(ann[i])), Duration.ofSeconds(1));
                labels.store().submit(items.get(i).id(), "bob", new LabelValue.Classes(List.of(bob[i])), Duration.ofSeconds(1));
            }
            LabelStats stats = labels.stats("spam");
            assertThat(stats.goldItems()).isEqualTo(3);
            assertThat(stats.annotators().get("ann").accuracyVsGold().getAsDouble()).isEqualTo(1.0);
            assertThat(stats.annotators().get("bob").accuracyVsGold().getAsDouble()).isEqualTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(stats.annotators().get("bob").goldAnswered()).isEqualTo(3);

            gold.clear("spam", 1);
            assertThat(labels.stats("spam").annotators().get("bob").accuracyVsGold().getAsDouble()).isEqualTo(0.5);

            assertThatThrownBy(() -> gold.markClasses("spam", 9, List.of("spam"))).hasMessageContaining("there is no item 9");
            assertThatThrownBy(() -> gold.markClasses("spam", 1, List.of("eggs"))).hasMessageContaining("no class 'eggs'");
            Path stranger = tmp.resolve("stranger.csv");
            Files.writeString(stranger, "source,label\nhi mum,ham\nnot in the job,spam\n");
            assertThatThrownBy(() -> gold.importFile("spam", LabelFormat.CSV, stranger))
                    .hasMessageContaining("'not in the job' is not an item of job 'spam'");
            assertThat(gold.list("spam")).hasSize(2); // checked whole: nothing set from the refused file
        }
    }
}
