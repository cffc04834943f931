/** Mapping rows to Java records. */
package io.loomcql.internal.mapping;
