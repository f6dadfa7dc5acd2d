package dev.osprey.notebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.osprey.notebook.kernel.ExecutionEvent.DisplayData;
import dev.osprey.notebook.kernel.ExecutionEvent.Stderr;
import dev.osprey.notebook.kernel.ExecutionEvent.Stdout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real kernel JVM for the whole class: values, output, errors, interrupt, completion, variables, display. */
class KernelTest {
    private static Kernel kernel;

    @BeforeAll
    static void startKernel() throws KernelException {
        kernel = Kernel.startAndWait(KernelOptions.defaults().withMaxHeap("512m"), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopKernel() {
        if (kernel != null) {
            kernel.shutdown();
        }
    }

    static Execution run(String cell) throws Exception {
        Execution ex = kernel.execute(cell);
        ex.await(Duration.ofSeconds(60));
        return ex;
    }

    static ExecutionOutcome outcome(Execution ex) {
        return ex.completion().join().outcome();
    }

    @Test
    void theLastExpressionIsTheResult() throws Exception {
        Execution ex = run("int a = 20;\na + 22");
        assertThat(outcome(ex)).isEqualTo(ExecutionOutcome.OK);
        assertThat(ex.result()).hasValueSatisfying(b -> assertThat(b.plainText()).isEqualTo("42"));
        assertThat(kernel.status()).isEqualTo(KernelStatus.IDLE);
    }

    @Test
    void aDeclarationAloneShowsNoResult() throws Exception {
        Execution ex = run("String greeting = \"hello\";");
        assertThat(outcome(ex)).isEqualTo(ExecutionOutcome.OK);
        assertThat(ex.result()).isEmpty();
        assertThat(run("greeting.length()").result().orElseThrow().plainText()).isEqualTo("5");
    }

    @Test
    void stdoutAndStderrArriveInOrder() throws Exception {
        Execution ex = run("System.out.println(\"one\");\nSystem.err.println(\"two\");\nSystem.out.print(\"thrée\");");
        List<String> seen = new ArrayList<>();
        for (ExecutionEvent e : ex.events()) {
            if (e instanceof Stdout(String t)) {
                seen.add("out:" + t);
            } else if (e instanceof Stderr(String t)) {
                seen.add("err:" + t);
            }
        }
        assertThat(String.join("|", seen)).isEqualTo("out:one\n|err:two\n|out:thrée");
        assertThat(ex.events().getLast()).isInstanceOf(ExecutionEvent.Completed.class);
    }

    @Test
    void aCellHoldsImportsMethodsClassesAndStatements() throws Exception {
        String cell = """
                import java.util.concurrent.atomic.AtomicInteger;
                record Point(int x, int y) { int sum() { return x + y; } }
                int twice(int v) {
                    return 2 * v;
                }
                var counter = new AtomicInteger();
                for (int i = 0; i < 3; i++) counter.incrementAndGet();
                twice(new Point(1, counter.get()).sum())
                """;
        Execution ex = run(cell);
        assertThat(ex.error()).isEmpty();
        assertThat(ex.result().orElseThrow().plainText()).isEqualTo("8");
    }

    @Test
    void aCompileErrorPointsToItsLineInTheCell() throws Exception {
        Execution ex = run("int ok = 1;\n\n// a comment\nString s = ok;\nSystem.out.println(\"never\");");
        assertThat(outcome(ex)).isEqualTo(ExecutionOutcome.ERROR);
        ExecutionEvent.Error err = ex.error().orElseThrow();
        assertThat(err.name()).isEqualTo("CompilationError");
        assertThat(err.line()).isEqualTo(4);
        assertThat(err.message()).contains("incompatible types");
        assertThat(ex.stdout()).isEmpty();
    }

    @Test
    void anErrorInsideAMultiLineSnippetPointsToTheRightLine() throws Exception {
        Execution ex = run("int x = 1;\nint f(int v) {\n  int w = v;\n  return \"text\";\n}");
        ExecutionEvent.Error err = ex.error().orElseThrow();
        assertThat(err.line()).isEqualTo(4);
    }

    @Test
    void aMethodMayUseWhatALaterCellDeclares() throws Exception {
        Execution ex = run("int later() {\n  return notYetDeclared * 2;\n}");
        assertThat(outcome(ex)).isEqualTo(ExecutionOutcome.OK);
        assertThat(ex.stderr()).contains("later").contains("notYetDeclared");
        Execution call = run("later()");
        assertThat(call.error().orElseThrow().name()).isEqualTo("UnresolvedReference");
        assertThat(run("int notYetDeclared = 21;\nlater()").result().orElseThrow().plainText()).isEqualTo("42");
    }

    @Test
    void aRuntimeErrorAfterACommentStillPointsToItsLine() throws Exception {
        Execution ex = run("int[] empty = new int[0];\n// about to fail\n\n/* really */ int bad = empty[3];");
        assertThat(ex.error().orElseThrow().line()).isEqualTo(4);
        assertThat(ex.error().orElseThrow().traceback()).anyMatch(l -> l.contains("cell line 4"));
    }

    @Test
    void aRuntimeExceptionNamesItsClassAndLine() throws Exception {
        Execution ex = run("System.out.println(\"before\");\nint zero = 0;\nint boom = 10 / zero;\nSystem.out.println(\"after\");");
        assertThat(outcome(ex)).isEqualTo(ExecutionOutcome.ERROR);
        ExecutionEvent.Error err = ex.error().orElseThrow();
        assertThat(err.name()).isEqualTo("java.lang.ArithmeticException");
        assertThat(err.message()).contains("/ by zero");
        assertThat(err.line()).isEqualTo(3);
        assertThat(ex.stdout()).isEqualTo("before\n");
    }

    @Test
    void aStackOverflowIsAnErrorAndTheKernelLivesOn() throws Exception {
        Execution ex = run("int down(int n) { return down(n + 1) + 1; }\ndown(0)");
        assertThat(ex.error().orElseThrow().name()).isEqualTo("java.lang.StackOverflowError");
        assertThat(run("1 + 1").result().orElseThrow().plainText()).isEqualTo("2");
    }

    @Test
    void interruptStopsAnEndlessLoop() throws Exception {
        Execution ex = kernel.execute("long n = 0;\nwhile (true) { n++; }");
        Execution queued = kernel.execute("System.out.println(\"queued\");");
        waitUntilBusy();
        Thread.sleep(300);
        long start = System.nanoTime();
        kernel.interrupt();
        ExecutionEvent.Completed done = ex.await(Duration.ofSeconds(10));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(done.outcome()).isEqualTo(ExecutionOutcome.INTERRUPTED);
        assertThat(millis).as("interrupt latency").isLessThan(5_000);
        assertThat(queued.await(Duration.ofSeconds(5)).outcome()).isEqualTo(ExecutionOutcome.ABORTED);
        assertThat(run("\"alive\"").result().orElseThrow().plainText()).isEqualTo("\"alive\"");
    }

    private static void waitUntilBusy() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (kernel.status() != KernelStatus.BUSY && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void completionSuggestsMembers() throws Exception {
        run("String word = \"abc\";");
        String cell = "int unrelated = 1;\nword.toUpp";
        Completions c = kernel.complete(cell, cell.length());
        assertThat(c.suggestions()).extracting(Completions.Suggestion::continuation).contains("toUpperCase(");
        assertThat(c.anchor()).isEqualTo(cell.indexOf("toUpp"));
    }

    @Test
    void documentationGivesTheSignature() throws Exception {
        String cell = "Math.max(";
        List<Documentation> docs = kernel.documentation(cell, cell.length(), false);
        assertThat(docs).extracting(Documentation::signature).anyMatch(s -> s.contains("max(int") || s.contains("max(double"));
    }

    @Test
    void variablesListNamesTypesAndValues() throws Exception {
        run("double rate = 0.25;\nList<String> names = List.of(\"a\", \"b\");");
        List<VariableInfo> vars = kernel.variables();
        assertThat(vars).contains(new VariableInfo("rate", "double", "0.25"));
        assertThat(vars).contains(new VariableInfo("names", "List<String>", "[a, b]"));
    }

    @Test
    void aDataFrameShowsAsATable() throws Exception {
        Execution ex = run("""
                double[][] rows = new double[25][2];
                for (int i = 0; i < 25; i++) { rows[i][0] = i; rows[i][1] = i * i; }
                smile.data.DataFrame.of(rows, "x", "square")
                """);
        assertThat(ex.error()).isEmpty();
        MimeBundle b = ex.result().orElseThrow();
        assertThat(b.get(MimeBundle.HTML).orElseThrow()).contains("<th>square</th>").contains("<td>361.0</td>")
                .doesNotContain("<td>400.0</td>").contains("25 rows × 2 columns");
        assertThat(b.plainText()).contains("square").contains("first 20 of 25 rows");
    }

    @Test
    void displayShowsAnImageInPlace() throws Exception {
        Execution ex = run("""
                System.out.println("before");
                var img = new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
                display(img);
                System.out.println("after");
                """);
        assertThat(ex.error()).isEmpty();
        List<String> kinds = ex.events().stream().map(e -> e.getClass().getSimpleName()).toList();
        assertThat(kinds).containsSubsequence("Stdout", "DisplayData", "Stdout", "Completed");
        DisplayData d = ex.events().stream().filter(DisplayData.class::isInstance).map(DisplayData.class::cast).findFirst().orElseThrow();
        byte[] png = Base64.getDecoder().decode(d.bundle().get(MimeBundle.PNG).orElseThrow());
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(d.bundle().plainText()).isEqualTo("image 30x20");
    }

    @Test
    void chartsMarkdownAndHtmlRender() throws Exception {
        Execution chart = run("Chart.line(new double[] {1, 3, 2, 5}).title(\"loss\")");
        assertThat(chart.result().orElseThrow().get(MimeBundle.PNG)).isPresent();
        Execution hist = run("Chart.histogram(new double[] {1, 2, 2, 3, 3, 3}, 3)");
        assertThat(hist.result().orElseThrow().get(MimeBundle.PNG)).isPresent();
        Execution md = run("new Markdown(\"# Title\")");
        assertThat(md.result().orElseThrow().get(MimeBundle.MARKDOWN)).hasValue("# Title");
        Execution html = run("display(new Html(\"<b>bold</b>\"));");
        DisplayData d = (DisplayData) html.events().stream().filter(DisplayData.class::isInstance).findFirst().orElseThrow();
        assertThat(d.bundle().get(MimeBundle.HTML)).hasValue("<b>bold</b>");
    }

    @Test
    void anObjectResultFallsBackToItsText() throws Exception {
        Execution ex = run("new StringBuilder(\"built\")");
        assertThat(ex.result().orElseThrow().plainText()).isEqualTo("built");
    }
}
