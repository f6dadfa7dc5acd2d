package dev.osprey.core.data;

import dev.osprey.core.workspace.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh workspace with its dataset service, and helpers to write input files. */
final class Fixture implements AutoCloseable {
    final Path dir;
    final Workspace workspace;
    final DatasetService service;

    private Fixture(Path dir, Workspace workspace, DatasetService service) {
        this.dir = dir;
        this.workspace = workspace;
        this.service = service;
    }

    static Fixture create(Path tmp) throws Exception {
        Workspace ws = Workspace.create(tmp.resolve("ws"));
        return new Fixture(tmp, ws, DatasetService.open(ws));
    }

    static Fixture reopen(Path tmp) throws Exception {
        Workspace ws = Workspace.open(tmp.resolve("ws"));
        return new Fixture(tmp, ws, DatasetService.open(ws));
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    Path writeBytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    Dataset importCopy(Path file) throws DataException {
        return service.importFile(ImportRequest.of(file), null);
    }

    List<String> dataFiles() throws IOException {
        try (Stream<Path> s = Files.list(workspace.dataDir())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Nothing of a failed import is left: no catalog row, no file (not even a temporary one) in data/. */
    void assertLeftNothing() throws Exception {
        assertThat(service.list()).isEmpty();
        assertThat(dataFiles()).isEmpty();
        try (Stream<Path> s = Files.list(workspace.root())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".osprey-tmp-"));
        }
    }

    @Override
    public void close() {
        service.close();
        workspace.close();
    }
}
