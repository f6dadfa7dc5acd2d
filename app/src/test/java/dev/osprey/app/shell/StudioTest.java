package dev.osprey.app.shell;

import dev.osprey.app.AppHome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StudioTest {
    @Test
    void passesHomeAndWorkspaceAsNamedParameters() {
        Path home = Path.of("/tmp/osprey-home");
        assertThat(Studio.arguments(new AppHome(home), Path.of("/data/ws/../shop")))
                .containsExactly("--home=" + home, "--workspace=/data/shop");
        assertThat(Studio.arguments(new AppHome(home), null)).containsExactly("--home=" + home);
    }

    @Test
    void theApplicationClassIsNotTheEntryPoint() {
        assertThat(javafx.application.Application.class.isAssignableFrom(Studio.class)).isFalse();
    }
}
