package com.kaicalls.mock.internal;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The emulator's packages depend on each other one way, down the layers drawn in {@code
 * mock-server/README.md}: a dependency upward (or a new cycle) fails the build here.
 */
class PackageLayeringTest {

  private static final String INTERNAL = "com.kaicalls.mock.internal";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(INTERNAL);

  @Test
  void noTwoPackagesUnderInternalDependOnEachOther() {
    slices().matching(INTERNAL + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void eachPackageUsesOnlyThePackagesBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("wiring")
        .definedBy(INTERNAL)
        .layer("seed")
        .definedBy(INTERNAL + ".seed..")
        .layer("admin")
        .definedBy(INTERNAL + ".admin..")
        .layer("pages")
        .definedBy(INTERNAL + ".pages..")
        .layer("runs")
        .definedBy(INTERNAL + ".runs..")
        .layer("resources")
        .definedBy(INTERNAL + ".resources..")
        .layer("webhooks")
        .definedBy(INTERNAL + ".webhooks..")
        .layer("http")
        .definedBy(INTERNAL + ".http..")
        .layer("access")
        .definedBy(INTERNAL + ".access..")
        .layer("api")
        .definedBy(INTERNAL + ".api..")
        .layer("events")
        .definedBy(INTERNAL + ".events..")
        .layer("spec")
        .definedBy(INTERNAL + ".spec..")
        .layer("clock")
        .definedBy(INTERNAL + ".clock..")
        .layer("documents")
        .definedBy(INTERNAL + ".documents..")
        .layer("store")
        .definedBy(INTERNAL + ".store..")
        .whereLayer("seed")
        .mayOnlyAccessLayers(
            "runs",
            "resources",
            "webhooks",
            "events",
            "access",
            "api",
            "spec",
            "clock",
            "documents",
            "store")
        .whereLayer("admin")
        .mayOnlyAccessLayers(
            "runs", "events", "http", "access", "api", "spec", "clock", "documents", "store")
        .whereLayer("pages")
        .mayOnlyAccessLayers("api", "spec", "documents", "store")
        .whereLayer("runs")
        .mayOnlyAccessLayers(
            "resources", "events", "access", "api", "spec", "clock", "documents", "store")
        .whereLayer("resources")
        .mayOnlyAccessLayers("events", "access", "api", "spec", "clock", "documents", "store")
        .whereLayer("webhooks")
        .mayOnlyAccessLayers("events", "access", "api", "spec", "clock", "documents", "store")
        .whereLayer("http")
        .mayOnlyAccessLayers("access", "api", "spec", "clock", "documents", "store")
        .whereLayer("access")
        .mayOnlyAccessLayers("api", "spec", "documents", "store")
        .whereLayer("api")
        .mayOnlyAccessLayers("spec", "documents", "store")
        .whereLayer("events")
        .mayOnlyAccessLayers("documents", "store")
        .whereLayer("spec")
        .mayOnlyAccessLayers("documents", "store")
        .whereLayer("clock")
        .mayOnlyAccessLayers("documents", "store")
        .whereLayer("documents")
        .mayOnlyAccessLayers("store")
        .whereLayer("store")
        .mayNotAccessAnyLayer()
        .check(CLASSES);
  }
}
