package dev.osprey.notebook.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver against a real HTTP repository on loopback: downloads with SHA-1 checks, parents,
 * properties, dependency management, an imported BOM, scopes, optional dependencies and exclusions.
 */
class MavenResolverTest {
    @TempDir
    Path local;
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repo/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/repo/".length());
            requested.add(path);
            byte[] body = files.get(path);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI remote() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/repo/");
    }

    private void publish(String g, String a, String v, String pomBody, boolean jar) throws Exception {
        String dir = g.replace('.', '/') + "/" + a + "/" + v + "/" + a + "-" + v;
        String pom = "<project><modelVersion>4.0.0</modelVersion>" + pomBody + "</project>";
        put(dir + ".pom", pom.getBytes(StandardCharsets.UTF_8));
        if (jar) {
            put(dir + ".jar", (a + "-" + v + " jar").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void put(String path, byte[] bytes) throws Exception {
        files.put(path, bytes);
        files.put(path + ".sha1", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void downloadsTheArtifactAndItsRuntimeDependencies() throws Exception {
        publish("org.demo", "parent", "1", """
                <groupId>org.demo</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging>
                <properties><util.version>2.0</util.version></properties>
                <dependencyManagement><dependencies>
                  <dependency><groupId>org.demo</groupId><artifactId>bom</artifactId><version>3</version><type>pom</type><scope>import</scope></dependency>
                </dependencies></dependencyManagement>""", false);
        publish("org.demo", "bom", "3", """
                <groupId>org.demo</groupId><artifactId>bom</artifactId><version>3</version><packaging>pom</packaging>
                <dependencyManagement><dependencies>
                  <dependency><groupId>org.demo</groupId><artifactId>managed</artifactId><version>3.1</version></dependency>
                </dependencies></dependencyManagement>""", false);
        publish("org.demo", "app", "1.0", """
                <parent><groupId>org.demo</groupId><artifactId>parent</artifactId><version>1</version></parent>
                <artifactId>app</artifactId>
                <dependencies>
                  <dependency><groupId>org.demo</groupId><artifactId>util</artifactId><version>${util.version}</version>
                    <exclusions><exclusion><groupId>org.demo</groupId><artifactId>excluded</artifactId></exclusion></exclusions></dependency>
                  <dependency><groupId>org.demo</groupId><artifactId>managed</artifactId></dependency>
                  <dependency><groupId>org.demo</groupId><artifactId>testlib</artifactId><version>1</version><scope>test</scope></dependency>
                  <dependency><groupId>org.demo</groupId><artifactId>optional</artifactId><version>1</version><optional>true</optional></dependency>
                  <dependency><groupId>org.demo</groupId><artifactId>rt</artifactId><version>1</version><scope>runtime</scope></dependency>
                </dependencies>""", true);
        publish("org.demo", "util", "2.0", """
                <groupId>org.demo</groupId><artifactId>util</artifactId><version>2.0</version>
                <dependencies>
                  <dependency><groupId>org.demo</groupId><artifactId>excluded</artifactId><version>1</version></dependency>
                  <dependency><groupId>org.demo</groupId><artifactId>managed</artifactId><version>0.1</version></dependency>
                </dependencies>""", true);
        publish("org.demo", "managed", "3.1", "<groupId>org.demo</groupId><artifactId>managed</artifactId><version>3.1</version>", true);
        publish("org.demo", "rt", "1", "<groupId>org.demo</groupId><artifactId>rt</artifactId><version>1</version>", true);

        List<Path> jars = new MavenResolver(local, remote()).resolve(List.of(Coordinates.parse("org.demo:app:1.0")));

        assertThat(jars).extracting(p -> p.getFileName().toString())
                .containsExactly("app-1.0.jar", "util-2.0.jar", "managed-3.1.jar", "rt-1.jar");
        assertThat(jars).allSatisfy(p -> assertThat(p).startsWith(local).isRegularFile());
        assertThat(requested).noneMatch(p -> p.contains("testlib") || p.contains("optional") || p.contains("excluded"));

        // the second time everything comes from the local repository
        requested.clear();
        new MavenResolver(local, remote()).resolve(List.of(Coordinates.parse("org.demo:app:1.0")));
        assertThat(requested).isEmpty();
    }

    @Test
    void aDamagedDownloadIsRefused() throws Exception {
        publish("org.demo", "bad", "1", "<groupId>org.demo</groupId><artifactId>bad</artifactId><version>1</version>", true);
        files.put("org/demo/bad/1/bad-1.jar", "tampered".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new MavenResolver(local, remote()).resolve(List.of(Coordinates.parse("org.demo:bad:1"))))
                .isInstanceOf(MavenException.class).hasMessageContaining("SHA-1");
        assertThat(local.resolve("org/demo/bad/1/bad-1.jar")).doesNotExist();
    }

    @Test
    void missingArtifactsAndBadCoordinatesSaySo() {
        assertThatThrownBy(() -> new MavenResolver(local, remote()).resolve(List.of(Coordinates.parse("org.demo:none:1"))))
                .isInstanceOf(MavenException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Coordinates.parse("just-a-name")).hasMessageContaining("group:artifact:version");
        assertThatThrownBy(() -> Coordinates.parse("../../etc:passwd:1")).hasMessageContaining("not a Maven coordinate part");
    }

    @Test
    void aDtdInAPomIsRejected() throws Exception {
        Files.createDirectories(local.resolve("org/evil/x/1"));
        Files.writeString(local.resolve("org/evil/x/1/x-1.pom"),
                "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><project>&e;</project>");
        assertThatThrownBy(() -> new MavenResolver(local, null).resolve(List.of(Coordinates.parse("org.evil:x:1"))))
                .isInstanceOf(MavenException.class).hasMessageContaining("cannot read the POM");
    }
}
