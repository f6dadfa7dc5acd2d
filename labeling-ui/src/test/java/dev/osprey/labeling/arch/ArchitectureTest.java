package dev.osprey.labeling.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.osprey.core.arch.OspreyArchitecture;

/** labeling-ui: may use JavaFX, but not the app; no package cycles. */
@AnalyzeClasses(packages = "dev.osprey.labeling", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noApp = OspreyArchitecture.doesNotImportTheApp();

    @ArchTest
    static final ArchRule noCycles = OspreyArchitecture.noPackageCycles("dev.osprey.labeling");

    @ArchTest
    static final ArchRule noForeignInternals = OspreyArchitecture.usesNoForeignInternals("dev.osprey.labeling");
}
