/**
 * The tracking web UI: {@link org.mlops4j.server.ui.TrackingUi} serves experiments, runs, run comparison, the model
 * registry and drift monitoring as server-rendered pages from the JVM, with no script, bound to the loopback address
 * by default; the {@code mlops ui} command starts it from the command line.
 */
package org.mlops4j.server.ui;
