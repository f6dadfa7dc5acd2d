package dev.osprey.notebook.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.osprey.core.arch.OspreyArchitecture;

/** notebook-engine: headless (the kernel runs without a display), below the app, no package cycles. */
@AnalyzeClasses(packages = "dev.osprey.notebook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule headless = OspreyArchitecture.headless();

    @ArchTest
    static final ArchRule noApp = OspreyArchitecture.doesNotImportTheApp();

    @ArchTest
    static final ArchRule noCycles = OspreyArchitecture.noPackageCycles("dev.osprey.notebook");

    @ArchTest
    static final ArchRule noForeignInternals = OspreyArchitecture.usesNoForeignInternals("dev.osprey.notebook");
}
