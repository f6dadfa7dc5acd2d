package dev.osprey.app.shell;

import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.IkonHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NavItemTest {
    @Test
    void theRailHasTheTenPagesInOrder() {
        assertThat(Arrays.stream(NavItem.values()).map(NavItem::text)).containsExactly(
                "Home", "Data", "Notebooks", "Labeling", "Training", "Tuning", "Experiments", "Models", "Endpoints",
                "Monitoring");
    }

    @Test
    void shortcutsAreCtrlOneToCtrlZeroInRailOrder() {
        List<String> keys = Arrays.stream(NavItem.values()).map(i -> i.key().getName()).toList();
        assertThat(keys).containsExactly("Shortcut+1", "Shortcut+2", "Shortcut+3", "Shortcut+4", "Shortcut+5",
                "Shortcut+6", "Shortcut+7", "Shortcut+8", "Shortcut+9", "Shortcut+0");
        assertThat(NavItem.DATA.key().getShortcut()).isEqualTo(KeyCombination.ModifierValue.DOWN);
    }

    @Test
    void everyNavigationIconExistsInTheIconPack() {
        for (NavItem item : NavItem.values()) {
            assertThat(resolves(item.icon())).as(item.icon()).isTrue();
        }
    }

    /** A mistyped icon literal shows nothing (or throws at runtime): check every one in the UI's source. */
    @Test
    void everyIconLiteralInTheStudioSourceExists() throws IOException {
        Pattern literal = Pattern.compile("\"(mdi2[a-z]-[a-z0-9-]+)\"");
        Set<String> icons = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/osprey/app"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    icons.add(m.group(1));
                }
            }
        }
        assertThat(icons).hasSizeGreaterThan(20);
        assertThat(icons).allSatisfy(icon -> assertThat(resolves(icon)).as(icon).isTrue());
    }

    private static boolean resolves(String icon) {
        for (IkonHandler handler : ServiceLoader.load(IkonHandler.class)) {
            if (handler.supports(icon)) {
                try {
                    return handler.resolve(icon) != null;
                } catch (RuntimeException e) {
                    return false;
                }
            }
        }
        return false;
    }

    @Test
    void builtPagesHaveNoNoticeTheOthersSaySoInOneLine() {
        for (NavItem built : new NavItem[] {NavItem.HOME, NavItem.DATA, NavItem.NOTEBOOKS, NavItem.TRAINING, NavItem.EXPERIMENTS, NavItem.MODELS}) {
            assertThat(built.pendingNotice()).as(built.name()).isEmpty();
        }
        Arrays.stream(NavItem.values()).filter(i -> i.pendingNotice().isPresent()).forEach(i ->
                assertThat(i.pendingNotice()).get().asString().contains("not built yet").doesNotContain("\n"));
    }
}
