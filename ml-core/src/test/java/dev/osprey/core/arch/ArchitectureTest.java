package dev.osprey.core.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of shared/ARCHITECTURE.md for ml-core: headless, below the app, no package cycles. */
@AnalyzeClasses(packages = "dev.osprey.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noUiToolkits = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("ml-core works headless: from a test, a notebook cell or the command line");

    @ArchTest
    static final ArchRule nothingImportsTheApp = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.osprey.app..", "dev.osprey.labeling..", "dev.osprey.notebook..", "dev.osprey.server..")
            .because("ml-core is the bottom of the module graph");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.osprey.core.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule neverExitsTheProcess = noClasses().should().callMethod(System.class, "exit", int.class)
            .because("an engine call must never end the process that hosts it (the studio, a kernel)");
}
