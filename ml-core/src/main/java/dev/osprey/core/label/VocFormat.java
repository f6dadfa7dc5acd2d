package dev.osprey.core.label;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pascal VOC: a folder of XML files, one per image, with {@code filename}, {@code size} and
 * {@code object}s holding a class {@code name} and a {@code bndbox} of pixel corners. The XML
 * parser refuses DOCTYPEs, so a hostile file cannot pull in external entities.
 */
final class VocFormat implements LabelFormat.Codec {
    @Override
    public LabelSet read(Path dir) throws LabelException {
        if (!Files.isDirectory(dir)) {
            throw new LabelException("Pascal VOC labels are a folder of .xml files; " + dir + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new LabelException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new LabelException(dir + " holds no .xml files");
        }
        List<String> names = new ArrayList<>();
        List<LabelRecord> records = new ArrayList<>();
        DocumentBuilder builder = builder();
        for (Path f : files) {
            String where = f.getFileName().toString();
            Document doc;
            try {
                doc = builder.parse(f.toFile());
            } catch (Exception e) {
                throw new LabelException(where + " is not valid XML: " + e.getMessage());
            }
            Element root = doc.getDocumentElement();
            if (!root.getTagName().equals("annotation")) {
                throw new LabelException(where + ": the root element must be <annotation>");
            }
            String source = text(root, "path").isEmpty() ? text(root, "filename") : text(root, "path");
            Element size = child(root, "size", where);
            int width = integer(child(size, "width", where), where);
            int height = integer(child(size, "height", where), where);
            List<Box> boxes = new ArrayList<>();
            NodeList objects = root.getElementsByTagName("object");
            for (int i = 0; i < objects.getLength(); i++) {
                Element o = (Element) objects.item(i);
                String name = text(o, "name");
                if (name.isEmpty()) {
                    throw new LabelException(where + ": an <object> has no <name>");
                }
                if (!names.contains(name)) {
                    names.add(name);
                }
                Element bb = child(o, "bndbox", where);
                double xmin = number(child(bb, "xmin", where), where);
                double ymin = number(child(bb, "ymin", where), where);
                double xmax = number(child(bb, "xmax", where), where);
                double ymax = number(child(bb, "ymax", where), where);
                try {
                    boxes.add(new Box(xmin, ymin, xmax - xmin, ymax - ymin, names.indexOf(name)));
                } catch (IllegalArgumentException e) {
                    throw new LabelException(where + ": " + e.getMessage());
                }
            }
            records.add(new LabelRecord(source, new LabelValue.Boxes(boxes, width, height), 1.0, true));
        }
        return new LabelSet(LabelTaskType.BOUNDING_BOX, names, records);
    }

    private static DocumentBuilder builder() throws LabelException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (Exception e) {
            throw new LabelException("no safe XML parser: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String tag, String where) throws LabelException {
        NodeList l = parent.getElementsByTagName(tag);
        if (l.getLength() == 0) {
            throw new LabelException(where + ": <" + parent.getTagName() + "> has no <" + tag + ">");
        }
        return (Element) l.item(0);
    }

    private static String text(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }

    private static double number(Element e, String where) throws LabelException {
        try {
            return Double.parseDouble(e.getTextContent().strip());
        } catch (NumberFormatException ex) {
            throw new LabelException(where + ": <" + e.getTagName() + "> '" + e.getTextContent().strip() + "' is not a number");
        }
    }

    private static int integer(Element e, String where) throws LabelException {
        return (int) Math.round(number(e, where));
    }

    @Override
    public void write(LabelSet set, String jobName, Path out) throws LabelException {
        if (set.type() != LabelTaskType.BOUNDING_BOX) {
            throw new LabelException("Pascal VOC holds bounding boxes; job '" + jobName + "' is " + set.type());
        }
        FormatSupport.writeFolder(out, dir -> {
            int n = 0;
            for (LabelRecord r : set.records()) {
                n++;
                LabelValue.Boxes b = (LabelValue.Boxes) r.value();
                Path source = Path.of(r.source());
                StringBuilder x = new StringBuilder("<annotation>\n");
                x.append("  <folder>").append(esc(jobName)).append("</folder>\n");
                x.append("  <filename>").append(esc(String.valueOf(source.getFileName()))).append("</filename>\n");
                x.append("  <path>").append(esc(r.source())).append("</path>\n");
                x.append("  <size><width>").append(b.imageWidth()).append("</width><height>").append(b.imageHeight())
                        .append("</height><depth>3</depth></size>\n");
                for (Box box : b.boxes()) {
                    x.append("  <object><name>").append(esc(set.classNames().get(box.label())))
                            .append("</name><pose>Unspecified</pose><truncated>0</truncated><difficult>0</difficult>")
                            .append("<bndbox><xmin>").append(box.left()).append("</xmin><ymin>").append(box.top())
                            .append("</ymin><xmax>").append(box.right()).append("</xmax><ymax>").append(box.bottom())
                            .append("</ymax></bndbox></object>\n");
                }
                x.append("</annotation>\n");
                String stem = String.valueOf(source.getFileName()).replaceFirst("\\.[^.]+$", "");
                Files.writeString(dir.resolve(String.format("%06d_%s.xml", n, stem)), x.toString(), StandardCharsets.UTF_8);
            }
        });
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
