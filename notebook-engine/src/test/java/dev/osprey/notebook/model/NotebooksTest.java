package dev.osprey.notebook.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebooksTest {
    @TempDir
    Path dir;

    static String fixture(String name) throws IOException {
        try (InputStream in = NotebooksTest.class.getResourceAsStream("/notebooks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aJupyterWrittenNotebookRoundTripsByteForByte() throws Exception {
        String text = fixture("jupyter-written.ipynb");
        Notebook nb = Notebooks.parse(text);
        assertThat(Notebooks.toJson(nb)).isEqualTo(text);
    }

    @Test
    void cellsOutputsAndMetadataAreRead() throws Exception {
        Notebook nb = Notebooks.parse(fixture("jupyter-written.ipynb"));
        assertThat(nb.cells()).hasSize(6);
        assertThat(nb.metadata().get("kernelspec")).isEqualTo(Map.of("display_name", "Java (Osprey)", "language", "java", "name", "osprey-java"));

        Cell.Markdown md = (Cell.Markdown) nb.cells().get(0);
        assertThat(md.source()).startsWith("# Churn model\n\nÜnïcödé, a \"quote\" and a tab:\there.\n");
        assertThat(md.attachments()).containsKey("dot.png");

        assertThat(nb.cells().get(1).tags()).containsExactly("parameters");

        Cell.Code code = (Cell.Code) nb.cells().get(2);
        assertThat(code.executionCount()).isEqualTo(2);
        assertThat(code.source()).isEqualTo("System.out.println(\"training\");\nSystem.out.println(\"done\");\n42");
        assertThat(code.outputs().get(0)).isEqualTo(new Output.Stream("stdout", "training\ndone\n"));
        Output.ExecuteResult result = (Output.ExecuteResult) code.outputs().get(2);
        assertThat(result.data().get("text/html")).isEqualTo("<table>\n<tr><td>1</td></tr>\n</table>");
        assertThat(result.data().get("application/json")).isEqualTo(Map.of("a", List.of(1L, 2L)));
        @SuppressWarnings("unchecked")
        Map<String, Object> osprey = (Map<String, Object>) code.metadata().get("osprey");
        assertThat(osprey.get("big")).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(osprey).containsEntry("nothing", null);

        Output.Error err = (Output.Error) ((Cell.Code) nb.cells().get(3)).outputs().getFirst();
        assertThat(err.ename()).isEqualTo("java.lang.ArithmeticException");
        assertThat(((Cell.Code) nb.cells().get(4)).executionCount()).isNull();
        assertThat(nb.cells().get(5)).isInstanceOf(Cell.Raw.class);
    }

    @Test
    void anOlderNotebookGetsCellIdsAndIsWrittenAs45() throws Exception {
        Notebook nb = Notebooks.parse(fixture("old-format.ipynb"));
        assertThat(nb.cells()).allSatisfy(c -> assertThat(c.id()).matches(Cell.ID));
        assertThat(nb.cells().get(0).id()).isNotEqualTo(nb.cells().get(1).id());
        assertThat(nb.cells().get(0).source()).isEqualTo("System.out.println(\"hi\");\nint x = 1;");
        String json = Notebooks.toJson(nb);
        assertThat(json).contains("\"nbformat_minor\": 5").contains("\"System.out.println(\\\"hi\\\");\\n\",");
        assertThat(Notebooks.parse(json)).isEqualTo(nb);
    }

    @Test
    void saveIsAtomicAndReadable() throws Exception {
        Notebook nb = Notebook.create(List.of(Cell.Markdown.of("# Title"), Cell.Code.of("int a = 1;\na + 1")));
        Path file = dir.resolve("notebooks/new.ipynb");
        Notebooks.write(file, nb);
        assertThat(Notebooks.read(file)).isEqualTo(nb);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("new.ipynb");
        }
        assertThat(Files.readString(file)).contains("\"name\": \"osprey-java\"").contains("\"language\": \"java\"");
    }

    @Test
    void badFilesAreRejectedWithAPlace() throws Exception {
        assertThatThrownBy(() -> Notebooks.parse("{\"cells\": [}")).isInstanceOf(NotebookFormatException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Notebooks.parse("{\"nbformat\": 3, \"cells\": []}")).hasMessageContaining("nbformat 3");
        assertThatThrownBy(() -> Notebooks.parse("{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"cell_type\": \"picture\"}]}"))
                .hasMessageContaining("cell 1").hasMessageContaining("picture");
        assertThatThrownBy(() -> Notebooks.parse("[1, 2]")).hasMessageContaining("JSON object");
    }

    @Test
    void linesSplitLikeJupyter() {
        assertThat(Notebooks.lines("a\nb\n")).containsExactly("a\n", "b\n");
        assertThat(Notebooks.lines("a\n\nb")).containsExactly("a\n", "\n", "b");
        assertThat(Notebooks.lines("")).isEmpty();
    }
}
