package dev.osprey.core.label;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CoNLL entities: one token per line with its BIO tag last ({@code Paris B-LOC}), a blank line
 * between items. An item's text is its tokens joined by single spaces; a span covers whole
 * tokens, so on export a span is widened to the tokens it touches.
 */
final class ConllFormat implements LabelFormat.Codec {
    @Override
    public LabelSet read(Path file) throws LabelException {
        List<String> names = new ArrayList<>();
        List<LabelRecord> records = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder text = new StringBuilder();
            List<Span> spans = new ArrayList<>();
            int openStart = -1;
            int openLabel = -1;
            int openEnd = -1;
            String line;
            int n = 0;
            while (true) {
                line = in.readLine();
                n++;
                boolean end = line == null || line.isBlank();
                if (line != null && line.startsWith("-DOCSTART-")) {
                    continue;
                }
                if (end) {
                    if (openStart >= 0) {
                        spans.add(new Span(openStart, openEnd, openLabel));
                        openStart = -1;
                    }
                    if (!text.isEmpty()) {
                        records.add(new LabelRecord(text.toString(), new LabelValue.Spans(spans), 1.0, true));
                        text.setLength(0);
                        spans = new ArrayList<>();
                    }
                    if (line == null) {
                        break;
                    }
                    continue;
                }
                String[] f = line.strip().split("\\s+");
                if (f.length < 2) {
                    throw new LabelException(file.getFileName() + " line " + n + ": expected 'token TAG', found '" + line.strip() + "'");
                }
                String token = f[0];
                String tag = f[f.length - 1];
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                int start = text.length();
                text.append(token);
                int stop = text.length();
                if (tag.equals("O")) {
                    if (openStart >= 0) {
                        spans.add(new Span(openStart, openEnd, openLabel));
                        openStart = -1;
                    }
                    continue;
                }
                if (!(tag.startsWith("B-") || tag.startsWith("I-")) || tag.length() < 3) {
                    throw new LabelException(file.getFileName() + " line " + n + ": tag '" + tag + "' is not O, B-X or I-X");
                }
                String name = tag.substring(2);
                if (!names.contains(name)) {
                    names.add(name);
                }
                int k = names.indexOf(name);
                if (tag.startsWith("I-") && openStart >= 0 && openLabel == k) {
                    openEnd = stop;
                } else {
                    if (openStart >= 0) {
                        spans.add(new Span(openStart, openEnd, openLabel));
                    }
                    openStart = start;
                    openEnd = stop;
                    openLabel = k;
                }
            }
        } catch (IOException e) {
            throw new LabelException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new LabelException(file.getFileName() + " holds no tokens");
        }
        return new LabelSet(LabelTaskType.NAMED_ENTITY, names, records);
    }

    @Override
    public void write(LabelSet set, String jobName, Path out) throws LabelException {
        if (set.type() != LabelTaskType.NAMED_ENTITY) {
            throw new LabelException("CoNLL holds entity spans; job '" + jobName + "' is " + set.type());
        }
        FormatSupport.writeFile(out, w -> {
            for (LabelRecord r : set.records()) {
                String text = r.source();
                List<Span> spans = ((LabelValue.Spans) r.value()).spans();
                int i = 0;
                Span previous = null;
                while (i < text.length()) {
                    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    int start = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    if (start == i) {
                        break;
                    }
                    int tokenStart = start;
                    int tokenEnd = i;
                    Span hit = spans.stream().filter(s -> s.start() < tokenEnd && s.end() > tokenStart).findFirst().orElse(null);
                    String tag = hit == null ? "O" : (hit.equals(previous) ? "I-" : "B-") + set.classNames().get(hit.label());
                    w.write(text, start, i - start);
                    w.write(' ');
                    w.write(tag);
                    w.write('\n');
                    previous = hit;
                }
                w.write('\n');
            }
        });
    }
}
