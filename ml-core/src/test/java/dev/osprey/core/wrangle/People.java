package dev.osprey.core.wrangle;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real workspace with a small, awkward CSV (missing values, text dates, a text column with a few
 * non-numbers, padded names, an imbalanced label, an outlier), imported the normal way. The same rows
 * are kept as typed Java maps so each test computes its expectation without DuckDB.
 */
final class People implements AutoCloseable {
    static final int ROWS = 60;
    static final String[] NAMES = {"  Alice ", "bob", "CAROL  ", "dave", " Eve", "frank"};
    static final String[] CITIES = {"Oslo", "Lima", "Pune", "Kyiv"};

    final Engine engine;
    final Dataset people;
    final Dataset cities;
    final List<Map<String, Object>> rows = new ArrayList<>();

    People(Path tmp) throws Exception {
        engine = Engine.create(tmp.resolve("ws"));
        StringBuilder csv = new StringBuilder("id,name,age,income,city,joined,qty,label,code\n");
        for (int i = 1; i <= ROWS; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", (long) i);
            r.put("name", NAMES[i % NAMES.length]);
            r.put("age", i % 9 == 0 ? null : (long) (18 + (i * 7) % 50));
            r.put("income", i % 11 == 0 ? null : i == 30 ? 1_000_000.0 : 1000.5 * ((i * 13) % 17) + 0.25);
            r.put("city", i % 13 == 0 ? null : CITIES[i % 4]);
            r.put("joined", i % 17 == 0 ? "n/a" : String.format("%02d/%02d/20%02d", i % 28 + 1, i % 12 + 1, 10 + i % 10));
            r.put("qty", i % 10 == 0 ? "x" + i : String.valueOf(i * 3 % 40));
            r.put("label", i % 5 == 0 ? "spam" : "ham");
            r.put("code", "A-" + i % 3 + "-z" + i);
            rows.add(r);
            csv.append(i).append(",\"").append(r.get("name")).append("\",").append(blank(r.get("age"))).append(',')
                    .append(blank(r.get("income"))).append(',').append(blank(r.get("city"))).append(',').append(r.get("joined"))
                    .append(',').append(r.get("qty")).append(',').append(r.get("label")).append(',').append(r.get("code"))
                    .append('\n');
        }
        Path file = Files.writeString(tmp.resolve("people.csv"), csv, StandardCharsets.UTF_8);
        people = engine.datasets().importFile(ImportRequest.of(file), null);
        Path other = Files.writeString(tmp.resolve("cities.csv"), "city,country,pop\nOslo,Norway,0.7\nLima,Peru,10.0\n"
                + "Rome,Italy,2.8\n", StandardCharsets.UTF_8);
        cities = engine.datasets().importFile(ImportRequest.of(other), null);
    }

    RecipeService recipes() {
        return engine.recipes();
    }

    /** The recipe's result on the whole file (the sample holds every row of this small file). */
    List<Map<String, Object>> run(Step... steps) throws WrangleException {
        return run(Recipe.of(steps));
    }

    List<Map<String, Object>> run(Recipe recipe) throws WrangleException {
        return maps(recipes().preview(people.id(), recipe, 100_000));
    }

    static List<Map<String, Object>> maps(Preview p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : p.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < p.columns().size(); i++) {
                m.put(p.columns().get(i).name(), row.get(i));
            }
            out.add(m);
        }
        return out;
    }

    List<Object> column(String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    List<Double> numbers(String name) {
        return rows.stream().map(r -> r.get(name)).filter(v -> v != null).map(v -> ((Number) v).doubleValue()).toList();
    }

    private static String blank(Object v) {
        return v == null ? "" : v.toString();
    }

    @Override
    public void close() {
        engine.close();
    }
}
