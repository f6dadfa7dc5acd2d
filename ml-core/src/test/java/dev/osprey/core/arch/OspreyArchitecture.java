package dev.osprey.core.arch;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of shared/ARCHITECTURE.md as ArchUnit rules. Every module's own
 * ArchitectureTest applies the ones that concern it (ml-core ships them in its test jar).
 */
public final class OspreyArchitecture {
    private OspreyArchitecture() {
    }

    /**
     * No JavaFX, AWT windowing or Swing: the module works headless. {@code java.awt.image} and
     * {@code java.awt.color} stay allowed: they are the pixel buffers {@code javax.imageio} decodes
     * into, and work without a display (ADR 0004).
     */
    public static ArchRule headless() {
        return noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "java.awt", "java.awt.event..", "java.awt.geom..", "java.awt.font..",
                        "java.awt.dnd..", "java.awt.datatransfer..", "java.awt.print..", "java.awt.im..",
                        "javax.swing..", "org.controlsfx..", "org.fxmisc..")
                .because("this module works headless: from a test, a notebook cell or the command line");
    }

    /** Nothing but the app itself may import the app. */
    public static ArchRule doesNotImportTheApp() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("dev.osprey.app..")
                .because("the app is the top of the module graph");
    }

    /** No cycles between the packages below {@code basePackage}. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** A package named {@code internal} is private to its module. */
    public static ArchRule internalsStayInTheirModule(String ownBasePackage) {
        return noClasses().that().resideOutsideOfPackage(ownBasePackage + "..")
                .should().dependOnClassesThat().resideInAPackage(ownBasePackage + "..internal..")
                .allowEmptyShould(true);
    }

    /** Other modules' internal packages are not used from {@code ownBasePackage}. */
    public static ArchRule usesNoForeignInternals(String ownBasePackage) {
        return noClasses().that().resideInAPackage(ownBasePackage + "..")
                .should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("an internal class of another module",
                                c -> c.getPackageName().contains(".internal") && c.getPackageName().startsWith("dev.osprey.")
                                        && !c.getPackageName().startsWith(ownBasePackage)))
                .allowEmptyShould(true);
    }

    /** Engine code never ends the process that hosts it. */
    public static ArchRule neverExitsTheProcess() {
        return noClasses().should().callMethod(System.class, "exit", int.class)
                .because("an engine call must never end the process that hosts it (the studio, a kernel)");
    }
}
