package dev.osprey.app.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.osprey.core.arch.OspreyArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * app: no package cycles, no other module's internals, one crossing onto the FX thread, and view
 * models that hold no nodes (shared/CONVENTIONS.md).
 */
@AnalyzeClasses(packages = "dev.osprey.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noCycles = OspreyArchitecture.noPackageCycles("dev.osprey.app");

    @ArchTest
    static final ArchRule noForeignInternals = OspreyArchitecture.usesNoForeignInternals("dev.osprey.app");

    @ArchTest
    static final ArchRule onlyTheFxAdapterCrossesThreads = noClasses().that().resideOutsideOfPackage("dev.osprey.app.fx..")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("the fx package is the one place that crosses onto the FX thread");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().areAssignableTo(javafx.scene.Node.class)
            .because("a view model is unit-tested without a stage");

    @ArchTest
    static final ArchRule viewModelsDoNotExitTheStudio = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().callMethod(System.class, "exit", int.class);

}
