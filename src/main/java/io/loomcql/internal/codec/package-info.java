/** Serialization of CQL values: Java objects to cell bytes and back. */
package io.loomcql.internal.codec;
