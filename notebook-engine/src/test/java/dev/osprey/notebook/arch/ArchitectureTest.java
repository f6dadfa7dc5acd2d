package dev.osprey.notebook.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.osprey.core.arch.OspreyArchitecture;

/** notebook-engine: headless (the kernel runs without a display), below the app, no package cycles. */
@AnalyzeClasses(packages = "dev.osprey.notebook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String KERNEL_DISPLAY = "dev.osprey.notebook.kernel.display..";

    /**
     * OspreyArchitecture.headless() minus the kernel-side display helpers: those run only inside
     * the kernel JVM (started with -Djava.awt.headless=true), where drawing a chart or encoding a
     * BufferedImage as PNG needs java.awt; the studio's JVM never loads them (next rule).
     */
    @ArchTest
    static final ArchRule headless = noClasses().that().resideOutsideOfPackage(KERNEL_DISPLAY)
            .should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "org.controlsfx..", "org.fxmisc..")
            .because("this module works headless: from a test, a notebook cell or the command line");

    /** Nothing on the studio's side touches the display helpers; the kernel finds them on its class path. */
    @ArchTest
    static final ArchRule displayOnlyInTheKernel = noClasses().that().resideOutsideOfPackage(KERNEL_DISPLAY)
            .should().dependOnClassesThat().resideInAPackage(KERNEL_DISPLAY)
            .because("the display helpers use java.awt and run only in the kernel JVM");

    /** Even the display helpers stay off JavaFX and Swing. */
    @ArchTest
    static final ArchRule displayNoUiToolkit = noClasses().that().resideInAPackage(KERNEL_DISPLAY)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..", "java.awt.Window", "java.awt.Frame");

    @ArchTest
    static final ArchRule noApp = OspreyArchitecture.doesNotImportTheApp();

    @ArchTest
    static final ArchRule noCycles = OspreyArchitecture.noPackageCycles("dev.osprey.notebook");

    @ArchTest
    static final ArchRule noForeignInternals = OspreyArchitecture.usesNoForeignInternals("dev.osprey.notebook");

    /** Engine code never ends the process that hosts it (a cell may; that only ends the kernel). */
    @ArchTest
    static final ArchRule neverExits = OspreyArchitecture.neverExitsTheProcess();
}
