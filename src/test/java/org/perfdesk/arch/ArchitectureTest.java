package org.perfdesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: app (and bench) → ui, cli → exchange, evaluation, report, store → domain. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.perfdesk");

    @Test
    void layersDependDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("app").definedBy("org.perfdesk.app..")
                .layer("bench").definedBy("org.perfdesk.bench..")
                .layer("ui").definedBy("org.perfdesk.ui..")
                .layer("cli").definedBy("org.perfdesk.cli..")
                .layer("exchange").definedBy("org.perfdesk.exchange..")
                .layer("evaluation").definedBy("org.perfdesk.evaluation..")
                .layer("report").definedBy("org.perfdesk.report..")
                .layer("store").definedBy("org.perfdesk.store..")
                .layer("domain").definedBy("org.perfdesk.domain..")
                // The benchmarks start the program's own main class in child JVMs and preload as a window
                // start does; only the launcher registers them as `perfdesk bench`.
                .whereLayer("app").mayOnlyBeAccessedByLayers("bench")
                .whereLayer("bench").mayOnlyBeAccessedByLayers("app")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("exchange").mayOnlyBeAccessedByLayers("app", "bench", "ui", "cli")
                // Reports render evaluation results (the results workbook, the notice).
                .whereLayer("evaluation").mayOnlyBeAccessedByLayers("app", "bench", "ui", "cli", "report")
                .whereLayer("report").mayOnlyBeAccessedByLayers("app", "bench", "ui", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("app", "bench", "ui", "cli", "exchange", "evaluation",
                        "report")
                .check(CLASSES);
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("org.perfdesk.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.sqlite..",
                        "com.fasterxml..", "org.apache.poi..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWindowUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.perfdesk.ui..", "org.perfdesk.app..", "org.perfdesk.bench..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    /**
     * Bouncy Castle serves the gm-1 suite from exchange/crypto only, through its own classes: no provider
     * is registered, so every algorithm looked up by name (all of intl-1) stays the JDK's.
     */
    @Test
    void bouncyCastleStaysInsideTheCryptoPackageAndIsNeverRegistered() {
        noClasses().that().resideOutsideOfPackage("org.perfdesk.exchange.crypto")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(CLASSES);
        noClasses().should().callMethod(java.security.Security.class, "addProvider", java.security.Provider.class)
                .orShould().callMethod(java.security.Security.class, "insertProviderAt", java.security.Provider.class,
                        int.class)
                .check(CLASSES);
    }

    @Test
    void viewModelsNeverTouchNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(CLASSES);
    }
}
