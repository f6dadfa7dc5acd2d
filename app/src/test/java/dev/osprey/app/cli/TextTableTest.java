package dev.osprey.app.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {
    @Test
    void alignsTextLeftAndNumbersRight() {
        TextTable t = new TextTable(List.of("NAME", "ROWS", "FORMAT"), false, true, false);
        t.add(List.of("exam_scores", "1,000", "CSV"));
        t.add(List.of("a", "7", "Parquet"));
        StringWriter out = new StringWriter();
        t.print(new PrintWriter(out));
        assertThat(out.toString().lines().toList()).containsExactly(
                "NAME          ROWS  FORMAT",
                "exam_scores  1,000  CSV",
                "a                7  Parquet");
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        TextTable t = new TextTable(List.of("A", "B"), false, false);
        assertThatThrownBy(() -> t.add(List.of("1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
