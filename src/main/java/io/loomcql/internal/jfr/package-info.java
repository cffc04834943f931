/**
 * JDK Flight Recorder events, under the category "loomcql". They cost nothing unless a recording
 * enables them ({@code jfr print --categories loomcql} shows them).
 */
package io.loomcql.internal.jfr;
