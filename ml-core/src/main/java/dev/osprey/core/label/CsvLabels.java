package dev.osprey.core.label;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Classes as CSV: a header {@code source,label[,confidence]}; several classes of a multi-label item
 * are joined with {@code ;}. Sources that look like image files make an image job, else a text job.
 */
final class CsvLabels implements LabelFormat.Codec {
    @Override
    public LabelSet read(Path file) throws LabelException {
        List<String> names = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        boolean multi = false;
        boolean images = true;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = fields(in.readLine(), file.getFileName() + " line 1");
            if (header.size() < 2 || !header.get(0).strip().equalsIgnoreCase("source")
                    || !header.get(1).strip().equalsIgnoreCase("label")) {
                throw new LabelException(file.getFileName() + " line 1: the header must start with source,label");
            }
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line, file.getFileName() + " line " + n);
                if (f.size() < 2 || f.get(1).isBlank()) {
                    throw new LabelException(file.getFileName() + " line " + n + ": needs a source and a label");
                }
                multi |= f.get(1).contains(";");
                images &= f.get(0).matches("(?i).*\\.(jpe?g|png|gif|bmp|webp|tiff?)$");
                rows.add(new String[]{f.get(0), f.get(1), f.size() > 2 ? f.get(2) : ""});
            }
        } catch (IOException e) {
            throw new LabelException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new LabelException(file.getFileName() + " holds no labelled items");
        }
        List<LabelRecord> records = new ArrayList<>();
        for (String[] r : rows) {
            List<Integer> ks = new ArrayList<>();
            for (String name : r[1].split(";")) {
                String s = name.strip();
                if (!names.contains(s)) {
                    names.add(s);
                }
                ks.add(names.indexOf(s));
            }
            double conf;
            try {
                conf = r[2].isBlank() ? 1.0 : Double.parseDouble(r[2]);
            } catch (NumberFormatException e) {
                throw new LabelException(file.getFileName() + ": confidence '" + r[2] + "' is not a number");
            }
            records.add(new LabelRecord(r[0], new LabelValue.Classes(ks), conf, true));
        }
        LabelTaskType type = images ? (multi ? LabelTaskType.IMAGE_MULTI_LABEL : LabelTaskType.IMAGE_CLASSIFICATION)
                : (multi ? LabelTaskType.TEXT_MULTI_LABEL : LabelTaskType.TEXT_CLASSIFICATION);
        return new LabelSet(type, names, records);
    }

    @Override
    public void write(LabelSet set, String jobName, Path out) throws LabelException {
        if (!(set.type() == LabelTaskType.IMAGE_CLASSIFICATION || set.type() == LabelTaskType.TEXT_CLASSIFICATION
                || set.type() == LabelTaskType.IMAGE_MULTI_LABEL || set.type() == LabelTaskType.TEXT_MULTI_LABEL)) {
            throw new LabelException("CSV holds classes; job '" + jobName + "' is " + set.type());
        }
        FormatSupport.writeFile(out, w -> {
            w.write("source,label,confidence\n");
            for (LabelRecord r : set.records()) {
                String labels = String.join(";", ((LabelValue.Classes) r.value()).classes().stream()
                        .map(k -> set.classNames().get(k)).toList());
                w.write(quote(r.source()) + "," + quote(labels) + "," + r.confidence() + "\n");
            }
        });
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** RFC 4180 fields of one line (quoted fields may not span lines here). */
    private static List<String> fields(String line, String where) throws LabelException {
        if (line == null) {
            throw new LabelException(where + ": the file is empty");
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new LabelException(where + ": a quoted field is not closed");
        }
        out.add(cur.toString());
        return out;
    }
}
