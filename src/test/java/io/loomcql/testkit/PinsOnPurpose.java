package io.loomcql.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that makes virtual threads pin on purpose (the self-tests of the pin
 * detector), so that the suite-wide pin check of {@link LeakCheckExtension} leaves it alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PinsOnPurpose {}
