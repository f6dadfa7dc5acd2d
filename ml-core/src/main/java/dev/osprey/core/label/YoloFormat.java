package dev.osprey.core.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * YOLO darknet labels: a folder with {@code classes.txt} (one name per line) and one
 * {@code <image stem>.txt} per image, each line {@code class cx cy w h} as fractions of the image
 * size. Osprey also writes {@code images.txt} (the image paths in order); on import the images
 * are looked up there, else beside the txt files or in a sibling {@code images/} folder, and
 * their sizes read from their headers.
 */
final class YoloFormat implements LabelFormat.Codec {
    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");

    @Override
    public LabelSet read(Path dir) throws LabelException {
        if (!Files.isDirectory(dir)) {
            throw new LabelException("YOLO labels are a folder with classes.txt and one .txt per image; " + dir + " is not a folder");
        }
        Path classesFile = Files.exists(dir.resolve("classes.txt")) ? dir.resolve("classes.txt") : dir.resolve("obj.names");
        if (!Files.exists(classesFile)) {
            throw new LabelException(dir + " has no classes.txt (or obj.names) naming the classes");
        }
        List<String> names = FormatSupport.readText(classesFile).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<Path> images = new ArrayList<>();
        Path list = dir.resolve("images.txt");
        if (Files.exists(list)) {
            for (String line : FormatSupport.readText(list).lines().filter(s -> !s.isBlank()).toList()) {
                Path p = Path.of(line.strip());
                images.add(p.isAbsolute() ? p : dir.resolve(p));
            }
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path txt : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    String name = txt.getFileName().toString();
                    if (!name.equals("classes.txt") && !name.equals("images.txt")) {
                        images.add(findImage(dir, name.substring(0, name.length() - 4)));
                    }
                }
            } catch (IOException e) {
                throw new LabelException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        List<LabelRecord> records = new ArrayList<>();
        for (Path image : images) {
            String stem = stem(image);
            Path txt = dir.resolve(stem + ".txt");
            ImageSize size = ImageSize.of(image);
            List<Box> boxes = new ArrayList<>();
            if (Files.exists(txt)) {
                int n = 0;
                for (String line : FormatSupport.readText(txt).lines().toList()) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String where = txt.getFileName() + " line " + n;
                    String[] f = line.strip().split("\\s+");
                    if (f.length < 5) {
                        throw new LabelException(where + ": expected 'class cx cy w h', found '" + line.strip() + "'");
                    }
                    try {
                        int k = Integer.parseInt(f[0]);
                        if (k < 0 || k >= names.size()) {
                            throw new LabelException(where + ": class " + k + " is not in classes.txt (" + names.size() + " classes)");
                        }
                        double cx = Double.parseDouble(f[1]) * size.width();
                        double cy = Double.parseDouble(f[2]) * size.height();
                        double w = Double.parseDouble(f[3]) * size.width();
                        double h = Double.parseDouble(f[4]) * size.height();
                        boxes.add(new Box(cx - w / 2, cy - h / 2, w, h, k));
                    } catch (NumberFormatException e) {
                        throw new LabelException(where + ": '" + line.strip() + "' has a value that is not a number");
                    } catch (IllegalArgumentException e) {
                        throw new LabelException(where + ": " + e.getMessage());
                    }
                }
            }
            records.add(new LabelRecord(image.toString(), new LabelValue.Boxes(boxes, size.width(), size.height()), 1.0, true));
        }
        return new LabelSet(LabelTaskType.BOUNDING_BOX, names, records);
    }

    private static Path findImage(Path dir, String stem) throws LabelException {
        for (Path base : List.of(dir, dir.resolveSibling("images"))) {
            for (String ext : IMAGE_EXTENSIONS) {
                for (String e : List.of(ext, ext.toUpperCase(Locale.ROOT))) {
                    Path p = base.resolve(stem + e);
                    if (Files.exists(p)) {
                        return p;
                    }
                }
            }
        }
        throw new LabelException("no image for " + stem + ".txt beside it or in ../images/");
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public void write(LabelSet set, String jobName, Path out) throws LabelException {
        if (set.type() != LabelTaskType.BOUNDING_BOX) {
            throw new LabelException("YOLO holds bounding boxes; job '" + jobName + "' is " + set.type());
        }
        FormatSupport.writeFolder(out, dir -> {
            Files.writeString(dir.resolve("classes.txt"), String.join("\n", set.classNames()) + "\n", StandardCharsets.UTF_8);
            StringBuilder images = new StringBuilder();
            for (LabelRecord r : set.records()) {
                LabelValue.Boxes b = (LabelValue.Boxes) r.value();
                StringBuilder sb = new StringBuilder();
                for (Box x : b.boxes()) {
                    sb.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f%n", x.label(),
                            (x.left() + x.width() / 2) / b.imageWidth(), (x.top() + x.height() / 2) / b.imageHeight(),
                            x.width() / b.imageWidth(), x.height() / b.imageHeight()));
                }
                String stem = stem(Path.of(r.source()));
                if (Files.exists(dir.resolve(stem + ".txt"))) {
                    throw new LabelException("two images are called " + stem + "; YOLO names label files after the image");
                }
                Files.writeString(dir.resolve(stem + ".txt"), sb.toString(), StandardCharsets.UTF_8);
                images.append(r.source()).append('\n');
            }
            Files.writeString(dir.resolve("images.txt"), images.toString(), StandardCharsets.UTF_8);
        });
    }
}
