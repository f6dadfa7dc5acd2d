package dev.osprey.notebook.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The parts of one POM file a simple resolver needs, as written (not yet merged with its parents). */
record Pom(Coordinates self, String packaging, Optional<Coordinates> parent, Map<String, String> properties,
           List<Dependency> managed, List<Dependency> dependencies) {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** A {@code <dependency>} as written; version may be empty (managed) or hold ${properties}. */
    record Dependency(String groupId, String artifactId, String version, String classifier, String type,
                      String scope, boolean optional, Set<String> exclusions) {
        String key() {
            return groupId + ":" + artifactId;
        }
    }

    static Pom read(Path file) throws MavenException {
        try (InputStream in = Files.newInputStream(file)) {
            Element root = builder().parse(in).getDocumentElement();
            Element parentEl = child(root, "parent");
            Optional<Coordinates> parent = Optional.empty();
            if (parentEl != null) {
                parent = Optional.of(new Coordinates(text(parentEl, "groupId"), text(parentEl, "artifactId"), text(parentEl, "version"), ""));
            }
            String groupId = text(root, "groupId");
            String version = text(root, "version");
            if (groupId.isEmpty() && parent.isPresent()) {
                groupId = parent.get().groupId();
            }
            if (version.isEmpty() && parent.isPresent()) {
                version = parent.get().version();
            }
            Map<String, String> props = new LinkedHashMap<>();
            Element propsEl = child(root, "properties");
            if (propsEl != null) {
                for (Element p : children(propsEl)) {
                    props.put(p.getTagName(), p.getTextContent().strip());
                }
            }
            Element mgmt = child(root, "dependencyManagement");
            List<Dependency> managed = mgmt == null ? List.of() : dependencies(child(mgmt, "dependencies"));
            String packaging = text(root, "packaging");
            return new Pom(new Coordinates(groupId.isEmpty() ? "?" : groupId, text(root, "artifactId"), version.isEmpty() ? "?" : version, ""),
                    packaging.isEmpty() ? "jar" : packaging, parent, props, managed, dependencies(child(root, "dependencies")));
        } catch (IOException | SAXException | ParserConfigurationException | IllegalArgumentException e) {
            throw new MavenException("cannot read the POM " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Dependency> dependencies(Element list) {
        List<Dependency> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (Element d : children(list)) {
            if (!d.getTagName().equals("dependency")) {
                continue;
            }
            Set<String> exclusions = new java.util.HashSet<>();
            Element ex = child(d, "exclusions");
            if (ex != null) {
                for (Element e : children(ex)) {
                    exclusions.add(text(e, "groupId") + ":" + text(e, "artifactId"));
                }
            }
            String type = text(d, "type");
            out.add(new Dependency(text(d, "groupId"), text(d, "artifactId"), text(d, "version"), text(d, "classifier"),
                    type.isEmpty() ? "jar" : type, text(d, "scope"), "true".equals(text(d, "optional")), Set.copyOf(exclusions)));
        }
        return out;
    }

    /** Replaces ${name} with properties, repeatedly (properties may refer to properties). */
    static String interpolate(String value, Map<String, String> properties) {
        String current = value;
        for (int round = 0; round < 10 && current.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replacement = properties.get(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
            }
            m.appendTail(sb);
            if (sb.toString().equals(current)) {
                break;
            }
            current = sb.toString();
        }
        return current;
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // A downloaded POM is untrusted input: no DTDs, no external entities.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f.newDocumentBuilder();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }
}
