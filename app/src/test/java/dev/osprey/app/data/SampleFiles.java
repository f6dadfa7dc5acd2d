package dev.osprey.app.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real data files the tests import. */
final class SampleFiles {
    private SampleFiles() {
    }

    /** 6 rows: an integer id, a decimal price, a text category with one missing value, a boolean. */
    static Path sales(Path dir) throws IOException {
        return write(dir.resolve("sales.csv"), """
                id,price,region,returned
                1,19.99,north,false
                2,5.5,south,true
                3,120.0,,false
                4,42.25,east,false
                5,7.0,north,true
                6,13.75,west,false
                """);
    }

    /** The fourth line (counting the header) has one field too many. */
    static Path ragged(Path dir) throws IOException {
        return write(dir.resolve("ragged.csv"), """
                a,b,c
                1,2,3
                4,5,6
                7,8,9,10
                11,12,13
                """);
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
