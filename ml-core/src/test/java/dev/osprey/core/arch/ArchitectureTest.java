package dev.osprey.core.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** ml-core: headless, the bottom of the module graph, no package cycles. */
@AnalyzeClasses(packages = "dev.osprey.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule headless = OspreyArchitecture.headless();

    @ArchTest
    static final ArchRule noApp = OspreyArchitecture.doesNotImportTheApp();

    @ArchTest
    static final ArchRule noOtherModules = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.osprey.labeling..", "dev.osprey.notebook..", "dev.osprey.server..")
            .because("ml-core is the bottom of the module graph");

    @ArchTest
    static final ArchRule noCycles = OspreyArchitecture.noPackageCycles("dev.osprey.core");

    @ArchTest
    static final ArchRule noExit = OspreyArchitecture.neverExitsTheProcess();
}
