package dev.osprey.core.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every malformed input is refused with a short message, and leaves the workspace as it was. */
class ImportFailureTest {
    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void open() throws Exception {
        fx = Fixture.create(tmp);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private ImportException refused(Path file, DataFormat format, StorageMode mode) throws Exception {
        ImportRequest request = new ImportRequest(file, null, format, mode);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> fx.service.importFile(request, null));
        assertThat(t).isInstanceOf(ImportException.class);
        fx.assertLeftNothing();
        return (ImportException) t;
    }

    @ParameterizedTest
    @EnumSource(StorageMode.class)
    void emptyFile(StorageMode mode) throws Exception {
        ImportException e = refused(fx.write("empty.csv", ""), null, mode);
        assertThat(e).hasMessage("The file is empty.");
    }

    @Test
    void blankFile() throws Exception {
        assertThat(refused(fx.write("blank.csv", "\n\n  \n"), null, StorageMode.COPY)).hasMessageStartingWith("The file is empty");
    }

    @ParameterizedTest
    @EnumSource(StorageMode.class)
    void headerOnly(StorageMode mode) throws Exception {
        ImportException e = refused(fx.write("header.csv", "a,b,c\n"), null, mode);
        assertThat(e).hasMessage("The file has a header line but no data rows.");
    }

    @ParameterizedTest
    @EnumSource(StorageMode.class)
    void raggedRowNamesTheLine(StorageMode mode) throws Exception {
        ImportException e = refused(fx.write("ragged.csv", "a,b,c\n1,x,2.5\n2,y,3\n3,z,4,5\n4,w,1\n"), null, mode);
        assertThat(e).hasMessage("Line 4: expected 3 fields, found more than 3.");
        assertThat(e.line()).hasValue(4);
    }

    @Test
    void aRowWithManyExtraFieldsIsNotMiscounted() throws Exception {
        ImportException e = refused(fx.write("wide.csv", "a,b\n1,2\n3,4\n5,6,7,8\n"), null, StorageMode.LINK);
        assertThat(e).hasMessage("Line 4: expected 2 fields, found more than 2.");
        assertThat(e.line()).hasValue(4);
    }

    @Test
    void raggedRowFarBeyondTheSnifferSample() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append(i).append(",x\n");
        }
        sb.append("1\n");
        ImportException e = refused(fx.write("long.csv", sb.toString()), null, StorageMode.COPY);
        assertThat(e).hasMessage("Line 50002: expected 2 fields, found 1.");
    }

    @Test
    void commaSeparatedFileImportedAsTsvSuggestsCsv() throws Exception {
        ImportException e = refused(fx.write("data.tsv", "a,b,c\n1,2,3\n"), DataFormat.TSV, StorageMode.COPY);
        assertThat(e.getMessage()).contains("not tab-separated").contains("Import it as CSV");
    }

    @Test
    void invalidUtf8NamesTheLine() throws Exception {
        byte[] bytes = "name,city\nAda,Oslo\nBo,".getBytes(StandardCharsets.UTF_8);
        byte[] withBad = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        withBad[bytes.length] = (byte) 0xff;
        withBad[bytes.length + 1] = (byte) 0xfe;
        withBad[bytes.length + 2] = '\n';
        ImportException e = refused(fx.writeBytes("latin.csv", withBad), null, StorageMode.COPY);
        assertThat(e.getMessage()).startsWith("Line 3: the text is not valid UTF-8");
    }

    @Test
    void pngImage() throws Exception {
        byte[] png = new byte[2048];
        new Random(1).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
        ImportException e = refused(fx.writeBytes("photo.csv", png), null, StorageMode.COPY);
        assertThat(e).hasMessageStartingWith("This is a PNG image, not a table of data.");
    }

    @Test
    void randomBytes() throws Exception {
        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        ImportException e = refused(fx.writeBytes("noise.csv", noise), null, StorageMode.LINK);
        assertThat(e).hasMessageStartingWith("This is a binary file, not CSV text");
    }

    @Test
    void malformedJsonArrayNamesTheRecord() throws Exception {
        ImportException e = refused(fx.write("bad.json", "[{\"a\":1,\"b\":\"x\"},\n {\"a\":2,\"b\":\"y\"},\n {\"a\":3 \"b\":\"z\"}]"),
                null, StorageMode.COPY);
        assertThat(e).hasMessageStartingWith("Record 3: malformed JSON");
    }

    @Test
    void malformedJsonLinesNamesTheLine() throws Exception {
        ImportException e = refused(fx.write("bad.jsonl", "{\"a\":1}\n{\"a\":2 \"b\":3}\n{\"a\":3}\n{\"a\":4}\n"), null, StorageMode.COPY);
        assertThat(e).hasMessageStartingWith("Line 2: malformed JSON");
        assertThat(e.line()).hasValue(2);
    }

    @Test
    void notJsonAtAll() throws Exception {
        assertThat(refused(fx.write("x.json", "hello, world\n"), null, StorageMode.COPY))
                .hasMessageContaining("this is not JSON");
    }

    @Test
    void textFileCalledParquet() throws Exception {
        assertThat(refused(fx.write("x.parquet", "a,b\n1,2\n"), null, StorageMode.COPY)).hasMessageContaining("not a Parquet file");
    }

    @Test
    void missingFile() throws Exception {
        Path nowhere = tmp.resolve("no-such.csv");
        assertThatThrownBy(() -> fx.importCopy(nowhere)).isInstanceOf(DataException.class)
                .hasMessage("There is no file " + nowhere + ".");
        fx.assertLeftNothing();
    }

    @Test
    void nameAlreadyTaken() throws Exception {
        Dataset first = fx.importCopy(fx.write("sales.csv", "a\n1\n"));
        Path other = fx.write("other.csv", "b\n2\n");
        assertThatThrownBy(() -> fx.service.importFile(new ImportRequest(other, "Sales", null, StorageMode.COPY), null))
                .isInstanceOf(DataException.class).hasMessageContaining("'Sales' already exists");
        assertThat(fx.service.list()).containsExactly(first);
        assertThat(fx.dataFiles()).containsExactly("sales.csv");
    }

    @Test
    void sparseArff() throws Exception {
        ImportException e = refused(fx.write("s.arff", "@relation r\n@attribute a numeric\n@attribute b numeric\n@data\n{0 1, 1 2}\n"),
                null, StorageMode.COPY);
        assertThat(e.getMessage()).contains("sparse ARFF").contains("not supported");
    }

    @Test
    void arffValueOutsideTheNominalList() throws Exception {
        ImportException e = refused(fx.write("n.arff", "@relation r\n@attribute a {yes,no}\n@data\nyes\nmaybe\n"), null, StorageMode.COPY);
        assertThat(e.getMessage()).startsWith("Line 5:").contains("\"maybe\" is not one of the declared values");
    }
}
